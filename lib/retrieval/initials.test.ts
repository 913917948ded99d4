import { describe, expect, it } from 'vitest';
import { createInitialsReader } from './initials';

const words = new Map([
  ['资金管控', 13],
  ['小程序', 17],
  ['实名', 26],
  ['扫码', 16],
  ['处理', 9],
  ['微信', 54],
  ['无效', 3],
  ['实名认证', 12],
]);
const reader = createInitialsReader(words, (w) => w === 'sync');

describe('createInitialsReader', () => {
  it('reads pinyin initials as the corpus word they abbreviate', () => {
    expect(reader.read('xcx zjgk多久解冻')).toBe('小程序 资金管控多久解冻');
    expect(reader.read('wx支付失败')).toBe('微信支付失败');
  });
  it('reads initials typed apart together when one of them alone is no word', () => {
    expect(reader.read('wx sm rz yao sha ziliao')).toBe('微信 实名认证 yao sha ziliao');
    // Each read alone first: 「wx zjgk」 is two words, not one.
    expect(reader.read('wx zjgk')).toBe('微信 资金管控');
    expect(reader.read('sm rz')).toBe('实名认证');
  });
  it('leaves initials two words share, codes, English words and the corpus own terms alone', () => {
    expect(reader.read('sm认证')).toBe('sm认证');
    expect(reader.read('cl-204')).toBe('cl-204');
    expect(reader.read('forgot my password')).toBe('forgot my password');
    expect(reader.read('sync')).toBe('sync');
    expect(createInitialsReader(new Map([...words, ['xcx', 2]]), () => false).read('xcx')).toBe('xcx');
  });
});

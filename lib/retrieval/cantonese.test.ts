import { describe, expect, it } from 'vitest';
import { cantoneseBeforeSimplifying, cantoneseToMandarin } from './cantonese';
import { readTyped } from './simplified';

describe('cantoneseToMandarin', () => {
  it('reads written Cantonese as Mandarin, longest form first', () => {
    // Written for this test.
    expect(cantoneseToMandarin('点解张卡冇反应')).toBe('为什么张卡没有反应');
    expect(cantoneseToMandarin('系唔系要搵银联')).toBe('是不是要找银联');
    expect(cantoneseToMandarin('佢哋话啱啱俾咗钱')).toBe('他们话刚刚给了钱');
  });

  it('leaves Mandarin that shares a character alone (系统, 一点, 点击, 好呢, 返回, 仲裁)', () => {
    const mandarin = '系统提示点击一点也没反应,好呢,返回仲裁';
    expect(cantoneseToMandarin(mandarin)).toBe(mandarin);
  });

  it('reads 係 as 是 before traditional characters are simplified, but not in 關係', () => {
    expect(cantoneseBeforeSimplifying('如果係個體戶呢,同呢個關係大唔大')).toBe('如果是個體戶呢,同呢個關係大唔大');
  });

  it('is part of reading a typed message, after traditional characters are read as simplified', () => {
    expect(readTyped('係咪我哋網絡有事？')).toBe('是不是我们网络有事?');
  });
});

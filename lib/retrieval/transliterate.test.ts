import { describe, expect, it } from 'vitest';
import { createPinyinTransliterator } from './transliterate';

const words = new Map(
  [
    ['挥卡', 3],
    ['报错', 5],
    ['无效', 2],
    ['商户', 9],
    ['好老板', 4],
    ['播报', 2],
    ['不能', 9],
    ['金额', 3],
    ['对账单', 2],
    ['下载', 3],
    ['app', 4],
    ['那么', 2],
  ].map(([w, n]) => [w as string, n as number]),
);
const english = new Set(['change', 'refund', 'bank']);
const t = createPinyinTransliterator(words, (w) => english.has(w));

describe('createPinyinTransliterator', () => {
  it('reads pinyin, with or without spaces and apostrophes, as the corpus words it spells', () => {
    expect(t.transliterate('haolaoban bu bobao')).toBe('好老板不播报');
    expect(t.transliterate('huika wuxiao shanghu')).toBe('挥卡无效商户');
    expect(t.transliterate("jin'e")).toBe('金额');
    expect(t.transliterate('dui zhang dan xia zai')).toBe('对账单下载');
  });

  it('reads a long stretch of pinyin in its parts when the whole is not mostly corpus words', () => {
    // Written for this test: 我的, 昨天 and 一直 are no words of this corpus; read as a whole, the stretch was left as typed.
    expect(t.transliterate('wode haolaoban zuotian yizhi bu bobao')).toBe('wo de 好老板 zuotian yizhi 不播报');
    // A message of hundreds of pinyin words that spell nothing is read in bounded stretches (it took minutes when every stretch
    // was tried): it stays as typed.
    const long = Array.from({ length: 400 }, () => 'ni hao').join(' ');
    expect(t.transliterate(long)).toBe(long);
  });

  it('replaces only the pinyin inside mixed text and keeps the rest', () => {
    expect(t.transliterate('POS 03 wuxiao shanghu 咋回事')).toBe('POS 03 无效商户 咋回事');
    expect(t.transliterate('好老板app bu bobao le')).toBe('好老板app 不播报 le');
  });

  it('leaves English, acronyms, lone syllables and pinyin that spells no corpus word', () => {
    expect(t.transliterate('how do I refund a card payment')).toBe('how do I refund a card payment');
    expect(t.transliterate('can I change my bank card')).toBe('can I change my bank card');
    expect(t.transliterate('ma')).toBe('ma');
    // Readable as pinyin, but no corpus word: 天气 is not in this corpus.
    expect(t.transliterate('tianqi zenyang')).toBe('tianqi zenyang');
    expect(t.transliterate('SHANGHU')).toBe('SHANGHU');
    // "rename" reads re 那么 (a corpus word), but the run is English.
    expect(t.transliterate('write me a python script to rename all files')).toBe('write me a python script to rename all files');
    expect(t.transliterate('rename')).toBe('re 那么');
  });
});

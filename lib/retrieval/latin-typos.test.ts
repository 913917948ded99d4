import { describe, expect, it } from 'vitest';
import { createLatinSpeller } from './latin-typos';

describe('createLatinSpeller', () => {
  const speller = createLatinSpeller(['trade', 'closed', 'systemerror', 'applet', 'reply', 'notify', 'notice', 'lian', '商户']);

  it('corrects a word of a code typed with one slip to the corpus word one edit away', () => {
    expect(speller.correct('商户交易报 TRADE_CLOSD')).toBe('商户交易报 TRADE_closed');
    expect(speller.correct('trade_closd是啥')).toBe('trade_closed是啥');
    expect(speller.correct('报SYTEMERROR怎么办')).toBe('报systemerror怎么办');
    expect(speller.correct('TRADE_CLOESD')).toBe('TRADE_closed');
  });

  it('leaves ordinary English and pinyin alone, and within a code corpus words, short words and words with two neighbours', () => {
    expect(speller.correct('apple pay repay liang')).toBe('apple pay repay liang');
    expect(speller.correct('Apple Repay')).toBe('Apple Repay');
    expect(speller.correct('TRADE_CLOSED')).toBe('TRADE_CLOSED');
    expect(speller.correct('TRAD_X')).toBe('TRAD_X');
    // notice and notify are both one edit from notife
    expect(speller.correct('NOTIFE_URL')).toBe('NOTIFE_URL');
    // The first letter is never the slip.
    expect(speller.correct('XLOSED_1')).toBe('XLOSED_1');
  });
});

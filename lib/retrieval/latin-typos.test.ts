import { describe, expect, it } from 'vitest';
import { createLatinSpeller, oneEditApart } from './latin-typos';

describe('createLatinSpeller', () => {
  const speller = createLatinSpeller(['trade', 'closed', 'systemerror', 'refund', 'notify', 'notice', '商户'], (w) => w === 'closer');

  it('corrects a Latin word typed with one slip to the corpus word one edit away', () => {
    expect(speller.correct('商户交易报 TRADE_CLOSD')).toBe('商户交易报 TRADE_closed');
    expect(speller.correct('报sytemerror怎么办')).toBe('报systemerror怎么办');
    expect(speller.correct('refnud failed')).toBe('refund failed');
  });

  it('leaves corpus words, short words, known English words and words with two neighbours alone', () => {
    expect(speller.correct('trade closed')).toBe('trade closed');
    expect(speller.correct('trad')).toBe('trad');
    expect(speller.correct('closer')).toBe('closer');
    // notice and notify are both one edit from notife
    expect(speller.correct('notife')).toBe('notife');
    // The first letter is never the slip: xlosed is not corrected.
    expect(speller.correct('xlosed')).toBe('xlosed');
  });
});

describe('oneEditApart', () => {
  it('finds one insertion, deletion, substitution or swap of neighbours, and nothing more', () => {
    for (const [a, b] of [
      ['closd', 'closed'],
      ['closeed', 'closed'],
      ['clised', 'closed'],
      ['colsed', 'closed'],
    ])
      expect(oneEditApart(a!, b!), `${a} ${b}`).toBe(true);
    for (const [a, b] of [
      ['closed', 'closed'],
      ['clsd', 'closed'],
      ['cloeds', 'closed'],
      ['closedxy', 'closed'],
    ])
      expect(oneEditApart(a!, b!), `${a} ${b}`).toBe(false);
  });
});

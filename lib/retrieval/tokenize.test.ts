import { describe, expect, it } from 'vitest';
import { createTokenizer, spokenCodes } from './tokenize';

describe('spokenCodes', () => {
  it.each([
    ['pos机报九六', 'pos机报96'],
    ['挥卡报零三无效商户', '挥卡报03无效商户'],
    ['响应码六一', '响应码61'],
  ])('reads a code typed as spoken digits: %s', (q, read) => {
    expect(spokenCodes(q)).toBe(read);
  });

  it.each(['提示三四天', '一审二审', '报一下', '结算要三五天'])('leaves counts and words alone: %s', (q) => {
    expect(spokenCodes(q)).toBe(q);
  });
});

describe('stopwords', () => {
  it('leave the formal register’s framing out of the words a question is searched and covered by', () => {
    const tokenizer = createTokenizer({ dictionary: [], synonyms: [] });
    const words = tokenizer.words('兹有我司门店收款失败，烦请告知此事宜之处理方法，请予明确');
    for (const framing of ['兹', '我司', '烦请', '事宜', '之', '请予']) expect(words).not.toContain(framing);
    expect(words).toEqual(expect.arrayContaining(['门店', '收款', '失败']));
  });
});

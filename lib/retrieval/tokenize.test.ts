import { describe, expect, it } from 'vitest';
import { spokenCodes } from './tokenize';

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

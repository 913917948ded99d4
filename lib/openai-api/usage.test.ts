import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Tiktoken } from 'js-tiktoken/lite';
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { describe, expect, it } from 'vitest';
import { estimateTokens, usageOf } from './usage';

describe('estimateTokens', () => {
  it.each([
    ['', 0],
    ['挥卡报03怎么办', 7],
    ['退款\uFF0C多久到账\uFF1F', 8],
    ['退款,多久到账?', 7],
    ['refund', 2],
    ['POS 机', 2],
    ['𠀀', 1],
  ])('%j -> %d', (text, n) => expect(estimateTokens(text)).toBe(n));

  it('sums prompt (user messages) and completion', () => {
    expect(usageOf(['挥卡报03', '怎么办'], '请联系通联 [FAQ2.5]')).toEqual({ prompt_tokens: 4 + 3, completion_tokens: 5 + 3, total_tokens: 15 });
  });

  // The estimate against real tokenizers over the whole FAQ (js-tiktoken, offline ranks): between
  // GPT-4o's o200k_base and GPT-3.5/4's cl100k_base. Measured: 10,497 / o200k 8,579 / cl100k 11,311.
  it('stays between o200k_base and cl100k_base over the FAQ', () => {
    const faq = readFileSync(path.resolve(import.meta.dirname, '../../corpus/faq.txt'), 'utf8');
    const entries = faq.split(/\n(?=FAQ\d+\.\d+)/);
    const count = (enc: Tiktoken) => entries.reduce((n, e) => n + enc.encode(e).length, 0);
    const ours = entries.reduce((n, e) => n + estimateTokens(e), 0);
    expect(ours).toBeGreaterThan(count(new Tiktoken(o200k)));
    expect(ours).toBeLessThan(count(new Tiktoken(cl100k)));
  }, 30_000);
});

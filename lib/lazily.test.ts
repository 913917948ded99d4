import { describe, expect, it } from 'vitest';
import { lastResultOf, lazily } from './lazily';

describe('lazily', () => {
  it('computes nothing until asked, then once', () => {
    let calls = 0;
    const get = lazily(() => ++calls);
    expect(calls).toBe(0);
    expect([get(), get(), get()]).toEqual([1, 1, 1]);
    expect(calls).toBe(1);
  });

  it('tries again after a throw rather than keeping a value never made', () => {
    let calls = 0;
    const get = lazily(() => {
      if (++calls === 1) throw new Error('first');
      return calls;
    });
    expect(get).toThrow('first');
    expect(get()).toBe(2);
  });
});

describe('lastResultOf', () => {
  it('computes once for the same text and root, again for another', async () => {
    const calls: string[] = [];
    const f = lastResultOf(async (text, root) => {
      calls.push(`${text}@${root}`);
      return text.length;
    });
    expect(await f('abc', '/r')).toBe(3);
    expect(await f('abc', '/r')).toBe(3);
    expect(await f('abcd', '/r')).toBe(4);
    expect(await f('abcd', '/other')).toBe(4);
    expect(calls).toEqual(['abc@/r', 'abcd@/r', 'abcd@/other']);
  });
});

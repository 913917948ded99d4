import { describe, expect, it } from 'vitest';
import { lazily } from './lazily';

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

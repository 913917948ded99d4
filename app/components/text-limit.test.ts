import { describe, expect, it } from 'vitest';
import { textLimitState } from './text-limit';

describe('textLimitState', () => {
  it.each([
    ['', { count: 0, near: false, over: false }],
    ['x'.repeat(1599), { count: 1599, near: false, over: false }],
    ['x'.repeat(1600), { count: 1600, near: true, over: false }],
    ['x'.repeat(2000), { count: 2000, near: true, over: false }],
    ['x'.repeat(2001), { count: 2001, near: true, over: true }],
    [`  ${'x'.repeat(2000)}\n\n`, { count: 2000, near: true, over: false }],
    ['挥'.repeat(2412), { count: 2412, near: true, over: true }],
  ])('%#: %j', (text, state) => {
    expect(textLimitState(text, 2000)).toEqual(state);
  });
});

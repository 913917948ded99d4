import { describe, expect, it } from 'vitest';
import { halfWidth } from './half-width';

describe('halfWidth', () => {
  it('reads full-width punctuation, digits and letters as ASCII', () => {
    expect(halfWidth('（１）退款，３天？ＯＫ！')).toBe('(1)退款,3天?OK!');
  });
  it('leaves circled numbers, the ideographic full stop and Chinese alone', () => {
    expect(halfWidth('①撤销。②退款、到账')).toBe('①撤销。②退款、到账');
  });
});

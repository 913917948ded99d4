import { describe, expect, it } from 'vitest';
import { textSize } from './size';

describe('textSize', () => {
  it('counts Chinese characters, and English words and numbers as two', () => {
    expect(textSize('淘宝退款多久到账')).toBe(8);
    expect(textSize('I forgot my Gmail password')).toBe(10);
    expect(textSize('POS挥卡报03')).toBe(7);
    expect(textSize(' ,。!')).toBe(0);
  });
});

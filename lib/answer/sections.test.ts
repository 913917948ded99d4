import { describe, expect, it } from 'vitest';
import { pickPart, splitSolution } from './sections';

describe('splitSolution', () => {
  it('splits at the solution’s own numbering', () => {
    expect(splitSolution('说明\n1、撤销:当天到账\n2、退款:3天\n补充')).toEqual({
      intro: '说明',
      parts: ['1、撤销:当天到账', '2、退款:3天\n补充'],
    });
  });
  it('reads numbering typed with an input method (（1）, １．) like its ASCII form', () => {
    expect(splitSolution('（1）苹果手机:打开通知\n（2）安卓手机:允许后台')?.parts).toEqual(['（1）苹果手机:打开通知', '（2）安卓手机:允许后台']);
    expect(splitSolution('１．撤销\n２．退款')?.parts).toEqual(['１．撤销', '２．退款']);
  });
  it('keeps circled numbers as their own marker', () => {
    expect(splitSolution('①撤销\n②退款')?.parts).toEqual(['①撤销', '②退款']);
  });
  it('returns null for a solution with fewer than two parts', () => {
    expect(splitSolution('联系客户经理处理')).toBeNull();
  });
});

describe('pickPart', () => {
  it('picks the one part that scores highest, or none on a tie', () => {
    expect(pickPart(['a', 'bb'], (t) => t.length)).toBe(1);
    expect(pickPart(['aa', 'bb'], (t) => t.length)).toBeNull();
  });
});

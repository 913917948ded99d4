import { describe, expect, it } from 'vitest';
import { cutShortIssue, emptiedAnswerIssues } from './cut-short';

describe('cutShortIssue', () => {
  it('holds a reload that drops a fifth of the entries or more', () => {
    expect(cutShortIssue(112, 68)?.message).toContain('从 112 条减少到 68 条');
    expect(cutShortIssue(112, 89)).not.toBeNull();
  });

  it('lets an ordinary edit through: a few entries removed, or entries added', () => {
    expect(cutShortIssue(112, 100)).toBeNull();
    expect(cutShortIssue(112, 120)).toBeNull();
    expect(cutShortIssue(10, 8)).toBeNull();
  });
});

describe('emptiedAnswerIssues', () => {
  const served = [
    { ids: ['FAQ2.4', 'FAQ2.8'], solution: '联系运营中心报备' },
    { ids: ['FAQ9.15'], solution: '' },
  ];
  it('holds a reload that empties an answer the entry had, under any of its ids, on its line', () => {
    expect(emptiedAnswerIssues(served, [{ ids: ['FAQ2.8'], solution: ' ', line: 90 }])).toEqual([
      { line: 90, message: expect.stringContaining('FAQ2.8 的解决方法被清空了') },
    ]);
  });
  it('lets through an entry that never had an answer, a new empty one and an edited answer', () => {
    expect(
      emptiedAnswerIssues(served, [
        { ids: ['FAQ9.15'], solution: '', line: 660 },
        { ids: ['FAQ9.16'], solution: '', line: 665 },
        { ids: ['FAQ2.4'], solution: '改了', line: 80 },
      ]),
    ).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { cutShortIssue, droppedTailIssue, emptiedAnswerIssues, movedEntries, truncatedTailIssue } from './cut-short';

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
    { ids: ['FAQ2.4', 'FAQ2.8'], question: '扫码不打小票?', solution: '联系运营中心报备' },
    { ids: ['FAQ9.14'], question: '新门店看不到?', solution: '重新登录' },
    { ids: ['FAQ9.15'], question: '收银宝出口IP', solution: '' },
  ];
  it('holds a reload that empties an answer the entry had, under any of its ids, on its line', () => {
    expect(emptiedAnswerIssues(served, [{ ids: ['FAQ2.8'], question: '扫码不打小票?', solution: ' ', line: 90 }])).toEqual([
      { line: 90, message: expect.stringContaining('FAQ2.8 的解决方法被清空了') },
    ]);
    // Its question edited too, in place: still the entry that had the answer.
    expect(emptiedAnswerIssues(served, [{ ids: ['FAQ9.14'], question: '新开的门店看不到?', solution: '', line: 650 }])).toHaveLength(1);
  });
  it('lets through an entry that never had an answer, a new empty one and an edited answer', () => {
    expect(
      emptiedAnswerIssues(served, [
        { ids: ['FAQ9.15'], question: '收银宝出口IP', solution: '', line: 660 },
        { ids: ['FAQ9.16'], question: '测试环境IP', solution: '', line: 665 },
        { ids: ['FAQ2.4'], question: '扫码不打小票?', solution: '改了', line: 80 },
      ]),
    ).toEqual([]);
  });
  it('knows an entry renumbered by its question: the unanswered one moved to an answered one’s id is not 「被清空」', () => {
    const renumbered = [
      { ids: ['FAQ9.13'], question: '新门店看不到?', solution: '重新登录', line: 640 },
      { ids: ['FAQ9.14'], question: '收银宝出口IP', solution: '', line: 645 },
    ];
    expect(emptiedAnswerIssues(served, renumbered)).toEqual([]);
    expect(movedEntries(served, renumbered)).toEqual([
      { from: 'FAQ9.14', to: 'FAQ9.13' },
      { from: 'FAQ9.15', to: 'FAQ9.14' },
    ]);
    expect(movedEntries(served, served)).toEqual([]);
  });
  it('does not tell two entries apart by a question both ask (round 24’s review): they are known by their ids', () => {
    const twins = [
      { ids: ['FAQ1.1'], question: '怎么办?', solution: '重启', line: 3 },
      { ids: ['FAQ3.1'], question: '怎么办?', solution: '', line: 40 },
    ];
    expect(movedEntries(twins, twins)).toEqual([]);
    // FAQ1.1's answer emptied: held, though FAQ3.1 asks the same question without one.
    expect(emptiedAnswerIssues(twins, [{ ...twins[0]!, solution: '' }, twins[1]!])).toHaveLength(1);
  });
});

describe('truncatedTailIssue', () => {
  const served = [
    { ids: ['FAQ9.3'], solution: '在设置中打开', line: 630 },
    { ids: ['FAQ9.4'], solution: '1、开启【允许语音播报】\n2、开启【实时监控防漏单】', line: 636 },
    { ids: ['FAQ9.5'], solution: '重新登录', line: 642 },
  ];
  it('holds a file that ends part-way through an answer, with the entries after it gone', () => {
    const loaded = [served[0]!, { ids: ['FAQ9.4'], solution: '1、开启【允许语音播报】\n2、开启【实时', line: 636 }];
    expect(truncatedTailIssue(served, loaded)).toEqual({ line: 636, message: expect.stringContaining('FAQ9.4 的解决方法在中途被截断,其后的 1 个条目也不见了') });
  });
  it('lets through an edit of the last answer, an answer shortened where entries follow, and a whole answer kept', () => {
    expect(truncatedTailIssue(served, [...served.slice(0, 2), { ids: ['FAQ9.5'], solution: '重新', line: 642 }])).toBeNull();
    expect(truncatedTailIssue(served, [served[0]!, { ids: ['FAQ9.4'], solution: '改写后的答案', line: 636 }])).toBeNull();
    expect(truncatedTailIssue(served, served.slice(0, 2))).toBeNull();
  });
});

describe('droppedTailIssue', () => {
  const served = Array.from({ length: 20 }, (_, i) => ({ ids: [`FAQ9.${i + 1}`], solution: `答案${i + 1}`, line: 10 * (i + 1) }));
  it('holds a file cut between two entries, the entries left unchanged and the last three or more gone', () => {
    expect(droppedTailIssue(served, served.slice(0, 16))).toEqual({ line: 0, message: expect.stringContaining('FAQ 文件末尾的 4 个条目(从 FAQ9.17 起)不见了') });
  });
  it('lets through fewer than three gone, entries removed elsewhere, and a tail removed along with another edit', () => {
    expect(droppedTailIssue(served, served.slice(0, 18))).toBeNull();
    expect(droppedTailIssue(served, [...served.slice(0, 5), ...served.slice(9)])).toBeNull();
    expect(droppedTailIssue(served, [{ ...served[0]!, solution: '改了' }, ...served.slice(1, 16)])).toBeNull();
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFaq } from '@/lib/corpus/parse';
import { type EntryGroup, faqHeading, filterGroups, filterTerms } from './filter';

const { entries, categories } = parseFaq(readFileSync(path.resolve(import.meta.dirname, '../../corpus/faq.txt'), 'utf8'));
const groups: EntryGroup[] = categories.map((c) => ({
  category: c,
  entries: entries.filter((e) => e.category.id === c.id).map((e) => ({ id: e.id, ids: [e.id], question: e.question, text: `${e.question} ${e.solution}` })),
}));
const idsFound = (query: string) => filterGroups(groups, query).flatMap((g) => g.entries.map((e) => e.id));

describe('filterGroups', () => {
  it('matches every whitespace-separated term, anywhere in the entry', () => {
    expect(idsFound('对账单 下载')).toContain('FAQ7.1');
    expect(idsFound('下载 对账单')).toContain('FAQ7.1');
    expect(idsFound('对账单下载')).toEqual([]);
  });

  it('narrows with each term', () => {
    const one = idsFound('对账单');
    const two = idsFound('对账单 集团');
    expect(two.length).toBeGreaterThan(0);
    expect(two.length).toBeLessThan(one.length);
    for (const id of two) expect(one).toContain(id);
  });

  it('ignores case and width', () => {
    expect(idsFound('faq7.1')).toEqual(['FAQ7.1']);
    expect(idsFound('ＦＡＱ７.１')).toEqual(['FAQ7.1']);
    expect(idsFound('trade_closed')).toEqual(['FAQ5.4']);
    expect(idsFound('对账单\u3000下载')).toContain('FAQ7.1');
  });

  it('keeps everything for a blank query and drops empty categories', () => {
    expect(idsFound('   ')).toHaveLength(112);
    expect(filterGroups(groups, '好老板 播报').map((g) => g.category.id)).toEqual(['FAQ9']);
  });

  it('splits terms on any whitespace', () => {
    expect(filterTerms(' 对账单\t下载\u3000ＡＢ ')).toEqual(['对账单', '下载', 'ab']);
  });
});

describe('faqHeading', () => {
  it('counts merged identical entries once and says so', () => {
    expect(faqHeading({ entries: 110, ids: 112, merged: 2, categories: 9 })).toBe('FAQ 浏览(110 个条目,112 个编号,2 组内容相同已合并;9 个分类)');
  });

  it('says nothing about merging when nothing was merged', () => {
    expect(faqHeading({ entries: 40, ids: 40, merged: 0, categories: 3 })).toBe('FAQ 浏览(40 个条目;3 个分类)');
  });
});

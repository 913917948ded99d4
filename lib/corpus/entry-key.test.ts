import { describe, expect, it } from 'vitest';
import type { AnswerResult } from '../answer/types';
import { exchangeRecordOf } from '../conversations/record';
import { conversationTurns } from '../conversations/service';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { Store } from '../store/store';
import { entryOf, hitOf } from '../testing/fixtures';
import { alternativesOn, entryFinder, entryKey } from './entry-key';
import type { Entry } from './schema';

const swipe = entryOf('FAQ2.4', '挥卡报03无效商户?', '到银联平台补报双免白名单。');
const refund = entryOf('FAQ2.5', '退款多久到账?', '银行卡退款以发卡行处理时效为准。');
const deleted = entryOf('FAQ2.3', '金额超限怎么办?', '联系发卡行。');

/** The FAQ now: FAQ2.3 deleted, FAQ2.4 and FAQ2.5 moved up one. */
const now = [
  { ...swipe, id: 'FAQ2.3', ids: ['FAQ2.3'] },
  { ...refund, id: 'FAQ2.4', ids: ['FAQ2.4'] },
];
const byId = (list: Entry[]) => (id: string) => list.find((e) => e.ids.includes(id));

describe('entryFinder', () => {
  /** What a conversation stored: the keys of every entry it retrieved, before FAQ2.3 was deleted. */
  const stored = [
    ['FAQ2.3', entryKey(deleted)],
    ['FAQ2.4', entryKey(swipe)],
    ['FAQ2.5', entryKey(refund)],
  ] as const;
  const find = entryFinder(now, byId(now), stored);

  it('finds the entry an answer cited after a renumbering, by what it said then; a deleted one is not the entry that took its id', () => {
    expect(find('FAQ2.4', entryKey(swipe))?.question).toBe(swipe.question);
    expect(find('FAQ2.5', entryKey(refund))?.ids).toEqual(['FAQ2.4']);
    expect(find('FAQ2.3', entryKey(deleted))).toBeUndefined();
  });

  it('keeps the entry under its id when it was edited in place, in part or whole, and without a key', () => {
    const edited = [{ ...swipe, solution: '到银联平台补报双免白名单,次日生效。' }];
    expect(entryFinder(edited, byId(edited))('FAQ2.4', entryKey(swipe))).toBe(edited[0]);
    const reworded = [{ ...swipe, question: '挥卡提示03无效商户' }];
    expect(entryFinder(reworded, byId(reworded))('FAQ2.4', entryKey(swipe))).toBe(reworded[0]);
    const rewritten = [{ ...swipe, question: '挥卡提示03', solution: '联系运营中心补报。' }];
    expect(entryFinder(rewritten, byId(rewritten), stored)('FAQ2.4', entryKey(swipe))).toBe(rewritten[0]);
    expect(find('FAQ2.4', undefined)?.question).toBe(refund.question);
  });

  it('does not take an entry for another because they share a generic answer, and counts identical entries as one', () => {
    const generic = '请联系客户经理处理。';
    const a = entryOf('FAQ4.1', '结算卡怎么改?', generic);
    const b = entryOf('FAQ4.2', '联系人怎么改?', generic);
    // FAQ4.1 deleted, FAQ4.2 renumbered to FAQ4.1: what cited FAQ4.1 is not the entry there now.
    const later = [{ ...b, id: 'FAQ4.1', ids: ['FAQ4.1'] }];
    expect(entryFinder(later, byId(later), [['FAQ4.2', entryKey(b)]])('FAQ4.1', entryKey(a))).toBeUndefined();
    const twins = [swipe, { ...swipe, id: 'FAQ2.8', ids: ['FAQ2.8'] }];
    expect(entryFinder(twins, byId(twins))('FAQ2.9', entryKey(swipe))).toBe(twins[0]);
  });
});

describe('alternativesOn', () => {
  it('hangs the admin’s alternatives on the entries they were added to, by their ids now; a deleted entry’s are gone; old rows stay on their id', () => {
    const rows = [
      { entryId: 'FAQ2.4', entryKey: entryKey(swipe), question: '闪付不能用' },
      { entryId: 'FAQ2.3', entryKey: entryKey(deleted), question: '超限了' },
      { entryId: 'FAQ2.4', entryKey: null, question: '老的相似问题' },
    ];
    const r = alternativesOn(rows, now);
    expect(r.alternatives).toEqual({ 'FAQ2.3': ['闪付不能用'], 'FAQ2.4': ['老的相似问题'] });
    expect(r.gone).toEqual([rows[1]]);
  });
});

describe('a conversation reopened after the FAQ was renumbered', () => {
  it('shows the entries its answer cited, under the ids it cited them by', async () => {
    const result = {
      question: '挥卡报03',
      standaloneQuestion: '挥卡报03',
      text: '到银联平台补报双免白名单。[FAQ2.4]',
      citations: ['FAQ2.4'],
      decision: 'answer',
      retrieval: { query: '挥卡报03', hits: [hitOf(swipe, 1), hitOf(refund, 2)], confidence: 0.99, thresholds: { answer: 0.9, hedge: 0.5 }, answerIds: ['FAQ2.4'], suggestionIds: [], signals: {} },
      notices: [],
      suggestions: [],
      mode: 'offline',
      timings: { retrievalMs: 1, totalMs: 1 },
    } as unknown as AnswerResult;
    const record = exchangeRecordOf(result, { id: 'x1', clientId: 'c', conversationId: 'chat' }, false);
    expect(record.retrieval.keys).toEqual({ 'FAQ2.4': entryKey(swipe), 'FAQ2.5': entryKey(refund) });
    const store = { conversation: async () => [{ ...record, createdAt: '2026-12-05T00:00:00Z', feedback: null }] } as unknown as Store;
    const kb = { entries: now, getEntry: byId(now) } as unknown as KnowledgeBase;
    const [turn] = await conversationTurns({ store, log: null }, kb, 'c', 'chat');
    expect(turn!.answer.cited).toEqual([expect.objectContaining({ id: 'FAQ2.3', question: swipe.question, citedAs: 'FAQ2.4' })]);
    expect(turn!.sources.map((s) => [s.citedAs, s.id])).toEqual([
      ['FAQ2.4', 'FAQ2.3'],
      ['FAQ2.5', 'FAQ2.4'],
    ]);
  });
});

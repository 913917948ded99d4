import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryKey } from '../corpus/entry-key';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { Store } from '../store/store';
import type { InsightsData } from '../store/types';
import { entryOf } from '../testing/fixtures';
import { useOfflineKnowledgeBase } from '../testing/temp-kb';
import { insightsView } from './insights';

const state = useOfflineKnowledgeBase({ beforeAll, afterAll });

describe('insights after the FAQ was renumbered (check27 M3)', () => {
  it('counts an entry’s citations under its old id as its own, and those of a deleted entry nowhere', async () => {
    const refund = entryOf('FAQ2.7', '撤销或退款什么时候入账?', '退款以发卡行为准。');
    const signIn = entryOf('FAQ2.6', 'POS开机提示签到失败?', '检查网络后重新签到。');
    const gone = entryOf('FAQ7.6', '收银宝支持退款最长期限是多少?', '365天');
    const entries = [signIn, refund];
    const kb = { ...state.kb, entries, getEntry: (id: string) => entries.find((e) => e.ids.includes(id)) } as unknown as KnowledgeBase;
    const data: InsightsData = {
      total: 6,
      perDay: [],
      decisions: { answer: 6, hedge: 0, refuse: 0 },
      // Cited as FAQ2.6 before a new FAQ2.6 was inserted, as FAQ2.7 since; FAQ7.6 was deleted.
      citations: [
        { id: 'FAQ2.6', key: entryKey(refund), count: 3 },
        { id: 'FAQ2.7', key: entryKey(refund), count: 2 },
        { id: 'FAQ7.6', key: entryKey(gone), count: 1 },
      ],
      feedback: { up: 0, down: 0, reasons: {} },
    };
    const store = { insights: async () => data, misses: async () => [] } as unknown as Store;
    const view = await insightsView(store, kb, {});
    expect(view.mostCited).toEqual([{ id: 'FAQ2.7', count: 5, question: '撤销或退款什么时候入账?' }]);
    expect(view.neverCited).toEqual([{ id: 'FAQ2.6', question: 'POS开机提示签到失败?' }]);
  });
});

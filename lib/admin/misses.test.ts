import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryKey } from '../corpus/entry-key';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { KnowledgeService } from '../knowledge/service';
import type { Store } from '../store/store';
import type { MissQuestion } from '../store/types';
import { entryOf } from '../testing/fixtures';
import { useOfflineKnowledgeBase } from '../testing/temp-kb';
import { addedAlternatives, detachFromEntry, missQueue } from './misses';

const state = useOfflineKnowledgeBase({ beforeAll, afterAll });

const miss = (i: number, question: string): MissQuestion => ({
  exchangeId: `x${i}`,
  question,
  decision: 'refuse',
  candidates: [],
  scope: { domain: null, covered: null },
  createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  vote: null,
  reason: null,
  comment: null,
  resolution: null,
});

/** A store that holds these misses, oldest first, and answers `misses` as the database does: newest first, limited, matching. */
function storeOf(all: MissQuestion[]): Store {
  const misses: Store['misses'] = async (_range, opts = {}) =>
    all
      .filter((m) => !opts.matching || m.question.toLowerCase().includes(opts.matching.toLowerCase()))
      .reverse()
      .slice(0, opts.limit);
  return { misses } as Store;
}

describe('missQueue', () => {
  const all = [miss(0, '斑马长颈鹿今天吃什么'), ...Array.from({ length: 6 }, (_, i) => miss(i + 1, `好老板第${i}次不播报`))];

  it('says when the range holds more misses than are read, and finds older ones by the words searched', async () => {
    const capped = await missQueue(storeOf(all), state.kb, {}, undefined, 5);
    expect(capped.capped).toBe(true);
    expect(capped.clusters.flatMap((c) => c.wordings.map((w) => w.text))).not.toContain('斑马长颈鹿今天吃什么');
    const searched = await missQueue(storeOf(all), state.kb, {}, '斑马', 5);
    expect(searched.clusters.flatMap((c) => c.wordings.map((w) => w.text))).toContain('斑马长颈鹿今天吃什么');
    expect(await missQueue(storeOf(all), state.kb, {}, undefined, 7)).toMatchObject({ capped: false });
  });
});

describe('the admin’s alternatives after the FAQ was renumbered', () => {
  const swipe = entryOf('FAQ2.3', '挥卡报03无效商户?', '到银联平台补报双免白名单。');
  // Added to FAQ2.4 when the entry had that id; FAQ2.3 was deleted since and FAQ2.4 moved up.
  const rows = [{ entryId: 'FAQ2.4', entryKey: entryKey(swipe), question: '闪付不能用' }];
  const kb = { entries: [swipe], getEntry: (id: string) => (id === 'FAQ2.3' ? swipe : undefined) } as unknown as KnowledgeBase;
  const knowledge = { get: async () => kb, refresh: async () => {} } as unknown as KnowledgeService;

  it('lists them under the entry’s id now and undoes them there, removing the rows stored under the id they were added to', async () => {
    const calls: string[] = [];
    const store = {
      alternatives: async () => rows,
      removeAlternatives: async (id: string, qs: string[]) => {
        calls.push(`remove ${id} ${qs}`);
        return id === 'FAQ2.4' ? 1 : 0;
      },
      reopenMissesAsked: async (id: string) => {
        calls.push(`reopen ${id}`);
        return 0;
      },
    } as unknown as Store;
    expect(await addedAlternatives(store, kb)).toEqual([{ entryId: 'FAQ2.3', question: swipe.question, questions: ['闪付不能用'] }]);
    expect(await detachFromEntry({ store, knowledge }, { entryId: 'FAQ2.3', questions: ['闪付不能用'], exchangeIds: [] })).toEqual({
      entryId: 'FAQ2.3',
      removed: 1,
    });
    expect(calls).toContain('remove FAQ2.4 闪付不能用');
    expect(calls).toContain('reopen FAQ2.4');
  });
});

describe('the miss queue after the FAQ was renumbered (check27 H1)', () => {
  const refund = entryOf('FAQ2.7', '撤销或退款什么时候入账?', '退款以发卡行为准。');
  const signIn = entryOf('FAQ2.6', 'POS开机提示签到失败?', '检查网络后重新签到。');
  const entries = [signIn, refund];
  const renumbered = () =>
    ({
      entries,
      getEntry: (id: string) => entries.find((e) => e.ids.includes(id)),
      tokenizer: state.kb.tokenizer,
      embedder: state.kb.embedder,
    }) as unknown as KnowledgeBase;

  it('offers each question the entry it found, under that entry’s id now, and no entry that was deleted', async () => {
    const gone = entryOf('FAQ7.6', '收银宝支持退款最长期限是多少?', '365天');
    // Asked when the refund entry was FAQ2.6; a new FAQ2.6 was inserted since, and FAQ7.6 was deleted.
    const asked = {
      ...miss(1, '退款三天还没到账'),
      candidates: [
        { id: 'FAQ2.6', key: entryKey(refund) },
        { id: 'FAQ7.6', key: entryKey(gone) },
      ],
    };
    const kb = renumbered();
    const [cluster] = (await missQueue(storeOf([asked]), kb)).clusters;
    expect(cluster!.candidates).toEqual([{ id: 'FAQ2.7', count: 1, question: '撤销或退款什么时候入账?' }]);
    // The entry it found first is gone: no other is offered in its place.
    const first = {
      ...miss(3, '退款最长多少天'),
      candidates: [
        { id: 'FAQ7.6', key: entryKey(gone) },
        { id: 'FAQ2.6', key: entryKey(refund) },
      ],
    };
    expect((await missQueue(storeOf([first]), kb)).clusters[0]!.candidates).toEqual([]);
    // A question stored before round 26 (no key) stays on its id.
    const old = { ...miss(2, '退款三天还没到账'), candidates: [{ id: 'FAQ2.6' }] };
    expect((await missQueue(storeOf([old]), kb)).clusters[0]!.candidates.map((c) => c.id)).toEqual(['FAQ2.6']);
  });
});

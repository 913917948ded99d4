import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/store';
import type { MissQuestion } from '../store/types';
import { useOfflineKnowledgeBase } from '../testing/temp-kb';
import { missQueue } from './misses';

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

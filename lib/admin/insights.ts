import { entryFinder } from '../corpus/entry-key';
import { StoreError } from '../errors';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { Store } from '../store/store';
import type { DateRange, InsightsData } from '../store/types';
import { type MissQueueCluster, missQueue } from './misses';

/** What /admin/insights shows for a date range. */
export interface InsightsView extends Omit<InsightsData, 'citations'> {
  /** Citations per entry of the FAQ now, however it was numbered when it was cited. */
  citations: { id: string; count: number }[];
  /** 👎 among all votes, 0..1 (null without votes). */
  downRate: number | null;
  mostCited: { id: string; question: string; count: number }[];
  neverCited: { id: string; question: string }[];
  clusters: Pick<MissQueueCluster, 'key' | 'label' | 'count' | 'lastSeen'>[];
}

const TOP = 10;

/** Questions per day, decisions, citations (most and never cited), 👎 rate and the largest miss clusters. */
export async function insightsView(store: Store, kb: KnowledgeBase, range: DateRange): Promise<InsightsView> {
  const [data, clusters] = await Promise.all([
    store.insights(range).catch((e) => {
      throw new StoreError(e);
    }),
    missQueue(store, kb, range).then((q) => q.clusters),
  ]);
  const title = (id: string) => kb.getEntry(id)?.question.split('\n')[0] ?? id;
  const citations = currentCitations(kb, data.citations);
  const cited = new Set(citations.flatMap((c) => kb.getEntry(c.id)?.ids ?? [c.id]));
  const votes = data.feedback.up + data.feedback.down;
  return {
    ...data,
    citations,
    downRate: votes === 0 ? null : data.feedback.down / votes,
    mostCited: citations.slice(0, TOP).map((c) => ({ ...c, question: title(c.id) })),
    neverCited: kb.entries.filter((e) => !e.ids.some((id) => cited.has(id))).map((e) => ({ id: e.id, question: e.question.split('\n')[0]! })),
    clusters: clusters.slice(0, TOP).map(({ key, label, count, lastSeen }) => ({ key, label, count, lastSeen })),
  };
}

/**
 * Citations counted by the entry each one named when it was given (entry-key.ts): after a renumbering, an entry's citations under
 * its old id are its own, not the entry now under that id (check27 M3); a deleted entry's are left out. Most cited first.
 */
function currentCitations(kb: KnowledgeBase, stored: InsightsData['citations']): { id: string; count: number }[] {
  const find = entryFinder(
    kb.entries,
    kb.getEntry,
    stored.flatMap((c) => (c.key ? [[c.id, c.key] as const] : [])),
  );
  const counts = new Map<string, number>();
  for (const c of stored) {
    const e = find(c.id, c.key);
    if (e) counts.set(e.id, (counts.get(e.id) ?? 0) + c.count);
  }
  return [...counts].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count);
}

import { alternativesOn, entryFinder, entryKey, rowsOn } from '../corpus/entry-key';
import { BadRequestError, StoreError } from '../errors';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { KnowledgeService } from '../knowledge/service';
import type { Decision } from '../retrieval/types';
import { MISS_LIMIT } from '../store/misses';
import type { Store } from '../store/store';
import type { DateRange, MissQuestion } from '../store/types';
import { textUnits } from '../text/size';
import { clusterMisses, type MissCluster } from './cluster';

/** A cluster with its candidate entries' questions, for the page. */
export interface MissQueueCluster extends MissCluster {
  candidates: { id: string; count: number; question: string }[];
}

/** The miss queue, and whether it holds only the newest MISS_LIMIT questions of the range. */
export interface MissQueue {
  clusters: MissQueueCluster[];
  /** More misses in the range than are read at once: the oldest are left out (the page and the API say so). */
  capped: boolean;
}

/**
 * The miss queue: refused, hedged and 👎 questions of the range, clustered, largest first: the newest MISS_LIMIT of them, and
 * with `q` (the words an admin looks for) also the older ones that contain it, so a search finds what the cap left out.
 */
export async function missQueue(store: Store, kb: KnowledgeBase, range: DateRange = {}, q?: string, limit = MISS_LIMIT): Promise<MissQueue> {
  const read = (opts: { limit: number; matching?: string }) =>
    store.misses(range, opts).catch((e) => {
      throw new StoreError(e);
    });
  const newest = await read({ limit: limit + 1 });
  const capped = newest.length > limit;
  const misses = newest.slice(0, limit);
  if (capped && q) {
    const seen = new Set(misses.map((m) => m.exchangeId));
    misses.push(...(await read({ limit, matching: q })).filter((m) => !seen.has(m.exchangeId)));
  }
  const clusters = clusterMisses(onEntriesNow(kb, misses), kb.tokenizer, { idf: kb.embedder.state }).map((c) => ({
    ...c,
    candidates: c.candidates.flatMap((cand) => {
      const e = kb.getEntry(cand.id);
      return e ? [{ ...cand, question: e.question.split('\n')[0]! }] : [];
    }),
  }));
  return { clusters, capped };
}

/**
 * The misses with each candidate under the id of the entry it named when the question was asked (entry-key.ts): after a
 * renumbering, 「作为 FAQ2.6 的相似问题」 offers the refund entry the question found, not the entry now numbered 2.6 (check27 H1); a
 * deleted entry is offered no more, nor, when it was the question's first, any other (round 27's review).
 */
function onEntriesNow(kb: KnowledgeBase, misses: MissQuestion[]): MissQuestion[] {
  const find = entryFinder(
    kb.entries,
    kb.getEntry,
    misses.flatMap((m) => m.candidates.flatMap((c) => (c.key ? [[c.id, c.key] as const] : []))),
  );
  return misses.map((m) => {
    const now = m.candidates.map((c) => ({ c, e: find(c.id, c.key) }));
    // The entry the question found first is gone: no other is offered in its place (the queue offers a question's first one).
    if (now.length > 0 && !now[0]!.e) return { ...m, candidates: [] };
    return { ...m, candidates: now.flatMap(({ c, e }) => (e ? [{ ...c, id: e.id }] : [])) };
  });
}

/** Where a question stands for an entry: the decision, and the entry's rank among the hits (null: not among them). */
export interface Standing {
  decision: Decision;
  rank: number | null;
}

async function standings(kb: KnowledgeBase, entryId: string, questions: string[]): Promise<Standing[]> {
  const entry = kb.getEntry(entryId);
  return Promise.all(
    questions.map(async (q) => {
      const r = await kb.retrieve(q, { k: 5 });
      const i = entry ? r.hits.findIndex((h) => h.entry === entry) : -1;
      return { decision: r.decision, rank: i < 0 ? null : i + 1 };
    }),
  );
}

/** Each question of a cluster before and after it was attached. */
export interface AttachResult {
  entryId: string;
  added: number;
  questions: { question: string; before: Standing; after: Standing }[];
}

/** Fewer characters and words than this (「x」「？」「ok」) is no way of asking an entry (check26 L7); 「退款」「报03」 are. */
const MIN_QUESTION_UNITS = 2;

/**
 * 「作为 FAQx.y 的相似问题」: adds the questions as alternative questions of the entry (in the
 * database, so every instance gets them), marks them attached, re-indexes this instance and
 * says how each question was answered before and after.
 */
export async function attachToEntry(
  deps: { store: Store; knowledge: KnowledgeService },
  input: { entryId: string; questions: string[]; exchangeIds: string[] },
): Promise<AttachResult> {
  const kb = await deps.knowledge.get();
  const entry = kb.getEntry(input.entryId);
  if (!entry) throw new BadRequestError(`没有编号为 ${input.entryId} 的条目。`);
  const questions = [...new Set(input.questions.map((q) => q.trim()).filter(Boolean))];
  if (questions.length === 0) throw new BadRequestError('请至少选择一个问题。');
  const bare = questions.find((q) => textUnits(q) < MIN_QUESTION_UNITS);
  if (bare !== undefined) throw new BadRequestError(`「${bare}」不像一个问题:相似问题至少要有 ${MIN_QUESTION_UNITS} 个字或词。`);
  let added: number;
  try {
    added = await deps.store.addAlternatives(entry.id, questions, entryKey(entry));
    await deps.store.resolveMisses(input.exchangeIds, 'attached', entry.id);
  } catch (e) {
    throw new StoreError(e);
  }
  // Every instance re-indexes on the change notice as soon as the questions are written; "before" is read meanwhile, on the
  // index they were missed on (kept until this one is rebuilt), and "after" once this instance has the new one.
  const [before] = await Promise.all([standings(kb, entry.id, questions), deps.knowledge.refresh()]);
  const after = await standings(await deps.knowledge.get(), entry.id, questions);
  return { entryId: entry.id, added, questions: questions.map((question, i) => ({ question, before: before[i]!, after: after[i]! })) };
}

/**
 * 撤销: an attach undone (a wrong entry chosen), right after it on the miss queue or later on the list of added alternatives. The
 * questions are no longer the entry's, every instance re-indexes, and they are back in the miss queue. Returns how many
 * alternatives were removed.
 */
export async function detachFromEntry(
  deps: { store: Store; knowledge: KnowledgeService },
  input: { entryId: string; questions: string[]; exchangeIds: string[] },
): Promise<{ entryId: string; removed: number }> {
  const entryId = input.entryId.trim().toUpperCase();
  const questions = [...new Set(input.questions.map((q) => q.trim()).filter(Boolean))];
  if (questions.length === 0) throw new BadRequestError('请至少选择一个问题。');
  let removed = 0;
  const kb = await deps.knowledge.get();
  try {
    // The entry is named by its id now; its questions are stored under the id it had when they were added (entry-key.ts).
    const wanted = new Set(questions);
    const stored = rowsOn(await deps.store.alternatives(), kb.entries).filter(({ row, to }) => to === entryId && wanted.has(row.question));
    // Only the rows that follow this entry: another entry's row stored under this id (moved since) stays.
    const storedIds = stored.length ? [...new Set(stored.map(({ row }) => row.entryId))] : [entryId];
    for (const id of storedIds) {
      removed += await deps.store.removeAlternatives(id, questions);
      // From the list of added alternatives (/admin/alternatives) the exchanges are not known: the questions are found by their words.
      if (input.exchangeIds.length > 0) await deps.store.reopenMisses(input.exchangeIds, id);
      else await deps.store.reopenMissesAsked(id, questions);
    }
  } catch (e) {
    throw new StoreError(e);
  }
  await deps.knowledge.refresh();
  return { entryId, removed };
}

/** 「FAQ 确实未覆盖」: the questions stay in the queue, marked for the FAQ's authors. */
export async function markUncovered(store: Store, exchangeIds: string[]): Promise<number> {
  if (exchangeIds.length === 0) throw new BadRequestError('请至少选择一个问题。');
  return store.resolveMisses(exchangeIds, 'uncovered').catch((e) => {
    throw new StoreError(e);
  });
}

/** An entry's alternatives added by admins (from the miss queue or by hand), for /admin/alternatives. */
export interface AddedAlternatives {
  entryId: string;
  /** The entry's question; empty when the FAQ no longer has the entry. */
  question: string;
  questions: string[];
}

/** Every entry's admin-added alternatives, on the entries they follow now (entry-key.ts), in the FAQ's order (entries the FAQ no longer has last). */
export async function addedAlternatives(store: Store, kb: KnowledgeBase): Promise<AddedAlternatives[]> {
  const rows = await store.alternatives().catch((e) => {
    throw new StoreError(e);
  });
  const { alternatives, gone } = alternativesOn(rows, kb.entries);
  for (const a of gone) (alternatives[a.entryId] ??= []).push(a.question);
  const order = new Map(kb.entries.map((e, i) => [e.id, i]));
  return Object.entries(alternatives)
    .map(([entryId, questions]) => ({ entryId, question: kb.getEntry(entryId)?.question.split('\n')[0] ?? '', questions }))
    .sort((a, b) => (order.get(a.entryId) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.entryId) ?? Number.MAX_SAFE_INTEGER));
}

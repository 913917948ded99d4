import { type Kysely, sql } from 'kysely';
import { questionKey } from '../text/question-key';
import type { Database } from './schema';
import type { DateRange, FeedbackReason, MissQuestion } from './types';

/** The most misses read at once, newest first (lib/admin/misses.ts says when a queue has more, and searches past them). */
export const MISS_LIMIT = 5_000;

/** The id of the i-th entry retrieval ranked for an exchange (0-based), read from its trace. */
const candidateId = (i: number) => sql<string | null>`e.retrieval -> 'hits' -> ${sql.lit(i)} ->> 'id'`;
/** What that entry said when it was cited (lib/corpus/entry-key.ts; null before round 26): the entry follows it across a renumbering. */
const candidateKey = (i: number) => sql<string | null>`e.retrieval -> 'keys' ->> (e.retrieval -> 'hits' -> ${sql.lit(i)} ->> 'id')`;

/** `text` as a LIKE pattern that finds it anywhere: its own %, _ and \ taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

/**
 * Refused and hedged questions and answers voted 👎, newest first, with their top candidates
 * and whether an admin already resolved them. Attached ones are left out unless asked for;
 * `matching`: only questions that contain these words (any case), or, given an entry id, that have it among their first three
 * candidates.
 */
export async function listMisses(
  db: Kysely<Database>,
  range: DateRange = {},
  opts: { limit?: number; includeAttached?: boolean; matching?: string } = {},
): Promise<MissQuestion[]> {
  let q = db
    .selectFrom('exchanges as e')
    .leftJoin('feedback as f', 'f.exchange_id', 'e.id')
    .leftJoin('miss_resolutions as r', 'r.exchange_id', 'e.id')
    .where((eb) => eb.or([eb('e.decision', 'in', ['refuse', 'hedge']), eb('f.vote', '=', -1)]))
    .select([
      'e.id',
      'e.question',
      'e.standalone_question',
      'e.decision',
      'e.created_at',
      // The top three entries' ids only: reading the whole trace costs three times the query.
      candidateId(0).as('c1'),
      candidateId(1).as('c2'),
      candidateId(2).as('c3'),
      candidateKey(0).as('k1'),
      candidateKey(1).as('k2'),
      candidateKey(2).as('k3'),
      sql<string | null>`e.retrieval -> 'signals' ->> 'domain'`.as('domain'),
      sql<string | null>`e.retrieval -> 'signals' ->> 'covered'`.as('covered'),
      'f.vote',
      'f.reason',
      'f.comment',
      'r.status',
    ])
    .orderBy('e.created_at', 'desc')
    .limit(opts.limit ?? MISS_LIMIT);
  if (opts.matching) {
    const words = opts.matching;
    // As the page's filter reads it: words of the question, or an entry id among the first three candidates (「FAQ2.5」).
    const id = /^faq\d+\.\d+$/i.test(words) ? words.toUpperCase() : null;
    q = q.where((eb) => eb.or([eb('e.question', 'ilike', containing(words)), ...(id ? [0, 1, 2].map((i) => eb(candidateId(i), '=', id)) : [])]));
  }
  if (range.from) q = q.where('e.created_at', '>=', range.from);
  if (range.to) q = q.where('e.created_at', '<=', range.to);
  if (!opts.includeAttached) q = q.where((eb) => eb.or([eb('r.status', 'is', null), eb('r.status', '!=', 'attached')]));
  const rows = await q.execute();
  return rows.map((r) => ({
    exchangeId: r.id,
    question: r.question,
    ...(r.standalone_question !== r.question ? { searched: r.standalone_question } : {}),
    decision: r.decision,
    candidates: [
      [r.c1, r.k1],
      [r.c2, r.k2],
      [r.c3, r.k3],
    ].flatMap(([id, key]) => (id ? [{ id, ...(key ? { key } : {}) }] : [])),
    scope: { domain: r.domain === null ? null : Number(r.domain), covered: r.covered === null ? null : Number(r.covered) },
    createdAt: r.created_at.toISOString(),
    vote: r.vote === null ? null : (r.vote as 1 | -1),
    reason: (r.reason as FeedbackReason | null) ?? null,
    comment: r.comment ?? null,
    resolution: r.status ?? null,
  }));
}

/** Marks questions of the queue: attached to an entry (they leave the queue) or not covered by the FAQ. */
export async function resolveMisses(db: Kysely<Database>, exchangeIds: string[], status: 'attached' | 'uncovered', entryId?: string): Promise<number> {
  if (exchangeIds.length === 0) return 0;
  const r = await db
    .insertInto('miss_resolutions')
    .columns(['exchange_id', 'status', 'entry_id'])
    .expression((eb) =>
      eb
        .selectFrom('exchanges')
        .where('id', 'in', exchangeIds)
        .select(['id', sql<string>`${status}::text`.as('status'), sql<string | null>`${entryId ?? null}::text`.as('entry_id')]),
    )
    .onConflict((oc) => oc.column('exchange_id').doUpdateSet({ status: (eb) => eb.ref('excluded.status'), entry_id: (eb) => eb.ref('excluded.entry_id') }))
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

/** Puts questions attached to an entry back in the queue (the attach undone). Returns how many were reopened. */
export async function reopenMisses(db: Kysely<Database>, exchangeIds: string[], entryId: string): Promise<number> {
  if (exchangeIds.length === 0) return 0;
  const r = await db
    .deleteFrom('miss_resolutions')
    .where('exchange_id', 'in', exchangeIds)
    .where('status', '=', 'attached')
    .where('entry_id', '=', entryId)
    .executeTakeFirst();
  return Number(r.numDeletedRows ?? 0);
}

/**
 * Puts back in the queue the questions attached to `entryId` that were asked in these words, as the queue groups wordings
 * (questionKey: 「退款多久到账?」 is 「退款多久到账」): an attach undone later, from the list of added alternatives, when the page
 * no longer knows which exchanges it attached. Returns how many were reopened.
 */
export async function reopenMissesAsked(db: Kysely<Database>, entryId: string, questions: string[]): Promise<number> {
  const keys = new Set(questions.map(questionKey));
  if (keys.size === 0) return 0;
  const attached = await db
    .selectFrom('miss_resolutions as r')
    .innerJoin('exchanges as e', 'e.id', 'r.exchange_id')
    .where('r.status', '=', 'attached')
    .where('r.entry_id', '=', entryId)
    .select(['e.id', 'e.question'])
    .execute();
  const ids = attached.filter((a) => keys.has(questionKey(a.question))).map((a) => a.id);
  return reopenMisses(db, ids, entryId);
}

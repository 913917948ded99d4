import { type Kysely, sql } from 'kysely';
import type { Database, TraceHit } from './schema';
import type { DateRange, FeedbackReason, MissQuestion } from './types';

const CANDIDATES = 3;

/**
 * Refused and hedged questions and answers voted 👎, newest first, with their top candidates
 * and whether an admin already resolved them. Attached ones are left out unless asked for.
 */
export async function listMisses(
  db: Kysely<Database>,
  range: DateRange = {},
  opts: { limit?: number; includeAttached?: boolean } = {},
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
      'e.confidence',
      'e.created_at',
      sql<TraceHit[]>`e.retrieval -> 'hits'`.as('hits'),
      'f.vote',
      'f.reason',
      'f.comment',
      'r.status',
    ])
    .orderBy('e.created_at', 'desc')
    .limit(opts.limit ?? 5_000);
  if (range.from) q = q.where('e.created_at', '>=', range.from);
  if (range.to) q = q.where('e.created_at', '<=', range.to);
  if (!opts.includeAttached) q = q.where((eb) => eb.or([eb('r.status', 'is', null), eb('r.status', '!=', 'attached')]));
  const rows = await q.execute();
  return rows.map((r) => ({
    exchangeId: r.id,
    question: r.question,
    standaloneQuestion: r.standalone_question,
    decision: r.decision,
    confidence: r.confidence,
    candidates: (r.hits ?? []).slice(0, CANDIDATES).map((h) => ({ id: h.id, score: h.score })),
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

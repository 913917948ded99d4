import { type Kysely, sql } from 'kysely';
import type { Database } from './schema';
import type { Feedback } from './types';

/**
 * Records this client's vote on one of its own answers; a second vote replaces the first.
 * False when the exchange does not exist or belongs to another client.
 */
export async function setFeedback(db: Kysely<Database>, clientId: string, exchangeId: string, feedback: Feedback): Promise<boolean> {
  const reason = feedback.vote === -1 ? (feedback.reason ?? null) : null;
  const comment = feedback.vote === -1 ? (feedback.comment ?? null) : null;
  const r = await db
    .insertInto('feedback')
    .columns(['exchange_id', 'client_id', 'vote', 'reason', 'comment'])
    .expression((eb) =>
      eb
        .selectFrom('exchanges')
        .where('id', '=', exchangeId)
        .where('client_id', '=', clientId)
        .select([
          'id',
          'client_id',
          sql<number>`${feedback.vote}::smallint`.as('vote'),
          sql<string | null>`${reason}::text`.as('reason'),
          sql<string | null>`${comment}::text`.as('comment'),
        ]),
    )
    .onConflict((oc) =>
      oc.column('exchange_id').doUpdateSet({
        vote: (eb) => eb.ref('excluded.vote'),
        reason: (eb) => eb.ref('excluded.reason'),
        comment: (eb) => eb.ref('excluded.comment'),
        updated_at: sql`now()`,
      }),
    )
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

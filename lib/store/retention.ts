import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** Deletes exchanges older than `days` (with their feedback and resolutions) and conversations left empty. */
export async function purgeOlderThan(db: Kysely<Database>, days: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const r = await db.deleteFrom('exchanges').where('created_at', '<', cutoff).executeTakeFirst();
  await db
    .deleteFrom('conversations as c')
    .where('c.updated_at', '<', cutoff)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('exchanges as e').select('e.id').whereRef('e.client_id', '=', 'c.client_id').whereRef('e.conversation_id', '=', 'c.id'))),
    )
    .execute();
  return Number(r.numDeletedRows);
}

import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** Entry id -> alternative questions added by admins, oldest first. */
export async function listAlternatives(db: Kysely<Database>): Promise<Record<string, string[]>> {
  const rows = await db.selectFrom('alternatives').select(['entry_id', 'question']).orderBy('id').execute();
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[r.entry_id] ??= []).push(r.question);
  return out;
}

/** Adds alternative questions to an entry; ones it already has are skipped. Returns how many were new. */
export async function addAlternatives(db: Kysely<Database>, entryId: string, questions: string[]): Promise<number> {
  const unique = [...new Set(questions.map((q) => q.trim()).filter(Boolean))];
  if (unique.length === 0) return 0;
  const r = await db
    .insertInto('alternatives')
    .values(unique.map((question) => ({ entry_id: entryId, question })))
    .onConflict((oc) => oc.columns(['entry_id', 'question']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

/** Removes alternative questions an admin added to an entry (an attach undone). Returns how many were removed. */
export async function removeAlternatives(db: Kysely<Database>, entryId: string, questions: string[]): Promise<number> {
  const unique = [...new Set(questions.map((q) => q.trim()).filter(Boolean))];
  if (unique.length === 0) return 0;
  const r = await db.deleteFrom('alternatives').where('entry_id', '=', entryId).where('question', 'in', unique).executeTakeFirst();
  return Number(r.numDeletedRows ?? 0);
}

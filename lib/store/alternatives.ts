import type { Kysely } from 'kysely';
import type { AddedAlternative } from '../corpus/entry-key';
import type { Database } from './schema';

/** The alternative questions added by admins, oldest first, each with the entry's id and what it said then. */
export async function listAlternatives(db: Kysely<Database>): Promise<AddedAlternative[]> {
  const rows = await db.selectFrom('alternatives').select(['entry_id', 'entry_key', 'question']).orderBy('id').execute();
  return rows.map((r) => ({ entryId: r.entry_id, entryKey: r.entry_key, question: r.question }));
}

/**
 * Adds alternative questions to an entry, with what the entry says (`entryKey`, lib/corpus/entry-key.ts: they follow it when the
 * FAQ is renumbered); ones it already has are skipped. Returns how many were new.
 */
export async function addAlternatives(db: Kysely<Database>, entryId: string, questions: string[], entryKey: string | null = null): Promise<number> {
  const unique = [...new Set(questions.map((q) => q.trim()).filter(Boolean))];
  if (unique.length === 0) return 0;
  const r = await db
    .insertInto('alternatives')
    .values(unique.map((question) => ({ entry_id: entryId, entry_key: entryKey, question })))
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

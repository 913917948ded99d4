import { createHash } from 'node:crypto';
import type { AlternativesMap } from './related';
import { type Entry, normalizeForDedup } from './schema';

const hash = (s: string) => createHash('sha256').update(normalizeForDedup(s)).digest('hex').slice(0, 8);

/**
 * What an entry said when it was cited: a short hash of its question and one of its solution (`q:s`), kept with an exchange so a
 * conversation reopened after the FAQ was renumbered shows the entry it cited, not the one now under its id (round 26). Whitespace
 * and width do not count. Pure.
 *
 * @example
 * entryKey({ question: '挥卡报03?', solution: '…' }) // '1a2b3c4d:5e6f7a8b'
 */
export function entryKey(e: Pick<Entry, 'question' | 'solution'>): string {
  return `${hash(e.question)}:${hash(e.solution)}`;
}

/**
 * The entry an exchange cited as `id` when it said what `key` records: the one under `id` if its question or its solution is
 * unchanged (an edit in place); else the one entry that now has that question, or failing that that solution (renumbered); else
 * none (deleted, or rewritten whole and moved), rather than another entry. Without a key (exchanges stored before round 26) the
 * entry under `id`. Pure; `entries` are the FAQ's now.
 */
export function entryCited<E extends Pick<Entry, 'ids' | 'question' | 'solution'>>(entries: E[], byId: (id: string) => E | undefined, id: string, key?: string): E | undefined {
  const now = byId(id);
  if (!key) return now;
  const [q, s] = key.split(':');
  const [nq, ns] = now ? entryKey(now).split(':') : [];
  if (now && (nq === q || ns === s)) return now;
  const only = (side: 0 | 1, h: string | undefined) => {
    const found = entries.filter((e) => entryKey(e).split(':')[side] === h);
    return found.length === 1 ? found[0] : undefined;
  };
  return only(0, q) ?? only(1, s);
}

/** An alternative question an admin added (the database's row): the entry's id then, and what it said then (entryKey; null before round 26). */
export interface AddedAlternative {
  entryId: string;
  entryKey: string | null;
  question: string;
}

/** Each row of the admin's alternatives with the id of the entry it follows now (entryCited); undefined when that entry is gone. Rows without a key stay on their id. Pure. */
export function rowsOn<E extends Pick<Entry, 'id' | 'ids' | 'question' | 'solution'>>(added: AddedAlternative[], entries: E[]): { row: AddedAlternative; to?: string }[] {
  const byAnyId = new Map(entries.flatMap((e) => e.ids.map((id) => [id, e] as const)));
  return added.map((row) => ({ row, to: row.entryKey ? entryCited(entries, (id) => byAnyId.get(id), row.entryId, row.entryKey)?.id : row.entryId }));
}

/**
 * The admin's alternatives on the entries they were added to, by their ids now (rowsOn): after a renumbering they follow their
 * entry, and those of an entry deleted since are left out (`gone`). Pure.
 */
export function alternativesOn<E extends Pick<Entry, 'id' | 'ids' | 'question' | 'solution'>>(
  added: AddedAlternative[],
  entries: E[],
): { alternatives: AlternativesMap; gone: AddedAlternative[] } {
  const alternatives: AlternativesMap = {};
  const gone: AddedAlternative[] = [];
  for (const { row, to } of rowsOn(added, entries)) {
    if (!to) {
      gone.push(row);
      continue;
    }
    const list = (alternatives[to] ??= []);
    if (!list.includes(row.question)) list.push(row.question);
  }
  return { alternatives, gone };
}

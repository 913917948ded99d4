import { createHash } from 'node:crypto';
import type { AlternativesMap } from './related';
import { type Entry, type FaqEntry, normalizeForDedup } from './schema';

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
  const known = keys.get(e);
  if (known?.question === e.question && known.solution === e.solution) return known.key;
  const key = `${hash(e.question)}:${hash(e.solution)}`;
  keys.set(e, { question: e.question, solution: e.solution, key });
  return key;
}

/** Each entry's key, by the entry object (a knowledge base's entries live as long as it): a conversation reopened or a reload reads them again. */
const keys = new WeakMap<object, { question: string; solution: string; key: string }>();

type Keyed = Pick<Entry, 'ids' | 'question' | 'solution'>;

/**
 * A finder of the entry something cited as `id` when the entry said what `key` records (`entries` are the FAQ's now; the index is
 * built once): the one under `id` if its question is unchanged; else, unless `keys` — what everything else stored was cited as —
 * say the entry under `id` stood under another id (moved there: the id's own entry was deleted or moved), the one under `id` if
 * its answer is unchanged (an edit in place); else the one entry that now has that question, or failing that that answer
 * (renumbered); else the one under `id` again (rewritten whole in place), if it did not stand elsewhere, or none. Identical
 * entries count as one. Without a key (stored before round 26) the entry under `id`. Pure.
 */
export function entryFinder<E extends Keyed>(entries: E[], byId: (id: string) => E | undefined, keys: Iterable<readonly [string, string]> = []): (id: string, key?: string | null) => E | undefined {
  const keyOf = new Map<E, [string, string]>(entries.map((e) => [e, entryKey(e).split(':') as [string, string]]));
  const bySide = [new Map<string, E[]>(), new Map<string, E[]>()] as const;
  const seen = new Set<string>();
  for (const e of entries) {
    // Identical entries (one question and answer twice) are one: the first stands for both.
    if (seen.has(entryKey(e))) continue;
    seen.add(entryKey(e));
    const [q, s] = keyOf.get(e)!;
    bySide[0].set(q, [...(bySide[0].get(q) ?? []), e]);
    bySide[1].set(s, [...(bySide[1].get(s) ?? []), e]);
  }
  const only = (side: 0 | 1, h: string | undefined) => {
    const found = h === undefined ? undefined : bySide[side].get(h);
    return found?.length === 1 ? found[0] : undefined;
  };
  const elsewhere = [...keys];
  /** Whether `e` is what something stored under another id than `id` was cited as. */
  const stoodElsewhere = (e: E, id: string) => {
    const [q, s] = keyOf.get(e)!;
    return elsewhere.some(([other, k]) => other !== id && !e.ids.includes(other) && (k.startsWith(`${q}:`) || k.endsWith(`:${s}`)));
  };
  return (id, key) => {
    const now = byId(id);
    if (!key) return now;
    const [q, s] = key.split(':');
    const [nq, ns] = now ? (keyOf.get(now) ?? entryKey(now).split(':')) : [];
    if (now && nq === q) return now;
    // The entry under the id now stood under another one: its own was deleted or moved.
    const taken = now !== undefined && stoodElsewhere(now, id);
    if (now && !taken && ns === s) return now;
    // An entry that stood elsewhere is another's, whatever answer it shares.
    const other = (e: E | undefined) => (taken && e === now ? undefined : e);
    return other(only(0, q)) ?? other(only(1, s)) ?? (taken ? undefined : now);
  };
}

/** An alternative question an admin added (the database's row): the entry's id then, and what it said then (entryKey; null before round 26). */
export interface AddedAlternative {
  entryId: string;
  entryKey: string | null;
  question: string;
}

/** Each row of the admin's alternatives with the id of the entry it follows now (entryFinder); undefined when that entry is gone. Rows without a key stay on their id. Pure. */
export function rowsOn<E extends Pick<Entry, 'id'> & Keyed>(added: AddedAlternative[], entries: E[]): { row: AddedAlternative; to?: string }[] {
  const byAnyId = new Map(entries.flatMap((e) => e.ids.map((id) => [id, e] as const)));
  const find = entryFinder(
    entries,
    (id) => byAnyId.get(id),
    added.flatMap((r) => (r.entryKey ? [[r.entryId, r.entryKey] as const] : [])),
  );
  return added.map((row) => ({ row, to: row.entryKey ? find(row.entryId, row.entryKey)?.id : row.entryId }));
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

/** alternativesOn over the entries of an FAQ as parsed (each under its one id, identical ones not merged yet). */
export function alternativesOnFaq(added: AddedAlternative[], entries: FaqEntry[]): ReturnType<typeof alternativesOn> {
  return alternativesOn(
    added,
    entries.map((e) => ({ ...e, ids: [e.id] })),
  );
}

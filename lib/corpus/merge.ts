import type { AlternativesMap } from './related';
import { type CorpusWarning, duplicateKey, type Entry, type FaqEntry, normalizeForDedup } from './schema';

/**
 * Merges identical entries (the first id stays canonical and remembers the others) and
 * attaches alternative questions; those of a merged duplicate go to its canonical entry.
 * Warns about alternatives for ids the FAQ does not have and about one alternative
 * question listed under two different entries (it cannot lead to both).
 */
export function mergeEntries(entries: FaqEntry[], alternatives: AlternativesMap): { entries: Entry[]; warnings: CorpusWarning[] } {
  const byKey = new Map<string, Entry>();
  const canonicalOf = new Map<string, Entry>();
  for (const e of entries) {
    const key = duplicateKey(e);
    const existing = byKey.get(key);
    if (existing) {
      existing.ids.push(e.id);
      canonicalOf.set(e.id, existing);
      continue;
    }
    const merged: Entry = { ...e, ids: [e.id], alternatives: [] };
    byKey.set(key, merged);
    canonicalOf.set(e.id, merged);
  }
  const warnings: CorpusWarning[] = [];
  const owner = new Map<string, string>();
  for (const [id, list] of Object.entries(alternatives)) {
    const target = canonicalOf.get(id);
    if (!target) {
      warnings.push({ kind: 'unknown_related_id', line: 1, ids: [id], message: `相似问题中的 ${id} 在 FAQ 中不存在,已忽略` });
      continue;
    }
    for (const q of list) {
      const key = normalizeForDedup(q);
      const first = owner.get(key);
      if (first !== undefined && first !== target.id) {
        warnings.push({ kind: 'alternative_collision', line: 1, ids: [first, target.id], message: `相似问题“${q}”同时属于 ${first} 和 ${target.id}` });
      }
      owner.set(key, target.id);
      if (!target.alternatives.includes(q)) target.alternatives.push(q);
    }
  }
  return { entries: [...byKey.values()], warnings };
}

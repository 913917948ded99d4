import { normalizeForDedup } from './parse';
import type { RelatedMap } from './related';
import type { CorpusWarning, FaqEntry, KbEntry } from './schema';

/**
 * Merges identical entries (the first id stays canonical and remembers the others)
 * and attaches related questions. Related keys of a merged duplicate go to its canonical entry.
 */
export function buildKbEntries(entries: FaqEntry[], related: RelatedMap): { entries: KbEntry[]; warnings: CorpusWarning[] } {
  const byKey = new Map<string, KbEntry>();
  const canonicalOf = new Map<string, KbEntry>();
  for (const e of entries) {
    const key = `${normalizeForDedup(e.question)}\u0000${normalizeForDedup(e.answer)}`;
    const existing = byKey.get(key);
    if (existing) {
      existing.ids.push(e.id);
      canonicalOf.set(e.id, existing);
      continue;
    }
    const kb: KbEntry = { ...e, ids: [e.id], related: [] };
    byKey.set(key, kb);
    canonicalOf.set(e.id, kb);
  }
  const warnings: CorpusWarning[] = [];
  for (const [id, list] of Object.entries(related)) {
    const target = canonicalOf.get(id);
    if (!target) {
      warnings.push({ kind: 'unknown_related_id', line: 1, ids: [id], message: `相关问题文件中的 ${id} 在 FAQ 中不存在,已忽略` });
      continue;
    }
    for (const q of list) if (!target.related.includes(q)) target.related.push(q);
  }
  return { entries: [...byKey.values()], warnings };
}

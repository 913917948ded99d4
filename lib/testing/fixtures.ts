import type { KbEntry } from '../corpus/schema';
import type { Hit } from '../retrieval/types';

/** A small FAQ entry for unit tests. */
export function kbEntry(id: string, question: string, answer: string, category = '普通POS类'): KbEntry {
  return { id, ids: [id], category: { id: id.split('.')[0]!, name: category }, question, answer, line: 1, related: [] };
}

/** A retrieval hit for an entry, ranked `rank`, with the given vector similarity. */
export function hitOf(entry: KbEntry, rank: number, vector = 0.5): Hit {
  return { id: entry.id, entry, rank, score: 1 / rank, scores: { vector, keyword: 1 / rank, fused: 1 / rank }, coverage: 1 };
}

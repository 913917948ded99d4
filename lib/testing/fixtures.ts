import type { Entry } from '../corpus/schema';
import type { Hit } from '../retrieval/types';

/** A small FAQ entry for unit tests. */
export function entryOf(id: string, question: string, solution: string, category = '普通POS类'): Entry {
  return { id, ids: [id], category: { id: id.split('.')[0]!, name: category }, question, solution, line: 1, alternatives: [] };
}

/** A retrieval hit for an entry, ranked `rank`, with the given vector similarity. */
export function hitOf(entry: Entry, rank: number, vector = 0.5): Hit {
  return { id: entry.id, entry, rank, score: 1 / rank, scores: { vector, keyword: 1 / rank, fused: 1 / rank }, coverage: 1 };
}

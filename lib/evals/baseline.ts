import type { Entry } from '../corpus/schema';
import { Bm25Index } from '../retrieval/keyword';
import { bigrams } from '../retrieval/tokenize';

/**
 * The bar to beat: plain BM25 over character bigrams of each entry's question and solution,
 * no alternative questions, no synonyms, no vectors. Returns the 0-based rank of an expected
 * entry among its top 10, or -1.
 */
export function createBaseline(entries: Entry[]): (question: string, expected: string[]) => number {
  const index = new Bm25Index(
    entries.map((e) => [{ text: `${e.question}\n${e.solution}`, weight: 1 }]),
    { tokenize: bigrams },
  );
  return (question, expected) => index.search(question, 10).findIndex((h) => entries[h.index]!.ids.some((id) => expected.includes(id)));
}

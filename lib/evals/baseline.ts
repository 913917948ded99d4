import type { Entry } from '../corpus/schema';
import { Bm25Index } from '../retrieval/keyword';
import { bigrams } from '../retrieval/tokenize';

/**
 * The bar to beat: plain BM25 over character bigrams of each entry's question and
 * answer, no related questions, no vectors. Its only notion of "not covered" is that no
 * bigram matches at all; its top score is reported so the report can show it cannot separate.
 */
export function createBaseline(entries: Entry[]) {
  const index = new Bm25Index(
    entries.map((e) => [{ text: `${e.question}\n${e.solution}`, weight: 1 }]),
    { tokenize: bigrams },
  );
  return (question: string, expected: string[]) => {
    const hits = index.search(question, 5);
    const rank = hits.findIndex((h) => entries[h.index]!.ids.some((id) => expected.includes(id)));
    return { rank, noAnswer: hits.length === 0, topScore: Math.round((hits[0]?.score ?? 0) * 1000) / 1000 };
  };
}

import type { RetrievalResult } from './types';

/**
 * A retrieval as the 命中测试 page, `/api/retrieve` and `npm run ask -- --explain` show it:
 * the decision with its confidence, thresholds and signals, and every hit with its scores.
 */
export function explainRetrieval(r: RetrievalResult) {
  return {
    query: r.query,
    decision: r.decision,
    confidence: r.confidence,
    thresholds: r.thresholds,
    signals: r.signals,
    answerIds: r.answerIds,
    suggestionIds: r.suggestionIds,
    hits: r.hits.map((h) => ({
      id: h.id,
      ids: h.entry.ids,
      category: h.entry.category,
      question: h.entry.question,
      rank: h.rank,
      scores: h.scores,
      coverage: h.coverage,
    })),
  };
}

export type RetrievalExplanation = ReturnType<typeof explainRetrieval>;

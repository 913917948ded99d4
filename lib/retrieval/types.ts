import type { Entry } from '../corpus/schema';

export interface HitScores {
  /** Cosine similarity of the question to the entry's best chunk, 0..1. */
  vector: number;
  /** BM25 score normalised to 0..1 by the best keyword score for this query. */
  keyword: number;
  /** The ranking key (rank fusion and coverage). */
  fused: number;
}

export interface Hit {
  /** Canonical id of the entry (first of `entry.ids`). */
  id: string;
  entry: Entry;
  rank: number;
  /** Same as `scores.fused`, kept flat for sorting and display. */
  score: number;
  scores: HitScores;
  /** IDF-weighted share of the question's words this entry contains, 0..1. */
  coverage: number;
}

/**
 * What to do with a question:
 * - answer: the best entry answers it; cite it.
 * - hedge: the closest entry may be it; show it as the closest, cited, with other candidates.
 * - refuse: the FAQ does not cover it; the fixed reply, no citation.
 */
export type Decision = 'answer' | 'hedge' | 'refuse';

export const DECISIONS: readonly Decision[] = ['answer', 'hedge', 'refuse'];

export interface RetrievalResult {
  query: string;
  hits: Hit[];
  decision: Decision;
  /** Estimated probability (0..1) that the best entry answers the question; the decision is read off it. */
  confidence: number;
  /** answer when `confidence` >= `answer`; refuse when the probability that the FAQ covers the question at all (`signals.covered`) is below `hedge`. */
  thresholds: { answer: number; hedge: number };
  /** The entries that together answer (answer, hedge): the best one, plus a second when it covers what the first leaves out. Empty when refused. */
  answerIds: string[];
  /** Other entries offered as 「您是不是想问」 (hedge, refuse). */
  suggestionIds: string[];
  /** The signals the decision was made from, by name, for the hit-testing page and `ask --explain`; `demand: 1` when the demand rule or the attack model refused it. */
  signals: Record<string, number>;
  /** The question without the clauses set aside as addressed to the assistant (attacks, demands), when any were: what a model is asked. */
  asked?: string;
}

export interface RetrieveOptions {
  /** Number of hits to return (default 5). */
  k?: number;
}

/** What the answer layer needs from retrieval; tests pass a stub. */
export type RetrieveFn = (query: string, opts?: RetrieveOptions) => Promise<RetrievalResult>;

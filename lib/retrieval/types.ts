import type { KbEntry } from '../corpus/schema';

export interface HitScores {
  /** Cosine similarity of the question to the entry's best chunk, 0..1. */
  vector: number;
  /** BM25 score normalised to 0..1 by the best keyword score for this query. */
  keyword: number;
  /** Reciprocal-rank-fusion score (the ranking key). */
  fused: number;
}

export interface Hit {
  /** Canonical id of the entry (first of `entry.ids`). */
  id: string;
  entry: KbEntry;
  rank: number;
  /** Same as `scores.fused`, kept flat for sorting and display. */
  score: number;
  scores: HitScores;
  /** IDF-weighted share of the question's words this entry contains, 0..1. */
  coverage: number;
}

export interface RetrievalResult {
  query: string;
  hits: Hit[];
  /** True when no entry is relevant enough to answer from. */
  noAnswer: boolean;
  /** 0..1: coverage and vector similarity of the best entry combined; `noAnswer` is `confidence < threshold`. */
  confidence: number;
  threshold: number;
  /** The hits that together answer the question: the best one, plus a second when it covers what the first leaves out. Empty when `noAnswer`. */
  answerIds: string[];
}

export interface RetrieveOptions {
  /** Number of hits to return (default 5). */
  k?: number;
}

/** What the answer layer needs from retrieval; tests pass a stub. */
export type RetrieveFn = (query: string, opts?: RetrieveOptions) => Promise<RetrievalResult>;

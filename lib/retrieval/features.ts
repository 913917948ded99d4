import { coverageOf, type IndexedText, type Unit } from './coverage';

/** What each search said about one candidate entry. */
export interface CandidateSignals {
  index: number;
  /** BM25 over segmented words and bigrams, question and alternatives weighted up. */
  keyword: number;
  /** Plain BM25 over character bigrams of all the entry's text. */
  bigram: number;
  /** Best cosine similarity of any chunk of the entry. */
  vector: number;
  /** Best cosine similarity of the entry's question or an alternative question. */
  vectorShort: number;
  /** 0-based ranks in each search, -1 when the entry was not among its results. */
  keywordRank: number;
  bigramRank: number;
  vectorRank: number;
  coverage: number;
  questionCoverage: number;
  /** Cosine similarity of the question's and the entry's CC-CEDICT senses (lib/retrieval/senses.ts). */
  senses: number;
}

export const CANDIDATE_FEATURES = [
  'keyword',
  'bigram',
  'vector',
  'vectorShort',
  'coverage',
  'questionCoverage',
  'keywordRank',
  'bigramRank',
  'vectorRank',
  'senses',
] as const;

const recip = (rank: number) => (rank < 0 ? 0 : 1 / (1 + rank));

/** A candidate's feature vector, scores relative to the best of this query so they mean the same in any corpus. */
export function candidateFeatures(c: CandidateSignals, best: { keyword: number; bigram: number }): number[] {
  return [
    best.keyword > 0 ? c.keyword / best.keyword : 0,
    best.bigram > 0 ? c.bigram / best.bigram : 0,
    c.vector,
    c.vectorShort,
    c.coverage,
    c.questionCoverage,
    recip(c.keywordRank),
    recip(c.bigramRank),
    recip(c.vectorRank),
    c.senses,
  ];
}

export const QUERY_FEATURES = [
  'topProbability',
  'margin',
  'coverage',
  'clauseCoverage',
  'questionCoverage',
  'vector',
  'vectorShort',
  'unknownShare',
  'keywordStrength',
  'units',
  'agreement',
  'weakestClauseCoverage',
  'charUnknownShare',
  'worstClauseUnknown',
] as const;

export interface QuerySignals {
  /** The ranker's softmax probability of the best candidate, and its score margin over the second. */
  topProbability: number;
  margin: number;
  top: CandidateSignals;
  /** Best and worst coverage of the top entry by a single clause (the whole question's when it has one clause). */
  clauseCoverage: number;
  weakestClauseCoverage: number;
  /** IDF-weighted share of the question's CJK characters that occur nowhere in the corpus. */
  charUnknownShare: number;
  /** The largest share of a single clause's weight found nowhere in the corpus. */
  worstClauseUnknown: number;
  /** IDF-weighted share of the question's units found nowhere in the corpus. */
  unknownShare: number;
  /** The top keyword score as a share of what the question's terms could score at most. */
  keywordStrength: number;
  unitCount: number;
  /** Whether the keyword and vector searches put the same entry first. */
  agreement: boolean;
}

/** The query's feature vector for the decision model. */
export function queryFeatures(q: QuerySignals): number[] {
  return [
    q.topProbability,
    q.margin,
    q.top.coverage,
    q.clauseCoverage,
    q.top.questionCoverage,
    q.top.vector,
    q.top.vectorShort,
    q.unknownShare,
    q.keywordStrength,
    Math.log1p(q.unitCount),
    q.agreement ? 1 : 0,
    q.weakestClauseCoverage,
    q.charUnknownShare,
    q.worstClauseUnknown,
  ];
}

/** The share of the question's weight found nowhere in the corpus text. */
export function unknownShare(units: Unit[], corpusText: string | IndexedText): number {
  return 1 - coverageOf(units, corpusText);
}

/** Best and worst coverage of a text by one clause's units (clauses without units are skipped). */
export function clauseCoverageRange(clauseUnits: Unit[][], text: string | IndexedText): { best: number; worst: number } {
  let best = 0;
  let worst = 1;
  for (const units of clauseUnits) {
    if (units.length === 0) continue;
    const c = coverageOf(units, text);
    best = Math.max(best, c);
    worst = Math.min(worst, c);
  }
  return { best, worst: Math.min(worst, best) };
}

/** The IDF-weighted share of the text's CJK characters the corpus never uses. */
export function charUnknownShare(text: string, charIdf: (c: string) => number, corpusChars: Set<string>): number {
  let total = 0;
  let unknown = 0;
  for (const c of new Set(text.match(/[\u3400-\u9fff]/g) ?? [])) {
    const w = charIdf(c);
    total += w;
    if (!corpusChars.has(c)) unknown += w;
  }
  return total > 0 ? unknown / total : 0;
}

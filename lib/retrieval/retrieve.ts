import type { Entry } from '../corpus/schema';
import { bestClauseCoverage, type CoverageModel, clauses, coverageOf, entryText, type QueryUnits, queryUnits } from './coverage';
import { Bm25Index } from './keyword';
import { bigrams, type Tokenizer } from './tokenize';
import type { Hit, RetrievalResult, RetrieveFn, RetrieveOptions } from './types';

/** Searches chunk vectors; returns entry ids with cosine similarity, best first, ids may repeat. */
export type VectorSearch = (query: string, k: number) => Promise<{ id: string; similarity: number }[]>;

export interface RetrieverOptions {
  /** Below this coverage the retriever answers `noAnswer`. Tuned on evals/datasets/dev.jsonl. */
  threshold?: number;
  /** Reciprocal-rank-fusion constant. */
  rrfK?: number;
  /** Relative weight of the keyword ranking in the fusion (vector has 1). */
  keywordWeight?: number;
  /** How many candidates each search contributes to the fusion. */
  candidates?: number;
  /** Share of the final score given to coverage (the rest is the normalised rank fusion). */
  coverageWeight?: number;
  /** Weight of the best entry's vector similarity beside its coverage in the confidence. */
  vectorWeight?: number;
  /** Terms of the keyword index (default: the tokenizer's words plus CJK bigrams); for ablations. */
  keywordTerms?: (text: string) => string[];
}

/** Tuned on evals/datasets/dev.jsonl with the local embedder (see README, "Retrieval design"). */
export const DEFAULT_NO_ANSWER_THRESHOLD = 0.36;
export const DEFAULT_VECTOR_WEIGHT = 1.5;
export const DEFAULT_COVERAGE_WEIGHT = 0.3;

/** BM25 fields of an entry: the question and related questions weigh more than the answer. */
export function entryFields(e: Entry): { text: string; weight: number }[] {
  return [
    { text: e.question, weight: 2 },
    { text: e.alternatives.join('\n'), weight: 1.5 },
    { text: e.solution, weight: 1 },
    { text: e.category.name, weight: 0.5 },
  ];
}

/**
 * Hybrid retrieval: vector search and BM25 fused by reciprocal rank, then a
 * coverage check decides `noAnswer`. Pure given its searches, so tests can pass their own.
 *
 * @example
 * const retrieve = createRetriever(entries, vectorSearch, tokenizer);
 * const { hits, noAnswer } = await retrieve('挥卡报03');
 */
export function createRetriever(
  entries: Entry[],
  vectorSearch: VectorSearch,
  tokenizer: Tokenizer,
  opts: RetrieverOptions = {},
): RetrieveFn & { bm25: Bm25Index } {
  const threshold = opts.threshold ?? DEFAULT_NO_ANSWER_THRESHOLD;
  const rrfK = opts.rrfK ?? 60;
  const keywordWeight = opts.keywordWeight ?? 1;
  const candidates = opts.candidates ?? 20;
  const coverageWeight = opts.coverageWeight ?? DEFAULT_COVERAGE_WEIGHT;
  const vectorWeight = opts.vectorWeight ?? DEFAULT_VECTOR_WEIGHT;
  const rrfMax = (1 + keywordWeight) / (rrfK + 1);
  const bm25 = new Bm25Index(entries.map(entryFields), { tokenize: opts.keywordTerms ?? tokenizer.keywordTerms });
  const byId = new Map(entries.map((e, i) => [e.id, i]));
  const texts: (string | undefined)[] = new Array(entries.length);
  const textOf = (i: number) => (texts[i] ??= entryText(entries[i]!, tokenizer));
  let charDf: Map<string, number> | undefined;
  const charIdf = (c: string) => {
    if (!charDf) {
      charDf = new Map();
      for (let i = 0; i < entries.length; i++) for (const ch of new Set(textOf(i))) charDf.set(ch, (charDf.get(ch) ?? 0) + 1);
    }
    return Math.log(1 + entries.length / ((charDf.get(c) ?? 0) + 0.5));
  };
  const model: CoverageModel = { idf: (u) => unitIdf(bm25, u, charIdf) };

  const retrieve = async (query: string, ro: RetrieveOptions = {}): Promise<RetrievalResult> => {
    const k = ro.k ?? 5;
    const [vec, kw] = await Promise.all([vectorSearch(query, candidates * 4), Promise.resolve(bm25.search(query, candidates))]);
    const vectorBest = new Map<number, number>();
    for (const { id, similarity } of vec) {
      const i = byId.get(id);
      if (i !== undefined && similarity > (vectorBest.get(i) ?? -Infinity)) vectorBest.set(i, similarity);
    }
    const vectorRank = [...vectorBest.entries()].sort((a, b) => b[1] - a[1]).slice(0, candidates);
    const fused = new Map<number, number>();
    vectorRank.forEach(([i], r) => fused.set(i, (fused.get(i) ?? 0) + 1 / (rrfK + r + 1)));
    kw.forEach(({ index }, r) => fused.set(index, (fused.get(index) ?? 0) + keywordWeight / (rrfK + r + 1)));
    const bestKw = kw[0]?.score ?? 0;
    const kwScore = new Map(kw.map((h) => [h.index, bestKw > 0 ? h.score / bestKw : 0]));

    // Rank fusion orders candidates; coverage (how much of the question the entry accounts for) breaks near-ties.
    const whole = queryUnits(query, model, tokenizer);
    const parts = clauses(query);
    const units: QueryUnits[] = parts.length > 1 ? [whole, ...parts.map((c) => queryUnits(c, model, tokenizer))] : [whole];
    const scored = [...fused.entries()].map(([i, rrf]) => {
      const cov = coverageOf(whole, textOf(i));
      return { i, cov, f: (1 - coverageWeight) * (rrf / rrfMax) + coverageWeight * cov };
    });
    const ranked = scored.sort((a, b) => b.f - a.f).slice(0, Math.max(k, 3));
    const hits: Hit[] = ranked.map(({ i, cov, f }, r) => ({
      id: entries[i]!.id,
      entry: entries[i]!,
      rank: r + 1,
      score: round(f),
      scores: { vector: round(Math.max(vectorBest.get(i) ?? 0, 0)), keyword: round(kwScore.get(i) ?? 0), fused: round(f) },
      coverage: round(cov),
    }));
    const top = hits[0];
    // Coverage alone lets a question made of common words pass; the best entry's vector
    // similarity separates in-scope from off-topic questions where coverage cannot. The best
    // clause counts, so an instruction tacked onto a real question cannot hide it.
    const topCoverage = top ? bestClauseCoverage(units, textOf(byId.get(top.id)!)) : 0;
    const confidence = top ? round((topCoverage + vectorWeight * top.scores.vector) / (1 + vectorWeight)) : 0;
    const decision = confidence < threshold ? 'refuse' : 'answer';
    const answerIds =
      decision === 'refuse'
        ? []
        : pickAnswerHits(
            hits,
            (text) => bestClauseCoverage(units, text),
            (i) => textOf(byId.get(hits[i]!.id)!),
          );
    const suggestionIds = hits
      .filter((h) => !answerIds.includes(h.id))
      .slice(0, 2)
      .map((h) => h.id);
    const signals = { coverage: topCoverage, vector: top?.scores.vector ?? 0 };
    return { query, hits: hits.slice(0, k), decision, confidence, thresholds: { answer: threshold, hedge: threshold }, answerIds, suggestionIds, signals };
  };
  return Object.assign(retrieve, { bm25 });
}

/**
 * The best hit answers; the runner-up joins it only when it is relevant on its own and
 * covers a clear part of the question the best one leaves out ("挥卡报03,还有报96").
 */
function pickAnswerHits(hits: Hit[], coverageOf: (text: string) => number, textAt: (i: number) => string): string[] {
  const [first, second] = hits;
  if (!first) return [];
  // The runner-up must stand on its own keywords, not on filler words the best entry happens to lack.
  if (!second || second.coverage < 0.35 || second.scores.keyword < 0.5) return [first.id];
  const together = coverageOf(`${textAt(0)}\n${textAt(1)}`);
  return together - first.coverage >= 0.2 ? [first.id, second.id] : [first.id];
}

/** A lone character says less than a word: its IDF counts at this fraction. */
const SINGLE_CHAR_WEIGHT = 0.5;

/** IDF of a query word, estimated from the keyword index: whole-word postings, else its rarest bigram. */
function unitIdf(bm25: Bm25Index, unit: string, charIdf: (c: string) => number): number {
  const n = bm25.size;
  const chars = [...unit];
  let df: number;
  if (bm25.df.has(unit)) df = bm25.df.get(unit)!;
  else if (chars.length >= 2 && /[\u3400-\u9fff]/.test(unit)) df = Math.min(...bigrams(unit).map((g) => bm25.df.get(`#${g}`) ?? 0));
  else if (chars.length === 1 && /[\u3400-\u9fff]/.test(unit)) return SINGLE_CHAR_WEIGHT * charIdf(unit);
  else df = 0;
  return Math.log(1 + n / (df + 0.5));
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

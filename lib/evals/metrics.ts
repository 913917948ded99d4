import type { AnswerResult } from '../answer/types';
import { HEDGE_INTRO, NO_ANSWER_TEXT, NO_SOLUTION_TEXT, STAFF_POINTER, TWO_ENTRIES_INTRO } from '../text/messages';
import type { EvalCase } from './dataset';

export interface CaseResult {
  question: string;
  kind: string;
  expected: string[];
  outOfScope: boolean;
  /** 0-based rank of the first hit standing for an expected id, or -1. */
  rank: number;
  noAnswer: boolean;
  citations: string[];
  /** The answer text as shown (for the LLM judge and the report). */
  answer: string;
  citationCorrect: boolean;
  grounded: boolean;
  confidence: number;
  latencyMs: number;
  top: { id: string; score: number; coverage: number; vector: number; keyword: number }[];
  baseline: { rank: number; noAnswer: boolean; topScore: number };
}

/** Letters, digits and CJK only: formatting and punctuation do not decide groundedness. */
export function squash(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\[FAQ\d+\.\d+\]/g, '')
    .replace(/```\w*/g, '')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase();
}

const TEMPLATE = [NO_ANSWER_TEXT, STAFF_POINTER, TWO_ENTRIES_INTRO, HEDGE_INTRO].map(squash);

/**
 * Offline groundedness: each cited entry's solution appears in the answer, and once the
 * cited entries' text and the fixed template are taken out, nothing of substance is left.
 */
export function isGroundedOffline(r: AnswerResult): boolean {
  // Link targets (/faq/FAQ2.5) are navigation, not content.
  let rest = squash(r.text.replace(/\]\([^)]*\)/g, ']'));
  for (const e of r.cited) {
    const solution = squash(e.solution.trim() === '' ? NO_SOLUTION_TEXT : e.solution);
    // The heading first: a one-word solution ("是") must not be taken out of the middle of it.
    rest = rest.replace(squash(e.question.split('\n')[0]!), '');
    if (!rest.includes(solution)) return false;
    rest = rest.replace(solution, '');
  }
  for (const t of TEMPLATE) rest = rest.replace(t, '');
  return rest.length <= 4;
}

/** LLM groundedness: every sentence of substance carries a citation. */
export function isGroundedLlm(r: AnswerResult): boolean {
  if (r.decision === 'refuse') return r.citations.length === 0;
  const sentences = r.text
    .split(/(?<=[。!?!?\n])/)
    .map((s) => s.trim())
    .filter((s) => squash(s).length >= 6);
  return sentences.length > 0 && sentences.every((s) => /\[FAQ\d+\.\d+\]/.test(s));
}

/** Scores one answer against its case. */
export function scoreCase(c: EvalCase, r: AnswerResult, baseline: CaseResult['baseline']): CaseResult {
  const outOfScope = c.expected.length === 0;
  const rank = outOfScope ? -1 : r.retrieval.hits.findIndex((h) => h.entry.ids.some((id) => c.expected.includes(id)));
  const retrieved = new Set(r.retrieval.hits.flatMap((h) => h.entry.ids));
  const citationCorrect = outOfScope
    ? r.citations.length === 0
    : r.citations.some((id) => c.expected.includes(id)) && r.citations.every((id) => retrieved.has(id));
  return {
    question: c.question,
    kind: c.kind,
    expected: c.expected,
    outOfScope,
    rank,
    noAnswer: r.decision === 'refuse',
    citations: r.citations,
    answer: r.text,
    citationCorrect,
    grounded: r.mode === 'llm' ? isGroundedLlm(r) : isGroundedOffline(r),
    confidence: r.retrieval.confidence,
    latencyMs: r.timings.totalMs,
    top: r.retrieval.hits.slice(0, 3).map((h) => ({ id: h.id, score: h.score, coverage: h.coverage, vector: h.scores.vector, keyword: h.scores.keyword })),
    baseline,
  };
}

export interface Metrics {
  n: number;
  inScope: number;
  outOfScope: number;
  /** In-scope questions whose first hit is an expected entry. */
  hitAt1: number;
  hitAt3: number;
  mrr: number;
  /** Of the questions judged not covered, the share that really are not. */
  noAnswerPrecision: number;
  /** Of the questions the FAQ does not cover, the share judged so. */
  noAnswerRecall: number;
  /** In-scope questions wrongly judged not covered. */
  falseNoAnswerRate: number;
  citationAccuracy: number;
  groundedness: number;
  latencyP50: number;
  latencyP95: number;
  baseline: { hitAt1: number; hitAt3: number; mrr: number; noAnswerPrecision: number; noAnswerRecall: number; falseNoAnswerRate: number };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const ratio = (num: number, den: number) => (den === 0 ? 1 : Math.round((num / den) * 1000) / 1000);

/** Aggregates case results; hit@k and MRR are over in-scope cases only. */
export function aggregate(results: CaseResult[]): Metrics {
  const ins = results.filter((r) => !r.outOfScope);
  const oos = results.filter((r) => r.outOfScope);
  const predictedNo = results.filter((r) => r.noAnswer);
  const baseNo = results.filter((r) => r.baseline.noAnswer);
  return {
    n: results.length,
    inScope: ins.length,
    outOfScope: oos.length,
    hitAt1: ratio(ins.filter((r) => r.rank === 0).length, ins.length),
    hitAt3: ratio(ins.filter((r) => r.rank >= 0 && r.rank < 3).length, ins.length),
    mrr: ratio(
      ins.reduce((a, r) => a + (r.rank >= 0 ? 1 / (r.rank + 1) : 0), 0),
      ins.length,
    ),
    noAnswerPrecision: ratio(predictedNo.filter((r) => r.outOfScope).length, predictedNo.length),
    noAnswerRecall: ratio(oos.filter((r) => r.noAnswer).length, oos.length),
    falseNoAnswerRate: ins.length ? ratio(ins.filter((r) => r.noAnswer).length, ins.length) : 0,
    citationAccuracy: ratio(results.filter((r) => r.citationCorrect).length, results.length),
    groundedness: ratio(results.filter((r) => r.grounded).length, results.length),
    latencyP50: percentile(
      results.map((r) => r.latencyMs),
      50,
    ),
    latencyP95: percentile(
      results.map((r) => r.latencyMs),
      95,
    ),
    baseline: {
      hitAt1: ratio(ins.filter((r) => r.baseline.rank === 0).length, ins.length),
      hitAt3: ratio(ins.filter((r) => r.baseline.rank >= 0 && r.baseline.rank < 3).length, ins.length),
      mrr: ratio(
        ins.reduce((a, r) => a + (r.baseline.rank >= 0 ? 1 / (r.baseline.rank + 1) : 0), 0),
        ins.length,
      ),
      noAnswerPrecision: ratio(baseNo.filter((r) => r.outOfScope).length, baseNo.length),
      noAnswerRecall: ratio(oos.filter((r) => r.baseline.noAnswer).length, oos.length),
      falseNoAnswerRate: ins.length ? ratio(ins.filter((r) => r.baseline.noAnswer).length, ins.length) : 0,
    },
  };
}

/** Metrics overall and for each kind of question. */
export function aggregateByKind(results: CaseResult[]): { overall: Metrics; byKind: Record<string, Metrics> } {
  const kinds = [...new Set(results.map((r) => r.kind))];
  return { overall: aggregate(results), byKind: Object.fromEntries(kinds.map((k) => [k, aggregate(results.filter((r) => r.kind === k))])) };
}

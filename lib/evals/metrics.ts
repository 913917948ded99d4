import type { AnswerResult } from '../answer/types';
import type { Decision } from '../retrieval/types';
import {
  EMPTY_ENTRY_INTRO,
  FOLLOW_UP_HEDGE_CHECK,
  FOLLOW_UP_HEDGE_INTRO,
  HEDGE_INTRO,
  MODEL_HEDGE_INTRO,
  NO_ANSWER_TEXT,
  NO_SOLUTION_TEXT,
  PART_NOTE,
  SMALL_TALK_REPLY_TEXT,
  STAFF_POINTER,
  THANKS_REPLY_TEXT,
  TWO_ENTRIES_INTRO,
} from '../text/messages';
import type { EvalCase } from './dataset';

export interface CaseResult {
  question: string;
  kind: string;
  expected: string[];
  inScope: boolean;
  /** 0-based rank of the first hit standing for an expected entry among the top 10, or -1. */
  rank: number;
  decision: Decision;
  /** P(the best entry answers), as the decision model estimates it. */
  confidence: number;
  citations: string[];
  /** The answer text as shown (for the LLM judge and the report). */
  answer: string;
  /** In scope: cites an expected entry and nothing outside the retrieved set. Out of scope: cites nothing. */
  citationCorrect: boolean;
  grounded: boolean;
  latencyMs: number;
  top: { id: string; score: number; coverage: number; vector: number; keyword: number }[];
  /** The plain BM25 baseline's rank of an expected entry (top 10), or -1. */
  baselineRank: number;
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

const TEMPLATE = [
  NO_ANSWER_TEXT,
  STAFF_POINTER,
  THANKS_REPLY_TEXT,
  SMALL_TALK_REPLY_TEXT,
  TWO_ENTRIES_INTRO,
  HEDGE_INTRO,
  MODEL_HEDGE_INTRO,
  EMPTY_ENTRY_INTRO,
  FOLLOW_UP_HEDGE_INTRO,
  FOLLOW_UP_HEDGE_CHECK,
  PART_NOTE,
].map(squash);

/**
 * Offline groundedness: each cited entry's solution (or the part of it that answers a follow-up)
 * appears in the answer, and once the cited entries' text and the fixed template are taken out,
 * nothing of substance is left.
 */
export function isGroundedOffline(r: AnswerResult): boolean {
  // Link targets (/faq/FAQ2.5) are navigation, not content.
  let rest = squash(r.text.replace(/\]\([^)]*\)/g, ']'));
  for (const e of r.cited) {
    const solution = squash(e.solution.trim() === '' ? NO_SOLUTION_TEXT : e.solution);
    // The heading first: a one-word solution ("是") must not be taken out of the middle of it.
    rest = rest.replace(squash(e.question.split('\n')[0]!), '');
    if (rest.includes(solution)) rest = rest.replace(solution, '');
    else {
      // A part of the solution: every line left must come from it.
      const lines = e.solution.split('\n').map(squash).filter(Boolean);
      for (const l of lines) rest = rest.replace(l, '');
    }
  }
  for (const t of TEMPLATE) rest = rest.replace(t, '');
  return rest.length <= 12;
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
export function scoreCase(c: EvalCase, r: AnswerResult, baselineRank: number): CaseResult {
  const inScope = c.expected.length > 0;
  const rank = inScope ? r.retrieval.hits.slice(0, 10).findIndex((h) => h.entry.ids.some((id) => c.expected.includes(id))) : -1;
  const retrieved = new Set(r.retrieval.hits.flatMap((h) => h.entry.ids));
  const citationCorrect = inScope
    ? r.citations.some((id) => c.expected.includes(id)) && r.citations.every((id) => retrieved.has(id))
    : r.citations.length === 0;
  return {
    question: c.question,
    kind: c.kind,
    expected: c.expected,
    inScope,
    rank,
    decision: r.decision,
    confidence: r.retrieval.confidence,
    citations: r.citations,
    answer: r.text,
    citationCorrect,
    grounded: r.mode === 'llm' ? isGroundedLlm(r) : isGroundedOffline(r),
    latencyMs: r.timings.totalMs,
    top: r.retrieval.hits.slice(0, 3).map((h) => ({ id: h.id, score: h.score, coverage: h.coverage, vector: h.scores.vector, keyword: h.scores.keyword })),
    baselineRank,
  };
}

/** Whether a case was answered with confidence and rightly (a cited expected entry). */
export const answeredRight = (r: CaseResult) => r.decision === 'answer' && r.inScope && r.citationCorrect;

export interface Metrics {
  n: number;
  inScope: number;
  outOfScope: number;
  /** Over in-scope questions. */
  hitAt1: number;
  hitAt3: number;
  hitAt10: number;
  mrr: number;
  /** Shares of in-scope questions answered, hedged and refused. */
  answered: number;
  hedged: number;
  refused: number;
  /** In-scope questions whose answer (confident or hedged) cites a right entry. */
  rightCited: number;
  /** Of the confident answers, the share that cite a right entry (out-of-scope ones count as wrong). */
  answerPrecision: number;
  /** Shares of out-of-scope questions answered with confidence, and refused. */
  outOfScopeAnswered: number;
  outOfScopeRefused: number;
  citationAccuracy: number;
  groundedness: number;
  latencyP50: number;
  latencyP95: number;
  baseline: { hitAt1: number; hitAt3: number; hitAt10: number; mrr: number };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const ratio = (num: number, den: number) => (den === 0 ? Number.NaN : Math.round((num / den) * 1000) / 1000);
const mrrOf = (ranks: number[]) =>
  ratio(
    ranks.reduce((a, r) => a + (r >= 0 ? 1 / (r + 1) : 0), 0),
    ranks.length,
  );

/** Aggregates case results; hit@k and MRR over in-scope cases. */
export function aggregate(results: CaseResult[]): Metrics {
  const ins = results.filter((r) => r.inScope);
  const oos = results.filter((r) => !r.inScope);
  const answered = results.filter((r) => r.decision === 'answer');
  const hit = (ranks: number[], k: number) => ratio(ranks.filter((r) => r >= 0 && r < k).length, ranks.length);
  const ranks = ins.map((r) => r.rank);
  const base = ins.map((r) => r.baselineRank);
  return {
    n: results.length,
    inScope: ins.length,
    outOfScope: oos.length,
    hitAt1: hit(ranks, 1),
    hitAt3: hit(ranks, 3),
    hitAt10: hit(ranks, 10),
    mrr: mrrOf(ranks),
    answered: ratio(ins.filter((r) => r.decision === 'answer').length, ins.length),
    hedged: ratio(ins.filter((r) => r.decision === 'hedge').length, ins.length),
    refused: ratio(ins.filter((r) => r.decision === 'refuse').length, ins.length),
    rightCited: ratio(ins.filter((r) => r.decision !== 'refuse' && r.citationCorrect).length, ins.length),
    answerPrecision: ratio(answered.filter(answeredRight).length, answered.length),
    outOfScopeAnswered: ratio(oos.filter((r) => r.decision === 'answer').length, oos.length),
    outOfScopeRefused: ratio(oos.filter((r) => r.decision === 'refuse').length, oos.length),
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
    baseline: { hitAt1: hit(base, 1), hitAt3: hit(base, 3), hitAt10: hit(base, 10), mrr: mrrOf(base) },
  };
}

/** Metrics overall, for each kind of question, and for each decision taken. */
export function aggregateBy(results: CaseResult[]): { overall: Metrics; byKind: Record<string, Metrics>; byDecision: Record<string, Metrics> } {
  const group = (key: (r: CaseResult) => string) =>
    Object.fromEntries([...new Set(results.map(key))].map((k) => [k, aggregate(results.filter((r) => key(r) === k))]));
  return { overall: aggregate(results), byKind: group((r) => r.kind), byDecision: group((r) => r.decision) };
}

/**
 * The risk–coverage curve (Kamath et al. 2020): answering only the questions whose confidence
 * reaches a threshold, the share answered against the share of those answers that are right.
 * Out-of-scope questions count: answering one is a wrong answer.
 */
export function riskCoverage(results: CaseResult[]): { threshold: number; coverage: number; precision: number }[] {
  const sorted = [...results].sort((a, b) => b.confidence - a.confidence);
  const right = (r: CaseResult) => r.inScope && r.rank === 0;
  const points: { threshold: number; coverage: number; precision: number }[] = [];
  let ok = 0;
  sorted.forEach((r, i) => {
    if (right(r)) ok++;
    if (i + 1 < sorted.length && sorted[i + 1]!.confidence === r.confidence) return;
    points.push({ threshold: r.confidence, coverage: ratio(i + 1, sorted.length), precision: ratio(ok, i + 1) });
  });
  return points;
}

import { type AnswerDeps, answerQuestion } from '../answer/answer';
import { standaloneQuestion } from '../answer/follow-up';
import type { Entry } from '../corpus/schema';
import { createBaseline } from './baseline';
import type { EvalCase } from './dataset';
import { aggregateBy, type CaseResult, type Metrics, riskCoverage, scoreCase } from './metrics';

export interface EvalRun {
  dataset: string;
  mode: string;
  startedAt: string;
  thresholds: { answer: number; hedge: number };
  overall: Metrics;
  byKind: Record<string, Metrics>;
  byDecision: Record<string, Metrics>;
  riskCoverage: { threshold: number; coverage: number; precision: number }[];
  cases: CaseResult[];
}

/**
 * Runs every case through the same answer function the chat route uses (follow-ups with
 * their history), and the BM25-bigram baseline beside it.
 */
export async function runEval(
  cases: EvalCase[],
  deps: AnswerDeps,
  entries: Entry[],
  opts: { dataset: string; mode: string; onProgress?: (done: number, total: number) => void },
): Promise<EvalRun> {
  const baseline = createBaseline(entries);
  const startedAt = new Date().toISOString();
  const results: CaseResult[] = [];
  let thresholds = { answer: 0, hedge: 0 };
  // Ten hits, so hit@10 can be measured; the answer itself uses the first few as always.
  const withTen: AnswerDeps = { ...deps, retrieve: (q) => deps.retrieve(q, { k: 10 }) };
  for (const [i, c] of cases.entries()) {
    const r = await answerQuestion({ question: c.question, history: c.history }, withTen);
    thresholds = r.retrieval.thresholds;
    // The baseline gets the same offline follow-up rewriting, so the comparison is about retrieval.
    results.push(scoreCase(c, r, baseline(standaloneQuestion(c.question, c.history ?? []), c.expected)));
    opts.onProgress?.(i + 1, cases.length);
  }
  return { dataset: opts.dataset, mode: opts.mode, startedAt, thresholds, ...aggregateBy(results), riskCoverage: riskCoverage(results), cases: results };
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDataset } from '@/lib/evals/dataset';
import { type EvalRun, runEval } from '@/lib/evals/run';
import { useOfflineKnowledgeBase } from '@/lib/testing/temp-kb';

const t = useOfflineKnowledgeBase({ beforeAll, afterAll });

async function evaluate(name: string): Promise<EvalRun> {
  const file = path.join(import.meta.dirname, 'datasets', name);
  const { cases, errors } = parseDataset(readFileSync(file, 'utf8'));
  expect(errors).toEqual([]);
  return runEval(cases, t.deps, t.kb.entries, { dataset: name, mode: 'offline' });
}

describe('offline eval against the knowledge-base bars', () => {
  // dev.jsonl is the set the retrieval was tuned on (README says so); these are the bars.
  it('dev.jsonl: hit@1 ≥ 0.95, hit@3 ≥ 0.99, off-topic caught ≥ 90 %, in-scope refused ≤ 3 %', async () => {
    const { overall } = await evaluate('dev.jsonl');
    expect(overall.n).toBeGreaterThanOrEqual(200);
    expect(overall.hitAt1).toBeGreaterThanOrEqual(0.95);
    expect(overall.hitAt3).toBeGreaterThanOrEqual(0.99);
    expect(overall.noAnswerRecall).toBeGreaterThanOrEqual(0.9);
    expect(overall.falseNoAnswerRate).toBeLessThanOrEqual(0.03);
    expect(overall.citationAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(overall.groundedness).toBe(1);
    expect(overall.hitAt1).toBeGreaterThan(overall.baseline.hitAt1);
    expect(overall.noAnswerRecall).toBeGreaterThan(overall.baseline.noAnswerRecall);
  });

  // holdout.jsonl was never tuned on. Guarded at the level measured when it was first run
  // (README): it catches regressions; its false-noAnswer rate is above the 3 % target.
  it('holdout.jsonl stays at its measured level', async () => {
    const { overall } = await evaluate('holdout.jsonl');
    expect(overall.hitAt1).toBeGreaterThanOrEqual(0.95);
    expect(overall.hitAt3).toBeGreaterThanOrEqual(0.99);
    expect(overall.noAnswerRecall).toBeGreaterThanOrEqual(0.9);
    expect(overall.falseNoAnswerRate).toBeLessThanOrEqual(0.06);
  });

  it('sanity.jsonl: every verbatim FAQ question finds its own entry', async () => {
    const { overall } = await evaluate('sanity.jsonl');
    expect(overall.n).toBe(112);
    expect(overall.hitAt1).toBe(1);
    expect(overall.falseNoAnswerRate).toBe(0);
  });
});

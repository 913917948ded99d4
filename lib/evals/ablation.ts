import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AnswerDeps } from '../answer/answer';
import { parseConfig } from '../config';
import { DEFAULT_MODELS, modelFor } from '../retrieval/model';
import initial from '../retrieval/model.initial.json';
import type { RetrieverOptions } from '../retrieval/retrieve';
import { createRuntime } from '../runtime';
import { parseDataset } from './dataset';
import type { Metrics } from './metrics';
import { runEval } from './run';
import { type Suite, suiteNamed } from './suites';

/** One variant of the design, switched off or on through the corpus files and retriever options. */
export interface Variant {
  name: string;
  env?: Record<string, string>;
  retriever?: RetrieverOptions;
  /** Follow-ups searched with the previous question prepended, no focusing, no parts. */
  plainFollowUps?: boolean;
}

/** What each change bought: the full design, then each part taken away. The decision models stay as fitted. */
export const VARIANTS: Variant[] = [
  { name: 'full design' },
  { name: '− alternative questions (related.json, generated)', env: { RELATED_FILE: '-', GENERATED_FILE: '-' } },
  { name: '− thesaurus', env: { THESAURUS_FILE: '-' } },
  { name: '− CC-CEDICT glosses', retriever: { without: ['glosses'] } },
  { name: '− CC-CEDICT senses', retriever: { without: ['senses'] } },
  { name: '− injection clauses dropped', retriever: { without: ['injection'] } },
  { name: '− homophone correction', retriever: { without: ['homophones'] } },
  { name: '− code spelling', retriever: { without: ['spelling'] } },
  { name: '− pinyin read as corpus words', retriever: { without: ['pinyin'] } },
  { name: '− demands refused instead of hedged', retriever: { without: ['demands'] } },
  { name: '− learned attack model', retriever: { without: ['attack-model'] } },
  { name: '− domain rescue of refusals', retriever: { without: ['domain'] } },
  { name: '− vector search', retriever: { without: ['vector'] } },
  { name: '− word+bigram BM25', retriever: { without: ['keyword'] } },
  { name: '− plain bigram BM25', retriever: { without: ['bigram'] } },
  { name: 'hand-set ranker weights (before fitting)', retriever: { model: { ...DEFAULT_MODELS.rich, rankerWeights: initial.rankerWeights } } },
  { name: '− follow-up swap, focus and parts', plainFollowUps: true },
];

/** Runs one suite under one variant, offline, in a temp index. */
export async function runVariant(root: string, suite: Suite, variant: Variant, indexDir: string): Promise<Metrics & { byKind: Record<string, Metrics> }> {
  const config = parseConfig({ INDEX_DIR: indexDir, ANSWER_MODE: 'offline', ...suite.env, ...variant.env }, root);
  const runtime = createRuntime(config);
  try {
    const kb = await runtime.knowledge.get();
    // A variant's model is for the rich profile; on a bare corpus the bare one applies, as in the app.
    const opts = variant.retriever?.model && modelFor(kb.entries) === DEFAULT_MODELS.bare ? { ...variant.retriever, model: undefined } : variant.retriever;
    const retrieve = opts ? kb.retrieverWith(opts) : kb.retrieve;
    const deps: AnswerDeps = { ...runtime.answerDeps(kb), retrieve, coverage: variant.plainFollowUps ? undefined : retrieve.coverage };
    const { cases } = parseDataset(await readFile(path.join(root, suite.dataset), 'utf8'));
    const run = await runEval(cases, deps, kb.entries, { dataset: suite.dataset, mode: 'offline' });
    return { ...run.overall, byKind: run.byKind };
  } finally {
    await runtime.close();
  }
}

export function suitesFor(names: string[]): Suite[] {
  return names.map((n) => suiteNamed(n)).filter((s): s is Suite => s !== undefined);
}

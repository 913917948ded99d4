import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { resolveFollowUp } from '../answer/follow-up';
import type { ChatTurn } from '../answer/types';
import { parseConfig } from '../config';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { CANDIDATE_FEATURES, QUERY_FEATURES } from '../retrieval/features';
import { chooseThresholds, type FitExample, fitLogistic, fitRanker, groupedFolds, MAX_REFUSED } from '../retrieval/fit';
import { logisticProbability, type RetrievalModel } from '../retrieval/model';
import { createRuntime } from '../runtime';
import { typoVariants } from './augment';
import { type EvalCase, parseDataset } from './dataset';
import { NO_COMPANIONS, SUITES } from './suites';

/** A training set: a JSONL dataset and the FAQ (with or without companion files) it asks about. */
export interface TrainingSet {
  name: string;
  dataset: string;
  /** Environment overrides for the corpus (CORPUS_FILE, RELATED_FILE …); {} is the project's own FAQ. */
  env: Record<string, string>;
  /** `typos`: train on typo variants of the set's plain in-scope questions instead (lib/evals/augment.ts). */
  augment?: 'typos';
}

/** Typo variants of people's questions (rich profile only: on bare FAQs they raised the refusal point, see README). */
const typosOf = (names: string[]): TrainingSet[] =>
  SUITES.filter((s) => names.includes(s.name)).map((s) => ({ name: `${s.name}-typos`, dataset: s.dataset, env: s.env, augment: 'typos' as const }));

/**
 * The training sets of each profile. rich: the team's sets over this FAQ with its companion files, and typo
 * variants of dev2 and dev3a. bare: the logistics and insurance FAQs and this FAQ, all without companion files. Never the blind or transfer sets.
 */

export const TRAINING_SETS: Record<'rich' | 'bare', TrainingSet[]> = {
  rich: [...SUITES.filter((s) => s.role === 'train' && Object.keys(s.env).length === 0), ...typosOf(['dev2', 'dev3a'])],
  bare: [
    ...SUITES.filter((s) => s.role === 'train' && Object.keys(s.env).length > 0),
    ...SUITES.filter((s) => ['dev', 'dev2', 'offtopic'].includes(s.name)).map((s) => ({ ...s, name: `${s.name}-bare`, env: NO_COMPANIONS })),
  ],
};

/** Kinds generated from other questions (lib/evals/augment.ts), not written by a person. */
const SYNTHETIC_KINDS = new Set(['typo_synthetic']);

/** Kinds of out-of-scope question that are not about the FAQ's domain at all. */
const FAR_KINDS = new Set(['off_topic', 'injection']);

interface Question {
  group: string;
  /** Rows with the same key fall in the same fold: a typo variant goes with the question it was made from. */
  foldKey: string;
  kind: string;
  question: string;
  history: ChatTurn[];
  expected: string[];
}

export interface FitReport {
  model: RetrievalModel;
  /** Out-of-fold figures per training set. */
  crossValidated: Record<
    string,
    {
      n: number;
      inScope: number;
      hitAt1: number;
      answered: number;
      answeredPrecision: number;
      inScopeRefused: number;
      outOfScopeAnswered: number;
      outOfScopeRefused: number;
      byKind: Record<string, { n: number; answered: number; refused: number; right: number }>;
    }
  >;
}

async function withKnowledgeBase<T>(env: Record<string, string>, root: string, fn: (kb: KnowledgeBase) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'faq-fit-'));
  try {
    const runtime = createRuntime(parseConfig({ INDEX_DIR: path.join(dir, 'index'), ...env }, root));
    try {
      return await fn(await runtime.knowledge.get());
    } finally {
      await runtime.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Scores every training question with `model` and turns it into ranker and decision examples. */
async function collect(sets: TrainingSet[], root: string, model: RetrievalModel) {
  const out: { example: FitExample; queryFeatures: number[]; foldKey: string }[] = [];
  for (const set of sets) {
    const { cases, errors } = parseDataset(await readFile(path.join(root, set.dataset), 'utf8'));
    if (errors.length) throw new Error(`${set.dataset}: ${errors[0]!.message} (line ${errors[0]!.line})`);
    await withKnowledgeBase(set.env, root, async (kb) => {
      const corpusText = () => kb.entries.map((e) => [e.question, ...e.alternatives, e.solution].join('\n')).join('\n');
      const made: (EvalCase & { source?: string })[] = set.augment === 'typos' ? typoVariants(cases, corpusText()) : cases;
      const questions: Question[] = made.map((c) => ({
        group: set.name,
        foldKey: c.source ?? c.question,
        kind: c.kind,
        question: c.question,
        history: c.history ?? [],
        expected: c.expected,
      }));
      const retriever = kb.retrieverWith({ model });
      for (const q of questions) {
        // Follow-ups are resolved as the answer function resolves them, with this model.
        const { query } = await resolveFollowUp(q.question, q.history, (x) => retriever(x), retriever.coverage);
        const s = await retriever.score(query);
        const correct = q.expected.length ? s.candidates.findIndex((c) => c.entry.ids.some((id) => q.expected.includes(id))) : -1;
        out.push({
          example: { candidates: s.candidates.map((c) => c.features), correct, inScope: q.expected.length > 0, group: q.group, kind: q.kind },
          queryFeatures: s.queryFeatures,
          foldKey: q.foldKey,
        });
      }
    });
  }
  return out;
}

/**
 * Fits the ranker (listwise softmax) and then the decision model (logistic regression) on the
 * training sets, chooses the thresholds from 5-fold out-of-fold probabilities, and reports
 * the cross-validated figures per set.
 */
export async function fitModel(root: string, opts: { sets: TrainingSet[]; precision?: number; maxRefused?: number; base: RetrievalModel }): Promise<FitReport> {
  const sets = opts.sets;
  const first = await collect(sets, root, opts.base);
  const rankerWeights = fitRanker(
    first.map((r) => r.example),
    CANDIDATE_FEATURES.length,
    // A signal added since the base model was fitted starts at no weight.
    { init: CANDIDATE_FEATURES.map((_, i) => opts.base.rankerWeights[i] ?? 0) },
  );
  const ranked: RetrievalModel = { ...opts.base, rankerWeights };
  // Query features depend on the ranker (its top probability and margin): score again with it.
  const rows = (await collect(sets, root, ranked)).filter((r) => r.queryFeatures.length > 0 || !r.example.inScope);
  const xs = rows.map((r) => (r.queryFeatures.length ? r.queryFeatures : new Array<number>(QUERY_FEATURES.length).fill(0)));
  const ys = rows.map((r) => (r.example.inScope && r.example.correct === 0 ? 1 : 0));
  // The scope model learns "is this about the FAQ's domain at all": far off-topic questions and pure attacks
  // against in-scope ones. Near-domain questions (fees, devices …) are the answer model's to hedge, so they are left out here.
  const inScope = rows.map((r) => (r.example.inScope ? 1 : FAR_KINDS.has(r.example.kind) ? 0 : -1));
  // Out-of-fold probabilities of both models, for thresholds and honest figures.
  const oof = new Array<number>(rows.length).fill(0);
  const oofScope = new Array<number>(rows.length).fill(0);
  for (const fold of groupedFolds(
    rows.map((r) => r.foldKey),
    5,
  )) {
    const inFold = new Set(fold);
    const train = rows.map((_, i) => i).filter((i) => !inFold.has(i));
    const m = fitLogistic(
      train.map((i) => xs[i]!),
      train.map((i) => ys[i]!),
    );
    const scoped = train.filter((i) => inScope[i]! >= 0);
    const sc = fitLogistic(
      scoped.map((i) => xs[i]!),
      scoped.map((i) => inScope[i]!),
    );
    for (const i of fold) {
      oof[i] = logisticProbability(m, xs[i]!);
      oofScope[i] = logisticProbability(sc, xs[i]!);
    }
  }
  const thresholds = {
    // Both points are set on people's questions; synthetic typos shape the models but move neither.
    answer: chooseThresholds(
      rows.flatMap((r, i) => (SYNTHETIC_KINDS.has(r.example.kind) ? [] : [{ p: oof[i]!, correct: ys[i] === 1, inScope: r.example.inScope }])),
      { precision: opts.precision ?? 0.985, maxRefused: 0 },
    ).answer,
    hedge: quantile(
      rows.flatMap((r, i) => (r.example.inScope && !SYNTHETIC_KINDS.has(r.example.kind) ? [oofScope[i]!] : [])),
      opts.maxRefused ?? MAX_REFUSED,
    ),
  };
  const decision = fitLogistic(xs, ys);
  const scoped = rows.map((_, i) => i).filter((i) => inScope[i]! >= 0);
  const scope = fitLogistic(
    scoped.map((i) => xs[i]!),
    scoped.map((i) => inScope[i]!),
  );
  const refused = (i: number) => oofScope[i]! < thresholds.hedge;
  const answeredAt = (i: number) => !refused(i) && oof[i]! >= thresholds.answer;
  const crossValidated: FitReport['crossValidated'] = {};
  for (const set of sets) {
    const idx = rows.map((r, i) => (r.example.group === set.name ? i : -1)).filter((i) => i >= 0);
    const ins = idx.filter((i) => rows[i]!.example.inScope);
    const oos = idx.filter((i) => !rows[i]!.example.inScope);
    const answered = idx.filter(answeredAt);
    const share = (xs: number[], of: number[]) => (of.length ? Math.round((xs.length / of.length) * 1000) / 1000 : 0);
    crossValidated[set.name] = {
      n: idx.length,
      inScope: ins.length,
      hitAt1: share(
        ins.filter((i) => rows[i]!.example.correct === 0),
        ins,
      ),
      answered: share(answered, idx),
      answeredPrecision: share(
        answered.filter((i) => ys[i] === 1),
        answered,
      ),
      inScopeRefused: share(ins.filter(refused), ins),
      outOfScopeAnswered: share(oos.filter(answeredAt), oos),
      outOfScopeRefused: share(oos.filter(refused), oos),
      byKind: Object.fromEntries(
        [...new Set(idx.map((i) => rows[i]!.example.kind))].map((kind) => {
          const k = idx.filter((i) => rows[i]!.example.kind === kind);
          return [
            kind,
            {
              n: k.length,
              answered: share(k.filter(answeredAt), k),
              refused: share(k.filter(refused), k),
              right: share(
                k.filter((i) => ys[i] === 1),
                k,
              ),
            },
          ];
        }),
      ),
    };
  }
  return {
    model: {
      ...ranked,
      version: `fit-${new Date().toISOString().slice(0, 10)}`,
      candidateFeatures: [...CANDIDATE_FEATURES],
      queryFeatures: [...QUERY_FEATURES],
      decision,
      scope,
      thresholds,
      provenance: {
        trainedOn: sets.map((s) => s.dataset),
        folds: 5,
        target: { precision: opts.precision ?? 0.985, maxRefused: opts.maxRefused ?? MAX_REFUSED },
        crossValidated,
      },
    },
    crossValidated,
  };
}

/** The q-quantile of values (lowest first). */
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
}

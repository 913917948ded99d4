import fitted from './model.json';

/**
 * The fitted parameters of retrieval: a linear ranker over each candidate entry's signals, and
 * a logistic decision model over the query's signals with two thresholds. Produced by
 * `npm run fit` (lib/retrieval/fit.ts) on the training sets; read-only at run time.
 */
export interface RetrievalModel {
  version: string;
  /** Names of the candidate features, in order (see lib/retrieval/features.ts). */
  candidateFeatures: string[];
  /** Linear ranker: score = Σ w·feature. */
  rankerWeights: number[];
  /** Names of the query features, in order. */
  queryFeatures: string[];
  /** Logistic model over standardised query features: P(the best entry answers the question). */
  decision: LogisticModel;
  /** Logistic model over the same features: P(the FAQ covers the question at all). */
  scope: LogisticModel;
  /**
   * answer when P(best entry answers) >= `answer`; refuse when P(covered) < `hedge`; hedge otherwise.
   */
  thresholds: { answer: number; hedge: number };
  /** How the model was fitted (datasets, cross-validated figures), for the README and reports. */
  provenance?: Record<string, unknown>;
}

export interface LogisticModel {
  weights: number[];
  bias: number;
  means: number[];
  stds: number[];
}

/**
 * Two fitted profiles: `rich` for an FAQ with alternative questions (companion files, admin
 * additions), `bare` for an FAQ as it comes, with none. What a question's signals say about
 * coverage depends on how many ways in each entry has, so each is calibrated on its own kind of corpus.
 */
export interface RetrievalModels {
  rich: RetrievalModel;
  bare: RetrievalModel;
  /** Mean alternative questions per entry from which an FAQ counts as rich. */
  richFrom: number;
}

/** The models committed with the code (lib/retrieval/model.json, written by `npm run fit`). */
export const DEFAULT_MODELS = fitted as RetrievalModels;

/** The profile for a corpus: rich when its entries have, on average, `richFrom` or more alternative questions. */
export function modelFor(entries: { alternatives: string[] }[], models: RetrievalModels = DEFAULT_MODELS): RetrievalModel {
  const mean = entries.reduce((a, e) => a + e.alternatives.length, 0) / Math.max(entries.length, 1);
  return mean >= models.richFrom ? models.rich : models.bare;
}

export function dot(w: number[], x: number[]): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i]! * (x[i] ?? 0);
  return s;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Softmax of scores (numerically stable). */
export function softmax(scores: number[]): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** A logistic model's probability for standardised features. */
export function logisticProbability(m: LogisticModel, x: number[]): number {
  const z = x.map((v, i) => (v - (m.means[i] ?? 0)) / (m.stds[i] || 1));
  return sigmoid(m.bias + dot(m.weights, z));
}

/** The decision for a question's features: answer, hedge or refuse, with both probabilities. */
export function decide(model: RetrievalModel, x: number[]): { decision: 'answer' | 'hedge' | 'refuse'; correct: number; covered: number } {
  const correct = logisticProbability(model.decision, x);
  const covered = logisticProbability(model.scope, x);
  const decision = covered < model.thresholds.hedge ? 'refuse' : correct >= model.thresholds.answer ? 'answer' : 'hedge';
  return { decision, correct, covered };
}

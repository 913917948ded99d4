import { rng } from '../random';
import { type AttackModel, attackFeatures } from './attack';
import { sigmoid } from './model';

/** One training message: its text, and whether it is a pure attack (1) or an in-scope question (0). */
export interface AttackExample {
  text: string;
  attack: boolean;
  /** The set it came from: leave-one-set-out validation holds out one writer at a time. */
  group: string;
}

export interface AttackFitOptions {
  epochs?: number;
  rate?: number;
  l2?: number;
  /** Weights smaller than this in absolute value are left out of the model. */
  prune?: number;
  seed?: number;
}

/** A text classifier over attackFeatures: bias and weights, as the attack and domain models keep them. */
export interface NgramClassifier {
  bias: number;
  weights: Record<string, number>;
}

/**
 * Fits logistic regression over the character 1–3-grams and Latin words of texts (attackFeatures) with AdaGrad, classes
 * weighted to count equally, L2, a seeded order so the same data gives the same weights. Pure.
 */
export function fitNgramClassifier(examples: { text: string; positive: boolean }[], opts: AttackFitOptions = {}): NgramClassifier {
  const rate = opts.rate ?? 0.1;
  const l2 = opts.l2 ?? 1e-3;
  // Features are numbered once, and weights and squared gradients kept in typed arrays: the same arithmetic in the same
  // order as over maps keyed by the feature strings, several times faster (a knowledge base fits its domain model on every load).
  const index = new Map<string, number>();
  const feats = examples.map((e) =>
    attackFeatures(e.text).map((k) => {
      let i = index.get(k);
      if (i === undefined) index.set(k, (i = index.size));
      return i;
    }),
  );
  const positives = examples.filter((e) => e.positive).length;
  if (positives === 0 || positives === examples.length) throw new Error('the fit needs examples of both classes');
  const classWeight = { positive: examples.length / (2 * positives), negative: examples.length / (2 * (examples.length - positives)) };
  const w = new Float64Array(index.size);
  const g2 = new Float64Array(index.size);
  let bias = 0;
  let gBias = 0;
  const random = rng(opts.seed ?? 1);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < (opts.epochs ?? 30); epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const f = feats[i]!;
      let z = bias;
      for (const k of f) z += w[k]!;
      const y = examples[i]!.positive;
      const g = (sigmoid(z) - (y ? 1 : 0)) * (y ? classWeight.positive : classWeight.negative);
      for (const k of f) {
        const wk = w[k]!;
        const gk = g + l2 * wk;
        const acc = g2[k]! + gk * gk;
        g2[k] = acc;
        w[k] = wk - (rate * gk) / Math.sqrt(acc + 1e-8);
      }
      gBias += g * g;
      bias -= (rate * g) / Math.sqrt(gBias + 1e-8);
    }
  }
  const prune = opts.prune ?? 0.1;
  const weights: Record<string, number> = {};
  const byName = [...index.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const k of byName) {
    const v = w[index.get(k)!]!;
    if (Math.abs(v) >= prune) weights[k] = Math.round(v * 1e3) / 1e3;
  }
  return { bias: Math.round(bias * 1e4) / 1e4, weights };
}

/** Fits the attack model (fitNgramClassifier): pure attacks against in-scope questions. Pure. */
export function fitAttackModel(examples: AttackExample[], threshold: number, opts: AttackFitOptions = {}): AttackModel {
  const { bias, weights } = fitNgramClassifier(
    examples.map((e) => ({ text: e.text, positive: e.attack })),
    opts,
  );
  return { version: 'attack-ngram-lr-1', bias, weights, threshold };
}

function shuffle(a: number[], random: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
}

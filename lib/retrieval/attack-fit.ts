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

/**
 * Fits the attack model: logistic regression with AdaGrad, classes weighted to count equally (attacks are few), L2,
 * a seeded order so the same data gives the same model. Pure.
 */
export function fitAttackModel(examples: AttackExample[], threshold: number, opts: AttackFitOptions = {}): AttackModel {
  const rate = opts.rate ?? 0.1;
  const l2 = opts.l2 ?? 1e-3;
  const feats = examples.map((e) => attackFeatures(e.text));
  const attacks = examples.filter((e) => e.attack).length;
  if (attacks === 0 || attacks === examples.length) throw new Error('attack fit needs attacks and questions');
  const classWeight = { attack: examples.length / (2 * attacks), question: examples.length / (2 * (examples.length - attacks)) };
  const w = new Map<string, number>();
  const g2 = new Map<string, number>();
  let bias = 0;
  let gBias = 0;
  const random = rng(opts.seed ?? 1);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < (opts.epochs ?? 30); epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const f = feats[i]!;
      let z = bias;
      for (const k of f) z += w.get(k) ?? 0;
      const y = examples[i]!.attack;
      const g = (sigmoid(z) - (y ? 1 : 0)) * (y ? classWeight.attack : classWeight.question);
      for (const k of f) {
        const wk = w.get(k) ?? 0;
        const gk = g + l2 * wk;
        const acc = (g2.get(k) ?? 0) + gk * gk;
        g2.set(k, acc);
        w.set(k, wk - (rate * gk) / Math.sqrt(acc + 1e-8));
      }
      gBias += g * g;
      bias -= (rate * g) / Math.sqrt(gBias + 1e-8);
    }
  }
  const prune = opts.prune ?? 0.1;
  const weights: Record<string, number> = {};
  for (const [k, v] of [...w.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) if (Math.abs(v) >= prune) weights[k] = Math.round(v * 1e3) / 1e3;
  return { version: 'attack-ngram-lr-1', bias: Math.round(bias * 1e4) / 1e4, weights, threshold };
}

function shuffle(a: number[], random: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
}

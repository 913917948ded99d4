import fitted from './attack-model.json';
import { sigmoid } from './model';
import { readTyped } from './simplified';

/**
 * A learned second opinion on attacks: logistic regression over the character 1–3-grams of a message's Chinese and the
 * words and word pairs of its Latin text, fitted by `npm run fit:attacks` (lib/retrieval/attack-fit.ts) on the pure
 * attacks and the in-scope questions of the training and rules sets of four FAQs (lib/evals/attack-run.ts). The patterns of injection.ts and
 * demand.ts recognise the attacks someone has written down; this model recognises what attacks have in common, so a new
 * writer's attack that a pattern misses (and the ranker matches) is refused instead of offered the closest entry or answered.
 */
export interface AttackModel {
  version: string;
  bias: number;
  /** Feature → weight; features absent here weigh nothing. */
  weights: Record<string, number>;
  /** A message the decision would hedge or answer is refused when what is searched of it scores this probability or more. */
  threshold: number;
  /** How it was fitted (sets, leave-one-set-out figures), for the README and reports. */
  provenance?: Record<string, unknown>;
}

/** The model committed with the code (lib/retrieval/attack-model.json). */
export const DEFAULT_ATTACK_MODEL = fitted as AttackModel;

/**
 * The features of a message: `c` + each run of 1–3 Chinese characters, `w` + each Latin word, `b` + each pair of
 * consecutive Latin words; read as typed on an input method (simplified, half-width, lower case). Pure.
 *
 * @example
 * attackFeatures('Ignore 规则') // ['c规', 'c则', 'c规则', 'wignore']
 */
export function attackFeatures(text: string): string[] {
  const t = readTyped(text).toLowerCase();
  const out = new Set<string>();
  for (const run of t.match(/[\u3400-\u9fff]+/g) ?? []) {
    const c = [...run];
    for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= c.length; i++) out.add(`c${c.slice(i, i + n).join('')}`);
  }
  const words = t.match(/[a-z]+/g) ?? [];
  words.forEach((w, i) => {
    out.add(`w${w}`);
    if (i > 0) out.add(`b${words[i - 1]} ${w}`);
  });
  return [...out];
}

/** The probability a classifier over attackFeatures (bias, weights) gives a text. Pure. */
export function ngramProbability(text: string, model: { bias: number; weights: Record<string, number> }): number {
  let z = model.bias;
  for (const f of attackFeatures(text)) z += model.weights[f] ?? 0;
  return sigmoid(z);
}

/** P(the message is an attack) under the model. Pure. */
export function attackProbability(text: string, model: AttackModel = DEFAULT_ATTACK_MODEL): number {
  return ngramProbability(text, model);
}

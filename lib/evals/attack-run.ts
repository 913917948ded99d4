import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { attackProbability } from '../retrieval/attack';
import { type AttackExample, type AttackFitOptions, fitAttackModel } from '../retrieval/attack-fit';
import { askedText } from '../retrieval/query';
import { type EvalCase, parseDataset } from './dataset';
import { SUITES } from './suites';

/**
 * The attack model's training data: every set but the report sets (training and rules sets of this FAQ, of the logistics,
 * insurance and bank FAQs, and the off-topic set) and the rules sets kept out of it (Suite.attackFit). Pure attacks (kind
 * `injection`, nothing expected) against in-scope questions; near-domain and off-topic questions stay out, since refusing them is
 * right either way.
 */
export const ATTACK_SETS = SUITES.filter((s) => s.role !== 'report' && s.attackFit !== false);

/** The point from which a message the decision would hedge or answer is refused: chosen on leave-one-set-out figures (README, "What round 12 changed"). */
export const ATTACK_THRESHOLD = 0.7;

/** The cases of each set, read and parsed once for everything fitted on them. */
export interface SetCases {
  name: string;
  cases: EvalCase[];
}

export async function readSets(root: string, sets = ATTACK_SETS): Promise<SetCases[]> {
  return Promise.all(sets.map(async (s) => ({ name: s.name, cases: parseDataset(await readFile(path.join(root, s.dataset), 'utf8')).cases })));
}

export function attackExamples(sets: SetCases[]): AttackExample[] {
  return sets.flatMap(({ name, cases }) =>
    cases.filter((c) => c.expected.length > 0 || c.kind === 'injection').map((c) => ({ text: c.question, attack: c.expected.length === 0, group: name })),
  );
}

/**
 * The off-topic questions of the training and rules sets (kind `off_topic`, nothing expected), sorted and without repeats: what a
 * FAQ's domain model (lib/retrieval/domain.ts) is fitted against. Written by `npm run fit:attacks` to lib/retrieval/off-topic.json.
 */
export function offTopicQuestions(sets: SetCases[]): string[] {
  const out = new Set<string>();
  for (const { cases } of sets) for (const c of cases) if (c.kind === 'off_topic' && c.expected.length === 0 && !c.history?.length) out.add(c.question.trim());
  return [...out].sort();
}

/** How a model fitted without one set does on it: attacks caught and in-scope questions flagged, on what is searched. */
export interface HeldOutFigures {
  attacks: number;
  caught: number;
  questions: number;
  flagged: number;
}

/**
 * Leave-one-set-out validation: each set with attacks is held out in turn (one writer the model never saw), the model fitted on
 * the others, and the held-out messages scored as retrieval scores them, on what is asked once recognised attack clauses are set
 * aside (lib/retrieval/query.ts).
 */
export function leaveOneSetOut(examples: AttackExample[], threshold: number, opts: AttackFitOptions = {}): Record<string, HeldOutFigures> {
  const out: Record<string, HeldOutFigures> = {};
  const groups = [...new Set(examples.filter((e) => e.attack).map((e) => e.group))];
  for (const g of groups) {
    const model = fitAttackModel(
      examples.filter((e) => e.group !== g),
      threshold,
      opts,
    );
    const f: HeldOutFigures = { attacks: 0, caught: 0, questions: 0, flagged: 0 };
    for (const e of examples.filter((x) => x.group === g)) {
      const flagged = attackProbability(askedText(e.text), model) >= threshold;
      if (e.attack) {
        f.attacks++;
        if (flagged) f.caught++;
      } else {
        f.questions++;
        if (flagged) f.flagged++;
      }
    }
    out[g] = f;
  }
  return out;
}

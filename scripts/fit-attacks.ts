/**
 * `npm run fit:attacks`: fits the attack model (lib/retrieval/attack.ts) on the pure attacks and in-scope questions of every
 * training and rules set, prints its leave-one-set-out figures, and writes lib/retrieval/attack-model.json. Never reads the blind
 * or transfer sets.
 */
import { createProgram, runProgram } from '../lib/cli/program';

const program = createProgram({
  name: 'npm run fit:attacks --',
  description:
    'Fit the attack model on the training and rules sets (never the blind or transfer sets), print how a model fitted without each set does on it, ' +
    "and write lib/retrieval/attack-model.json, and the sets' off-topic questions to lib/retrieval/off-topic.json (what domain models are fitted against).",
  examples: ['npm run fit:attacks', 'npm run fit:attacks -- --dry-run          # print the figures, write nothing'],
}).option('--dry-run', 'fit and print, but do not write lib/retrieval/attack-model.json');

program.action(async (opts) => {
  const { writeFile } = await import('node:fs/promises');
  const path = await import('node:path');
  const { ATTACK_THRESHOLD, attackExamples, leaveOneSetOut, offTopicQuestions, readSets } = await import('../lib/evals/attack-run');
  const { fitAttackModel } = await import('../lib/retrieval/attack-fit');
  const root = path.resolve(import.meta.dirname, '..');
  const started = Date.now();
  const sets = await readSets(root);
  const examples = attackExamples(sets);
  const heldOut = leaveOneSetOut(examples, ATTACK_THRESHOLD);
  const total = { attacks: 0, caught: 0, questions: 0, flagged: 0 };
  for (const [set, f] of Object.entries(heldOut)) {
    process.stderr.write(`${set.padEnd(10)} attacks caught ${f.caught}/${f.attacks}, in-scope questions flagged ${f.flagged}/${f.questions}\n`);
    for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += f[k];
  }
  process.stderr.write(`held out, all sets: attacks caught ${total.caught}/${total.attacks}, in-scope questions flagged ${total.flagged}/${total.questions}\n`);
  const model = fitAttackModel(examples, ATTACK_THRESHOLD);
  model.provenance = {
    sets: [...new Set(examples.map((e) => e.group))],
    examples: examples.length,
    attacks: examples.filter((e) => e.attack).length,
    heldOut: total,
  };
  const file = path.join(root, 'lib/retrieval/attack-model.json');
  // The off-topic questions every FAQ's domain model is fitted against (lib/retrieval/domain.ts).
  const offTopic = offTopicQuestions(sets);
  const offTopicFile = path.join(root, 'lib/retrieval/off-topic.json');
  if (!opts.dryRun) {
    await writeFile(file, `${JSON.stringify(model)}\n`);
    await writeFile(offTopicFile, `${JSON.stringify(offTopic)}\n`);
  }
  process.stderr.write(`${offTopic.length} off-topic questions ${opts.dryRun ? 'found' : `written to ${path.relative(root, offTopicFile)}`}\n`);
  process.stderr.write(
    `${Object.keys(model.weights).length} weights; ${opts.dryRun ? 'fitted (not written)' : `wrote ${path.relative(root, file)}`} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
});

await runProgram(program);

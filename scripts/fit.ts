/**
 * `npm run fit`: fits each profile's ranker and answer/hedge/refuse model on its training sets
 * (lib/evals/fit-run.ts) and writes lib/retrieval/model.json. Never reads the blind or transfer sets.
 */
import { share } from '../lib/cli/options';
import { createProgram, runProgram, usageError } from '../lib/cli/program';
import { MAX_REFUSED_OF } from '../lib/retrieval/fit';

const program = createProgram({
  name: 'npm run fit --',
  description:
    'Fit the retrieval ranker and the answer / hedge / refuse models on the training sets (dev, dev2, dev3a, dev3b, dev4, dev5, dev6, holdout, offtopic, ' +
    'typo variants of dev2 and dev3a, and the logistics and insurance FAQs; never the blind or transfer sets) and write lib/retrieval/model.json. Prints the 5-fold cross-validated figures per set on stderr.',
  examples: [
    'npm run fit',
    'npm run fit -- --profile rich     # refit one profile, keep the other as it is',
    'npm run fit -- --dry-run          # print the figures, write nothing',
  ],
})
  .option('--dry-run', 'fit and print, but do not write lib/retrieval/model.json')
  .option('--profile <name>', 'refit only this profile (rich: with companion files; bare: without); the other is kept as it is')
  .option(
    '--max-refused <share>',
    `share of in-scope training questions the refusal point may refuse (default: rich ${MAX_REFUSED_OF.rich}, bare ${MAX_REFUSED_OF.bare})`,
    share,
  );

program.action(async (opts) => {
  const { writeFile } = await import('node:fs/promises');
  const path = await import('node:path');
  const { fitModel, TRAINING_SETS } = await import('../lib/evals/fit-run');
  const { DEFAULT_MODELS } = await import('../lib/retrieval/model');
  const root = path.resolve(import.meta.dirname, '..');
  const started = Date.now();
  const out = { ...DEFAULT_MODELS };
  const profiles = (['rich', 'bare'] as const).filter((p) => opts.profile === undefined || opts.profile === p);
  if (profiles.length === 0) usageError(program, `unknown profile ${opts.profile} (known: rich, bare)`);
  for (const profile of profiles) {
    const report = await fitModel(root, {
      base: DEFAULT_MODELS[profile],
      sets: TRAINING_SETS[profile],
      maxRefused: opts.maxRefused ?? MAX_REFUSED_OF[profile],
    });
    out[profile] = report.model;
    const t = report.model.thresholds;
    process.stderr.write(
      `[${profile}] ranker ${report.model.rankerWeights.map((w) => w.toFixed(2)).join(' ')}; thresholds answer ${t.answer.toFixed(3)}, refuse below ${t.hedge.toFixed(3)}\n`,
    );
    for (const [name, { byKind, ...m }] of Object.entries(report.crossValidated)) {
      process.stderr.write(`${name.padEnd(10)} ${JSON.stringify(m)}\n`);
      for (const [kind, k] of Object.entries(byKind)) process.stderr.write(`    ${kind.padEnd(14)} ${JSON.stringify(k)}\n`);
    }
  }
  const file = path.join(root, 'lib/retrieval/model.json');
  if (!opts.dryRun) await writeFile(file, `${JSON.stringify(out, null, 2)}\n`);
  process.stderr.write(`${opts.dryRun ? 'fitted (not written)' : `wrote ${path.relative(root, file)}`} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
});

await runProgram(program);

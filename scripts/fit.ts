/**
 * `npm run fit`: fits each profile's ranker and answer/hedge/refuse model on its training sets
 * (lib/evals/fit-run.ts) and writes lib/retrieval/model.json. Never reads the blind or transfer sets.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fitModel, TRAINING_SETS } from '../lib/evals/fit-run';
import { DEFAULT_MODELS, type RetrievalModels } from '../lib/retrieval/model';
import { runCli } from './cli';

const root = path.resolve(import.meta.dirname, '..');

await runCli(async () => {
  const started = Date.now();
  const out: RetrievalModels = { ...DEFAULT_MODELS };
  for (const profile of ['rich', 'bare'] as const) {
    const report = await fitModel(root, { base: DEFAULT_MODELS[profile], sets: TRAINING_SETS[profile] });
    out[profile] = report.model;
    console.error(
      `[${profile}] ranker ${report.model.rankerWeights.map((w) => w.toFixed(2)).join(' ')}; thresholds answer ${report.model.thresholds.answer.toFixed(3)}, hedge ${report.model.thresholds.hedge.toFixed(3)}`,
    );
    for (const [name, { byKind, ...m }] of Object.entries(report.crossValidated)) {
      console.error(`${name.padEnd(10)} ${JSON.stringify(m)}`);
      for (const [kind, k] of Object.entries(byKind)) console.error(`    ${kind.padEnd(14)} ${JSON.stringify(k)}`);
    }
  }
  const file = path.join(root, 'lib/retrieval/model.json');
  await writeFile(file, `${JSON.stringify(out, null, 2)}\n`);
  console.error(`wrote ${path.relative(root, file)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

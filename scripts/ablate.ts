/**
 * `npm run ablate`: what each part of retrieval buys — the full design and each part taken away,
 * on the given suites, as one Markdown table (README, "What each change bought").
 */
import { createProgram, runProgram } from '../lib/cli/program';

const program = createProgram({
  name: 'npm run ablate --',
  description:
    'Run the full design and each variant with one part taken away (alternative questions, thesaurus, glosses, injection handling, homophone correction, ' +
    'each search, the fitted ranker, follow-up focus) over the given suites, offline, and print one Markdown table. The decision models stay as fitted.',
  examples: ['npm run ablate', 'npm run ablate -- --suites blind,it,hr'],
}).option('--suites <names>', 'comma-separated suites (see lib/evals/suites.ts)', 'dev2,blind,it,hr');

program.action(async (opts) => {
  const os = await import('node:os');
  const path = await import('node:path');
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { VARIANTS, runVariant, suitesFor } = await import('../lib/evals/ablation');
  const root = path.resolve(import.meta.dirname, '..');
  const suites = suitesFor(String(opts.suites).split(','));
  const pct = (x: number) => (Number.isNaN(x) ? '–' : (x * 100).toFixed(1));
  console.log(`| variant | ${suites.map((s) => `${s.name} hit@1 / hit@3 / refused / off-topic refused`).join(' | ')} |`);
  console.log(`|---|${suites.map(() => '---').join('|')}|`);
  for (const v of VARIANTS) {
    const cells: string[] = [];
    for (const s of suites) {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'faq-ablate-'));
      const m = await runVariant(root, s, v, path.join(dir, 'index')).finally(() => rm(dir, { recursive: true, force: true }));
      cells.push(`${pct(m.hitAt1)} / ${pct(m.hitAt3)} / ${pct(m.refused)} / ${pct(m.outOfScopeRefused)}`);
    }
    console.log(`| ${v.name} | ${cells.join(' | ')} |`);
  }
});

await runProgram(program);

/**
 * `npm run eval`: runs a JSONL dataset through the chat's answer function and the BM25
 * baseline, prints a table per kind and writes report.json + report.html.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { modeOption } from '../lib/cli/options';
import { createProgram, runProgram, usageError } from '../lib/cli/program';
import { logToStderr } from '../lib/cli/progress';
import { BadRequestError, CorpusError } from '../lib/errors';
import { SUITES, suiteNamed } from '../lib/evals/suites';

const program = createProgram({
  name: 'npm run eval --',
  description:
    'Run an eval dataset (JSONL) through the answer function the chat uses and through a BM25 baseline; ' +
    'print a table per kind of question and write report.json and report.html.',
  examples: [
    'npm run eval                                              # dev set, offline',
    'npm run eval -- --suite blind,it,hr                       # named suites, each over its own FAQ',
    'npm run eval -- --all                                     # every suite (training and report sets)',
    'npm run eval -- --dataset evals/datasets/blind.jsonl --json > summary.json',
    'npm run eval -- --mode llm --judge                        # answered and graded by the configured model',
    'npm run eval -- --compare evals/reports/A/report.json evals/reports/B/report.json',
  ],
  notes: `--json prints one JSON object (the overall metrics, byKind, report) on stdout; progress and messages go to stderr.
Exit codes: 0 done, 1 failed (message in Chinese), 2 bad usage.`,
})
  .option('--dataset <file>', 'JSONL dataset to run (over the configured FAQ)', 'evals/datasets/dev.jsonl')
  .option('--suite <names>', `comma-separated suites from lib/evals/suites.ts (${SUITES.map((x) => x.name).join(', ')}), each over its own FAQ`)
  .option('--all', 'run every suite')
  .addOption(modeOption().default('offline'))
  .option('--json', 'print one JSON summary on stdout instead of the table')
  .option('--out <dir>', 'where report.json and report.html go (default: evals/reports/<start time>)')
  .option('--judge', 'grade the answers with the configured model (needs --mode llm and OPENAI_API_KEY or OPENAI_BASE_URL)')
  .option('--compare <reports...>', 'compare two report.json files (A then B) instead of running; nothing else is run');

program.action(async (opts) => {
  const { compareReports, renderHtml } = await import('../lib/evals/report');
  if (opts.compare) {
    if (opts.compare.length !== 2) usageError(program, `--compare takes exactly two report.json files, got ${opts.compare.length}`);
    const [a, b] = await Promise.all(opts.compare.map(async (f) => JSON.parse(await readFile(f, 'utf8'))));
    console.log(compareReports(a, b));
    return;
  }
  const { configFromEnv } = await import('../lib/config');
  const { configForMode } = await import('../lib/cli/mode');
  const { createRuntime } = await import('../lib/runtime');
  const { parseDataset } = await import('../lib/evals/dataset');
  const { runEval } = await import('../lib/evals/run');
  const { formatTable } = await import('../lib/evals/table');
  const { createProgress } = await import('./progress');

  const names = opts.all
    ? SUITES.map((x) => x.name)
    : opts.suite
      ? String(opts.suite)
          .split(',')
          .map((x) => x.trim())
      : null;
  const unknown = names?.filter((n) => !suiteNamed(n)) ?? [];
  if (unknown.length) usageError(program, `unknown suite ${unknown.join(', ')} (known: ${SUITES.map((x) => x.name).join(', ')})`);
  const runs = names
    ? names.map((n) => suiteNamed(n)!)
    : [{ name: path.basename(opts.dataset, '.jsonl'), dataset: opts.dataset, env: {}, role: 'report', description: '' }];
  const summaries: Record<string, unknown> = {};
  for (const suite of runs) {
    const config = configForMode(configFromEnv(suite.env), opts.mode);
    if (opts.judge && !config.llm) throw new BadRequestError('--judge 需要配置模型(OPENAI_API_KEY 或 OPENAI_BASE_URL)');
    const { cases, errors } = parseDataset(await readFile(suite.dataset, 'utf8'));
    if (errors.length) throw new CorpusError(errors, suite.dataset);
    // Each suite's FAQ gets its own index, so the app's .data/index is never rebuilt for another FAQ. The index is a
    // link to versioned siblings (lib/index/atomic.ts), so it lives inside a directory of its own that is removed whole.
    const evalDir = names ? await mkdtemp(path.join(os.tmpdir(), `faq-eval-${suite.name}-`)) : null;
    const indexDir = evalDir ? path.join(evalDir, 'index') : config.indexDir;
    const { kb, run } = await (async () => {
      // Evals measure the FAQ files alone, never alternatives added in the database.
      const runtime = createRuntime({ ...config, indexDir }, { store: null, knowledge: { log: logToStderr } });
      try {
        const kb = await runtime.knowledge.get();
        const progress = createProgress(cases.length);
        const run = await runEval(cases, runtime.answerDeps(kb), kb.entries, { dataset: suite.dataset, mode: opts.mode, onProgress: progress.update });
        progress.stop();
        return { kb, run };
      } finally {
        await runtime.close();
      }
    })().finally(() => (evalDir ? rm(evalDir, { recursive: true, force: true }) : undefined));
    if (opts.judge) {
      const { judgeRun } = await import('../lib/evals/judge');
      Object.assign(run, { judge: await judgeRun(run, kb, config.llm!) });
    }
    const out = opts.out
      ? runs.length > 1
        ? path.join(opts.out, suite.name)
        : opts.out
      : path.join('evals/reports', `${run.startedAt.replace(/[:.]/g, '-')}-${suite.name}`);
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, 'report.json'), JSON.stringify(run, null, 2));
    await writeFile(path.join(out, 'report.html'), renderHtml(run));
    summaries[suite.name] = { ...run.overall, byKind: run.byKind, byDecision: run.byDecision, report: out };
    if (!opts.json) {
      console.log(`\n== ${suite.name}: ${suite.dataset}${suite.description ? ` (${suite.description})` : ''}`);
      console.log(formatTable(run));
      console.log(`报告已写入 ${path.join(out, 'report.html')}`);
    }
  }
  if (opts.json) console.log(JSON.stringify(names ? summaries : Object.values(summaries)[0]));
});

await runProgram(program);

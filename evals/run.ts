/**
 * `npm run eval`: runs a JSONL dataset through the chat's answer function and the BM25
 * baseline, prints a table per kind and writes report.json + report.html.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { modeOption } from '../lib/cli/options';
import { createProgram, runProgram, usageError } from '../lib/cli/program';
import { logToStderr } from '../lib/cli/progress';
import { BadRequestError, CorpusError } from '../lib/errors';

const program = createProgram({
  name: 'npm run eval --',
  description:
    'Run an eval dataset (JSONL) through the answer function the chat uses and through a BM25 baseline; ' +
    'print a table per kind of question and write report.json and report.html.',
  examples: [
    'npm run eval                                              # dev set, offline',
    'npm run eval -- --dataset evals/datasets/blind.jsonl --json > summary.json',
    'npm run eval -- --mode llm --judge                        # answered and graded by the configured model',
    'npm run eval -- --compare evals/reports/A/report.json evals/reports/B/report.json',
  ],
  notes: `--json prints one JSON object (the overall metrics, byKind, report) on stdout; progress and messages go to stderr.
Exit codes: 0 done, 1 failed (message in Chinese), 2 bad usage.`,
})
  .option('--dataset <file>', 'JSONL dataset to run', 'evals/datasets/dev.jsonl')
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

  const config = configForMode(configFromEnv(), opts.mode);
  if (opts.judge && !config.llm) throw new BadRequestError('--judge 需要配置模型(OPENAI_API_KEY 或 OPENAI_BASE_URL)');
  const { cases, errors } = parseDataset(await readFile(opts.dataset, 'utf8'));
  if (errors.length) throw new CorpusError(errors, opts.dataset);
  const runtime = createRuntime(config, { knowledge: { log: logToStderr } });
  const kb = await runtime.knowledge.get();
  const deps = runtime.answerDeps(kb);
  const progress = createProgress(cases.length);
  const run = await runEval(cases, deps, kb.entries, { dataset: opts.dataset, mode: opts.mode, onProgress: progress.update });
  progress.stop();
  if (opts.judge) {
    const { judgeRun } = await import('../lib/evals/judge');
    Object.assign(run, { judge: await judgeRun(run, kb, config.llm!) });
  }
  const out = opts.out ?? path.join('evals/reports', run.startedAt.replace(/[:.]/g, '-'));
  await mkdir(out, { recursive: true });
  await writeFile(path.join(out, 'report.json'), JSON.stringify(run, null, 2));
  await writeFile(path.join(out, 'report.html'), renderHtml(run));
  if (opts.json) {
    console.log(JSON.stringify({ ...run.overall, byKind: run.byKind, report: out }));
  } else {
    console.log(formatTable(run));
    console.log(`\n报告已写入 ${path.join(out, 'report.html')}`);
  }
});

await runProgram(program);

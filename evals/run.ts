/**
 * `npm run eval`: runs a JSONL dataset through the chat's answer function and the BM25
 * baseline, prints a table per kind and writes report.json + report.html.
 *   --dataset FILE   (default evals/datasets/dev.jsonl)
 *   --mode offline|llm   --json   --out DIR   --judge   --compare A.json B.json
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BadRequestError, CorpusError } from '../lib/errors';
import { runCli } from '../scripts/cli';

const { values } = parseArgs({
  options: {
    dataset: { type: 'string', default: 'evals/datasets/dev.jsonl' },
    mode: { type: 'string', default: 'offline' },
    json: { type: 'boolean' },
    out: { type: 'string' },
    judge: { type: 'boolean' },
    compare: { type: 'string', multiple: true },
  },
  allowPositionals: true,
});

await runCli(async () => {
  const { compareReports, renderHtml } = await import('../lib/evals/report');
  if (values.compare) {
    if (values.compare.length !== 2) throw new BadRequestError('用法:npm run eval -- --compare A.json --compare B.json');
    const [a, b] = await Promise.all(values.compare.map(async (f) => JSON.parse(await readFile(f, 'utf8'))));
    console.log(compareReports(a, b));
    return;
  }
  if (values.mode !== 'offline' && values.mode !== 'llm') throw new BadRequestError('--mode 只能是 offline 或 llm');
  const { configFromEnv, withAnswerMode } = await import('../lib/config');
  const { createRuntime } = await import('../lib/runtime');
  const { parseDataset } = await import('../lib/evals/dataset');
  const { runEval } = await import('../lib/evals/run');
  const { formatTable } = await import('../lib/evals/table');
  const { createProgress } = await import('./progress');

  const config = withAnswerMode(configFromEnv(), values.mode);
  if (values.mode === 'llm' && !config.llm) throw new BadRequestError('LLM 模式需要设置 OPENAI_API_KEY 或 OPENAI_BASE_URL');
  const { cases, errors } = parseDataset(await readFile(values.dataset!, 'utf8'));
  if (errors.length) throw new CorpusError(errors, values.dataset);
  // Evals measure the FAQ files alone, never alternatives added in the database.
  const runtime = createRuntime(config, { store: null });
  const kb = await runtime.knowledge.get();
  const deps = runtime.answerDeps(kb);
  const progress = createProgress(cases.length);
  const run = await runEval(cases, deps, kb.entries, { dataset: values.dataset!, mode: values.mode, onProgress: progress.update });
  progress.stop();
  if (values.judge) {
    const { judgeRun } = await import('../lib/evals/judge');
    if (!config.llm) throw new BadRequestError('--judge 需要配置模型(OPENAI_API_KEY 或 OPENAI_BASE_URL)');
    Object.assign(run, { judge: await judgeRun(run, kb, config.llm) });
  }
  const out = values.out ?? path.join('evals/reports', run.startedAt.replace(/[:.]/g, '-'));
  await mkdir(out, { recursive: true });
  await writeFile(path.join(out, 'report.json'), JSON.stringify(run, null, 2));
  await writeFile(path.join(out, 'report.html'), renderHtml(run));
  if (values.json) {
    console.log(JSON.stringify({ ...run.overall, byKind: run.byKind, report: out }));
  } else {
    console.log(formatTable(run));
    console.log(`\n报告已写入 ${path.join(out, 'report.html')}`);
  }
});

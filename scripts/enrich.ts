/**
 * `npm run enrich`: generates alternative questions per FAQ entry with the configured
 * OpenAI-compatible model into GENERATED_FILE (related.generated.json beside the FAQ), for review in git.
 */
import { integer } from '../lib/cli/options';
import { createProgram, runProgram } from '../lib/cli/program';

const program = createProgram({
  name: 'npm run enrich --',
  description:
    'Generate alternative questions (相似问题) for each FAQ entry with the model set by OPENAI_BASE_URL / OPENAI_API_KEY / OPENAI_CHAT_MODEL, ' +
    'and write them to GENERATED_FILE (default related.generated.json beside CORPUS_FILE) for review in git. related.json (hand-kept) is never touched; ' +
    'entries already generated from their current text are skipped, so deletions made in review stay deleted. Run npm run ingest afterwards (the app picks the file up by itself).',
  examples: ['npm run enrich', 'npm run enrich -- --ids FAQ2.5,FAQ9.4 --force', 'npm run enrich -- --count 20 --json'],
})
  .option('--count <n>', 'questions asked for per entry', integer(1, 100), 15)
  .option('--ids <ids>', 'only these entry ids, comma-separated (e.g. FAQ2.5,FAQ9.4)')
  .option('--force', 'regenerate entries already done (their reviewed edits are replaced)')
  .option('--concurrency <n>', 'entries generated at once', integer(1, 16), 2)
  .option('--json', 'print the report as one JSON object on stdout');

program.action(async (opts) => {
  const { configFromEnv } = await import('../lib/config');
  const { BadRequestError } = await import('../lib/errors');
  const { loadCorpus } = await import('../lib/corpus/load');
  const { enrichEntries } = await import('../lib/knowledge/enrich');
  const { createLlmClient } = await import('../lib/llm/model');
  const { createProgress } = await import('../lib/cli/progress');
  const config = configFromEnv();
  if (!config.llm) throw new BadRequestError('enrich 需要配置模型:设置 OPENAI_BASE_URL 或 OPENAI_API_KEY(以及 OPENAI_CHAT_MODEL)。');
  const corpus = await loadCorpus(config);
  const progress = createProgress('生成相似问题', '条目');
  const report = await enrichEntries(corpus.entries, config.generatedFile, createLlmClient(config.llm), {
    count: opts.count,
    force: !!opts.force,
    ids: opts.ids
      ? String(opts.ids)
          .split(',')
          .map((s) => s.trim().toUpperCase())
      : undefined,
    concurrency: opts.concurrency,
    onProgress: progress.update,
  }).finally(() => progress.stop());
  if (opts.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else
    console.log(
      `已生成 ${report.generated.length} 个条目的 ${report.questions} 条相似问题,跳过 ${report.skipped.length} 个已生成的条目,失败 ${report.failed.length} 个;写入 ${config.generatedFile}`,
    );
  for (const f of report.failed) process.stderr.write(`失败 ${f.id}:${f.reason}\n`);
  if (report.failed.length) process.exitCode = 1;
});

await runProgram(program);

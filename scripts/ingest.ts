/**
 * `npm run ingest`: parse the FAQ, embed every entry and write the index atomically.
 * `--check` validates the FAQ and its companion files and writes nothing.
 */
import { createProgram, runProgram, usageError } from '../lib/cli/program';
import { createProgress } from '../lib/cli/progress';

const program = createProgram({
  name: 'npm run ingest --',
  description:
    'Parse the FAQ (CORPUS_FILE, default corpus/faq.txt) with its companion files (related.json, dictionary.txt, synonyms.txt, ' +
    'thesaurus.txt beside it, or as RELATED_FILE … name them; "-" for none), ' +
    'report duplicates and empty answers (警告), and write the search index to INDEX_DIR (default .data/index) atomically.',
  examples: [
    'npm run ingest                                   # rebuild the index',
    'npm run ingest -- --check                        # validate only, write nothing (pre-commit hook, CI)',
    'npm run ingest -- --check --strict               # warnings fail too',
    'CORPUS_FILE=/tmp/faq.txt npm run ingest -- --check --json',
  ],
  notes: `--check prints one problem per line as file:line[:column]: 错误|警告:message, then a summary on stderr.
Exit codes: 0 done (or no errors), 1 failed or problems found, 2 bad usage.`,
})
  .option('--check', 'validate the FAQ and companion files, report every problem with its file and line, write nothing')
  .option('--strict', 'with --check: warnings (duplicates, colliding alternative questions, unknown ids) fail too')
  .option('--json', 'print the result as one JSON object on stdout (messages go to stderr)');

program.action(async (opts) => {
  if (opts.strict && !opts.check) usageError(program, '--strict only applies with --check');
  // Loaded here so --help and usage errors answer at once.
  const { configFromEnv } = await import('../lib/config');
  const config = configFromEnv();
  if (opts.check) {
    const { checkCorpusFiles, displayPath, formatProblem } = await import('../lib/corpus/check');
    const { problems, entries } = await checkCorpusFiles(config);
    const errors = problems.filter((p) => p.severity === 'error').length;
    const failed = errors > 0 || (!!opts.strict && problems.length > 0);
    if (opts.json) process.stdout.write(`${JSON.stringify({ ok: !failed, entries, errors, warnings: problems.length - errors, problems })}\n`);
    else for (const p of problems) process.stdout.write(`${formatProblem(p)}\n`);
    // The files read: the FAQ, and those of its companions that exist (another FAQ given alone has none; round 26's check).
    const { existsSync } = await import('node:fs');
    const files = [
      config.corpusFile,
      ...[config.relatedFile, config.dictionaryFile, config.synonymsFile, config.thesaurusFile].filter((f) => existsSync(f)),
    ].map((f) => displayPath(f));
    process.stderr.write(`${failed ? '检查未通过' : '检查通过'}:${entries} 个条目,${errors} 个错误,${problems.length - errors} 个警告(${files.join('、')})\n`);
    if (failed) process.exitCode = 1;
    return;
  }
  const started = Date.now();
  // The embedder and index libraries take seconds to load; --check needs none of them.
  const { ingest } = await import('../lib/knowledge/ingest');
  const progress = createProgress('入库', '分块');
  const { corpus, manifest } = await ingest(config, { onProgress: progress.update }).finally(() => progress.stop());
  const summary = {
    rawEntries: manifest.rawEntries,
    entries: manifest.entries,
    categories: corpus.categories.length,
    chunks: manifest.chunks,
    embedder: manifest.embedder,
    indexDir: config.indexDir,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    warnings: corpus.warnings,
  };
  const { displayPath } = await import('../lib/corpus/check');
  for (const w of corpus.warnings) {
    const where = w.kind === 'foreign_related' ? displayPath(config.relatedFile) : `第 ${w.line} 行`;
    process.stderr.write(`警告 ${where}:${w.message}\n`);
  }
  if (opts.json) return void process.stdout.write(`${JSON.stringify(summary)}\n`);
  console.log(
    `已索引 ${summary.rawEntries} 个条目(合并重复后 ${summary.entries} 个,${summary.categories} 个分类,${summary.chunks} 个分块)` +
      `,向量模型 ${manifest.embedder.id},维度 ${manifest.embedder.dim},用时 ${summary.seconds.toFixed(1)} 秒`,
  );
  console.log(`索引目录:${config.indexDir}`);
});

await runProgram(program);

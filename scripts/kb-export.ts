/** `npm run kb:export`: the alternative questions admins added in the database, written into corpus/related.json for review in git. */
import { createProgram, runProgram } from '../lib/cli/program';

const program = createProgram({
  name: 'npm run kb:export --',
  description:
    'Write the alternative questions (相似问题) admins added from the miss queue, which live in the database (DATABASE_URL, or the embedded store in DB_DIR), ' +
    'into RELATED_FILE (default related.json beside CORPUS_FILE: corpus/related.json) for review in git. With the embedded store, stop the server first (one process may open it).',
  examples: ['npm run kb:export', 'DATABASE_URL=postgres://faq@db/faq npm run kb:export -- --json'],
}).option('--json', 'print the result as one JSON object on stdout');

program.action(async (opts) => {
  const { exportAlternatives } = await import('../lib/admin/kb-export');
  const { configFromEnv } = await import('../lib/config');
  const result = await exportAlternatives(configFromEnv());
  if (opts.json) return void process.stdout.write(`${JSON.stringify(result)}\n`);
  console.log(
    result.added === 0
      ? `${result.file} 已包含数据库中的全部相似问题(${result.entries} 个条目),未改动。`
      : `已将 ${result.added} 个相似问题(${result.entries} 个条目)写入 ${result.file},请在 git 中审阅。`,
  );
});

await runProgram(program);

/** `npm run kb:export`: the alternative questions admins added in the database, written into corpus/related.json for review in git. */
import { exportAlternatives } from '../lib/admin/kb-export';
import { configFromEnv } from '../lib/config';
import { runCli } from './cli';

await runCli(async () => {
  const { added, entries, file } = await exportAlternatives(configFromEnv());
  console.log(
    added === 0
      ? `${file} 已包含数据库中的全部相似问题(${entries} 个条目),未改动。`
      : `已将 ${added} 个相似问题(${entries} 个条目)写入 ${file},请在 git 中审阅。`,
  );
});

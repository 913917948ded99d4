/** `npm run ingest`: parse the FAQ, embed every entry and write the index atomically. */
import { configFromEnv } from '../lib/config';
import { ingest } from '../lib/knowledge/ingest';
import { runCli } from './cli';

await runCli(async () => {
  const config = configFromEnv();
  const started = Date.now();
  const { corpus, manifest } = await ingest(config);
  for (const w of corpus.warnings) console.warn(`警告 第 ${w.line} 行:${w.message}`);
  console.log(
    `已索引 ${manifest.rawEntries} 个条目(合并重复后 ${manifest.entries} 个,${corpus.categories.length} 个分类,${manifest.chunks} 个分块)` +
      `,向量模型 ${manifest.embedder.id},维度 ${manifest.embedder.dim},用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`,
  );
  console.log(`索引目录:${config.indexDir}`);
});

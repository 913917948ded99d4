/**
 * Internal to `npm run bench`: one benchmark size in its own process, so its peak memory is its
 * own. Prints one JSON line on stdout and `PROGRESS done/total` on stderr.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { integer, integerList } from '../lib/cli/options';
import { createProgram, runProgram } from '../lib/cli/program';

const program = createProgram({
  name: 'node --import tsx scripts/bench-worker.ts',
  description:
    'Internal to npm run bench: index one synthetic corpus of --size entries in a temp dir and measure it. ' +
    'Prints one JSON line on stdout and PROGRESS done/total on stderr.',
  examples: ['node --import tsx scripts/bench-worker.ts --size 1000 --queries 100 --efs 32,64'],
})
  .requiredOption('--size <n>', 'entries in the synthetic corpus (required)', integer(1))
  .option('--m <n>', 'HNSW M (links per node)', integer(2), 16)
  .option('--efc <n>', 'HNSW efConstruction', integer(1), 100)
  .option('--dim <n>', 'embedding dimension (default: EMBEDDING_DIM with the local embedder, else 512)', integer(16))
  .option('--queries <n>', 'queries for the latency and recall measures', integer(1), 300)
  .option('--efs <list>', 'HNSW efSearch values to measure recall at, comma-separated', integerList, [16, 32, 64, 128]);

program.action(async (opts) => {
  const [{ benchIndex }, { syntheticCorpus }, { configFromEnv }, { loadCorpus }, { createTokenizer }] = await Promise.all([
    import('../lib/bench/index-bench'),
    import('../lib/bench/synthetic'),
    import('../lib/config'),
    import('../lib/corpus/load'),
    import('../lib/retrieval/tokenize'),
  ]);
  const config = configFromEnv();
  const dim = opts.dim ?? (config.embeddings.provider === 'local' ? config.embeddings.dim : 512);
  const real = await loadCorpus(config);
  const tokenizer = createTokenizer(real);
  const entries = syntheticCorpus(real.entries, opts.size);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'faq-bench-'));
  try {
    const result = await benchIndex(entries, path.join(dir, 'index'), {
      tokenizer,
      dim,
      hnsw: { m: opts.m, efConstruction: opts.efc },
      queries: opts.queries,
      efs: opts.efs,
      onProgress: (d, t) => process.stderr.write(`\rPROGRESS ${d}/${t}`),
    });
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

await runProgram(program);

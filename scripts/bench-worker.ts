/** One benchmark size in its own process, so its peak memory is its own. Prints one JSON line. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchIndex } from '../lib/bench/index-bench';
import { syntheticCorpus } from '../lib/bench/synthetic';
import { configFromEnv } from '../lib/config';
import { loadCorpus } from '../lib/corpus/load';
import { createTokenizer } from '../lib/retrieval/tokenize';

const config = configFromEnv();
const { values } = parseArgs({
  options: {
    size: { type: 'string' },
    m: { type: 'string', default: '16' },
    efc: { type: 'string', default: '100' },
    dim: { type: 'string', default: String(config.embeddings.provider === 'local' ? (config.embeddings as { dim: number }).dim : 512) },
    queries: { type: 'string', default: '300' },
    efs: { type: 'string', default: '16,32,64,128' },
  },
});
const real = await loadCorpus(config);
const tokenizer = createTokenizer(real);
const entries = syntheticCorpus(real.entries, Number(values.size));
const dir = await mkdtemp(path.join(os.tmpdir(), 'faq-bench-'));
try {
  const result = await benchIndex(entries, path.join(dir, 'index'), {
    tokenizer,
    dim: Number(values.dim),
    hnsw: { m: Number(values.m), efConstruction: Number(values.efc) },
    queries: Number(values.queries),
    efs: values.efs!.split(',').map(Number),
    onProgress: (d, t) => process.stderr.write(`\rPROGRESS ${d}/${t}`),
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await rm(dir, { recursive: true, force: true });
}

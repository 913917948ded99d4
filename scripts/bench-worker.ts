/** One benchmark size in its own process, so its peak memory is its own. Prints one JSON line. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchIndex } from '../lib/bench/index-bench';
import { syntheticCorpus } from '../lib/bench/synthetic';
import { getConfig } from '../lib/config';
import { loadCorpus } from '../lib/corpus/load';
import { setSynonyms, setUserDictionary } from '../lib/retrieval/tokenize';

const { values } = parseArgs({ options: { size: { type: 'string' }, m: { type: 'string', default: '16' }, efc: { type: 'string', default: '100' }, dim: { type: 'string', default: String(getConfig().embeddings.provider === 'local' ? (getConfig().embeddings as { dim: number }).dim : 512) }, queries: { type: 'string', default: '300' }, efs: { type: 'string', default: '16,32,64,128' } } });
const real = await loadCorpus(getConfig());
setUserDictionary(real.dictionary);
setSynonyms(real.synonyms);
const entries = syntheticCorpus(real.entries, Number(values.size));
const dir = await mkdtemp(path.join(os.tmpdir(), 'faq-bench-'));
try {
  const result = await benchIndex(entries, path.join(dir, 'index'), {
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

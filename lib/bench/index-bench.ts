import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../config';
import type { Corpus } from '../corpus/load';
import type { Entry } from '../corpus/schema';
import { buildIndex, type HnswParams } from '../index/build';
import { openIndex } from '../index/load';
import { knowledgeBaseFrom, vectorSearchOf } from '../knowledge/knowledge-base';
import { Bm25Index } from '../retrieval/keyword';
import { entryFields } from '../retrieval/retrieve';
import type { Tokenizer } from '../retrieval/tokenize';
import { bruteForceNeighbours, distanceRecall, latencyStats, recallAtK } from './stats';
import { syntheticQueries } from './synthetic';

export interface IndexBenchResult {
  size: number;
  chunks: number;
  hnsw: HnswParams;
  ingestMs: number;
  entriesPerSecond: number;
  diskBytes: number;
  peakRssMb: number;
  latency: {
    /** HNSW (80 neighbours, ef 256), the search dense embeddings get. */
    vector: ReturnType<typeof latencyStats>;
    /** The exact sparse search a local-embedder index of up to EXACT_SEARCH_MAX_CHUNKS chunks gets by default (VECTOR_SEARCH=auto). */
    sparse: ReturnType<typeof latencyStats>;
    keyword: ReturnType<typeof latencyStats>;
    hybrid: ReturnType<typeof latencyStats>;
    bruteForce: ReturnType<typeof latencyStats>;
  };
  /** HNSW recall@10 against exact search over the same vectors, per ef: by distance (ties count, as ann-benchmarks does) and by id. */
  recallByEf: { ef: number; recallAt10: number; idRecallAt10: number; p50: number; p99: number }[];
  /** Share of synthetic questions whose source entry ranks first in hybrid retrieval. */
  hitAt1: number;
}

function dirBytes(dir: string): number {
  return readdirSync(dir).reduce((a, n) => a + statSync(path.join(dir, n)).size, 0);
}

/** Peak resident set of this process so far (Linux VmHWM). */
export function peakRssMb(): number {
  const m = /VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : Math.round(process.memoryUsage().rss / 2 ** 20);
}

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
}

/** Builds an index of the given entries and measures ingest, query latency and HNSW recall. */
export async function benchIndex(
  entries: Entry[],
  dir: string,
  opts: { tokenizer: Tokenizer; dim: number; hnsw: HnswParams; queries: number; efs: number[]; onProgress?: (d: number, t: number) => void },
): Promise<IndexBenchResult> {
  const corpus: Corpus = {
    entries,
    categories: [...new Map(entries.map((e) => [e.category.id, e.category])).values()],
    rawCount: entries.length,
    dictionary: opts.tokenizer.vocabulary.dictionary,
    synonyms: opts.tokenizer.vocabulary.synonyms,
    warnings: [],
    corpusSha256: '0'.repeat(64),
    inputsSha256: '0'.repeat(64),
    filesSha256: '0'.repeat(64),
  };
  const embeddings: AppConfig['embeddings'] = { provider: 'local', dim: opts.dim };
  const t0 = performance.now();
  const manifest = await buildIndex(corpus, dir, { embeddings, tokenizer: opts.tokenizer, glosses: false, hnsw: opts.hnsw, onProgress: opts.onProgress });
  const ingestMs = performance.now() - t0;
  const index = await openIndex(dir, { embeddings, hnswEf: 256 });
  const kb = knowledgeBaseFrom(index);
  const vectorSearch = vectorSearchOf(index, 'hnsw');
  const sparseSearch = vectorSearchOf(index, 'exact');
  const bm25 = new Bm25Index(entries.map(entryFields), { tokenize: index.tokenizer.keywordTerms });
  const queries = syntheticQueries(entries, opts.queries);
  for (const q of queries.slice(0, 20)) await kb.retrieve(q.question);

  const lat = { vector: [] as number[], sparse: [] as number[], keyword: [] as number[], hybrid: [] as number[], bruteForce: [] as number[] };
  let hits = 0;
  for (const q of queries) {
    let t = performance.now();
    await vectorSearch(q.question, 80);
    lat.vector.push(performance.now() - t);
    t = performance.now();
    await sparseSearch(q.question, 80);
    lat.sparse.push(performance.now() - t);
    lat.keyword.push(time(() => bm25.search(q.question, 20))[1]);
    t = performance.now();
    const r = await kb.retrieve(q.question);
    lat.hybrid.push(performance.now() - t);
    if (r.hits[0]?.id === q.id) hits++;
  }

  // Exact search over the very vectors HNSW holds, read back from the index.
  const n = index.store.index.getCurrentCount();
  const matrix = new Float32Array(n * manifest.embedder.dim);
  for (let i = 0; i < n; i++) matrix.set(index.store.index.getPoint(i), i * manifest.embedder.dim);
  const qvecs = await Promise.all(queries.map((q) => index.embedder.embeddings.embedQuery(q.question)));
  const exact = qvecs.map((v) => {
    const [top, ms] = time(() => bruteForceNeighbours(matrix, manifest.embedder.dim, v, 10));
    lat.bruteForce.push(ms);
    return top;
  });
  const recallByEf = opts.efs.map((ef) => {
    index.store.index.setEf(ef);
    const times: number[] = [];
    const byDistance: number[] = [];
    const byId: number[] = [];
    qvecs.forEach((v, i) => {
      const [res, ms] = time(() => index.store.index.searchKnn(v, 10));
      times.push(ms);
      const truth = exact[i]!;
      byDistance.push(distanceRecall(res.distances, truth.at(-1)?.d ?? 0, truth.length));
      byId.push(
        recallAtK(
          res.neighbors,
          truth.map((t) => t.i),
        ),
      );
    });
    const s = latencyStats(times);
    const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 1000) / 1000;
    return { ef, recallAt10: mean(byDistance), idRecallAt10: mean(byId), p50: s.p50, p99: s.p99 };
  });
  return {
    size: entries.length,
    chunks: manifest.chunks,
    hnsw: opts.hnsw,
    ingestMs: Math.round(ingestMs),
    entriesPerSecond: Math.round(entries.length / (ingestMs / 1000)),
    diskBytes: dirBytes(index.dir),
    peakRssMb: peakRssMb(),
    latency: {
      vector: latencyStats(lat.vector),
      sparse: latencyStats(lat.sparse),
      keyword: latencyStats(lat.keyword),
      hybrid: latencyStats(lat.hybrid),
      bruteForce: latencyStats(lat.bruteForce),
    },
    recallByEf,
    hitAt1: Math.round((hits / queries.length) * 1000) / 1000,
  };
}

import { SynchronousInMemoryDocstore } from '@langchain/community/stores/doc/in_memory';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import hnswlib from 'hnswlib-node';
import type { AppConfig } from '../config';
import type { Corpus } from '../corpus/load';
import { createEmbedderForBuild } from '../retrieval/embedder';
import type { Tokenizer } from '../retrieval/tokenize';
import { appendToIndex } from './append';
import { chunkEntry } from './chunks';
import type { IndexManifest } from './manifest';
import { writeIndex } from './write';

export interface HnswParams {
  m: number;
  efConstruction: number;
}

/**
 * Chosen from `npm run bench` (README, Performance): efConstruction 200 lifts recall@10 at 100k
 * entries from 0.90 to 0.95 (ef 256) but takes ingest from 159 s to 235 s, past the 3-minute budget.
 */
export const DEFAULT_HNSW: HnswParams = { m: 16, efConstruction: 100 };

/**
 * Up to this many chunks a local-embedder index is searched exactly over its sparse vectors (knowledge-base.ts), and the HNSW
 * graph is walked only with VECTOR_SEARCH=hnsw: the exact search is cheaper than HNSW at ef 256 up to there (measured with
 * `npm run bench`: 0.05 against 0.3 ms at 2,000 chunks, 4.5 against 1.6 ms at 30,000); beyond, its cost grows with the index
 * while HNSW's barely does.
 */
export const EXACT_SEARCH_MAX_CHUNKS = 8_000;

/** Whether an index of `chunks` chunks from `provider`'s embedder is searched exactly by default (VECTOR_SEARCH=auto). */
export function searchedExactly(provider: AppConfig['embeddings']['provider'], chunks: number): boolean {
  return provider === 'local' && chunks <= EXACT_SEARCH_MAX_CHUNKS;
}

/**
 * The graph of such an index is built at efConstruction 40: on 3,852 chunks (this FAQ with round 15's trial of more alternative
 * questions) that halves the HNSW build (1.5 to 0.8 s, the largest part of a re-index after an admin adds an alternative question)
 * and keeps recall@10 at ef 256 at 0.995 (0.997 at 100), measured on dev2's questions against brute force.
 */
export const SMALL_INDEX_HNSW: HnswParams = { m: 16, efConstruction: 40 };

/** The HNSW parameters of an index of `chunks` chunks from `provider`'s embedder, unless a build names its own. */
export function hnswParamsFor(chunks: number, provider: AppConfig['embeddings']['provider']): HnswParams {
  return searchedExactly(provider, chunks) ? SMALL_INDEX_HNSW : DEFAULT_HNSW;
}

export interface BuildOptions {
  embeddings: AppConfig['embeddings'];
  /** The tokenizer of the corpus's vocabulary (the local embedder segments with it). */
  tokenizer: Tokenizer;
  hnsw?: HnswParams;
  /** false skips the English glosses and the sense lexicon (synthetic benchmark corpora). */
  glosses?: false;
  /** Called as chunks are embedded and added, for progress bars. */
  onProgress?: (done: number, total: number) => void;
  /** Extend the index already at `indexDir` when the corpus only adds chunks to it (a running server's rebuilds). */
  append?: boolean;
}

/**
 * Embeds every chunk of the corpus into LangChain's HNSWLib and writes the index
 * atomically to `indexDir` (see writeDirAtomically). Returns the manifest written.
 * With `append`, an index whose corpus only gains chunks (an admin's alternative questions) is extended instead (append.ts).
 */
export async function buildIndex(corpus: Corpus, indexDir: string, opts: BuildOptions): Promise<IndexManifest> {
  const started = Date.now();
  const docs = corpus.entries.flatMap(chunkEntry);
  // Only a server's rebuild with the index's own parameters and glosses is extended (benchmarks name their own).
  if (opts.append && !opts.hnsw && opts.glosses !== false) {
    const hnswFor = (chunks: number) => hnswParamsFor(chunks, opts.embeddings.provider);
    const appended = await appendToIndex(corpus, docs, indexDir, { ...opts, hnswFor }, started);
    if (appended) return appended;
  }
  const texts = docs.map((d) => d.pageContent);
  // Fitted on the files' chunks alone: alternatives added in the database then leave the embedder, and every other chunk's
  // vector, as they are (what lets append.ts extend an index).
  const fitTexts = corpus.filesEntries ? corpus.filesEntries.flatMap(chunkEntry).map((d) => d.pageContent) : texts;
  const embedder = createEmbedderForBuild(opts.embeddings, fitTexts, opts.tokenizer);
  const hnsw = opts.hnsw ?? hnswParamsFor(texts.length, opts.embeddings.provider);

  const batch = 256;
  let index: hnswlib.HierarchicalNSW | undefined;
  let dim = 0;
  for (let i = 0; i < texts.length; i += batch) {
    const vectors = await embedder.embeddings.embedDocuments(texts.slice(i, i + batch));
    if (!index) {
      dim = vectors[0]?.length ?? 0;
      // Built here rather than by HNSWLib.fromDocuments, which always uses the library's default M and efConstruction.
      index = new hnswlib.HierarchicalNSW('cosine', dim);
      index.initIndex(Math.max(texts.length, 1), hnsw.m, hnsw.efConstruction, 100);
    }
    vectors.forEach((v, j) => index!.addPoint(v, i + j));
    opts.onProgress?.(Math.min(i + batch, texts.length), texts.length);
  }
  if (!index) throw new Error('no chunks to index');
  const docstore = new SynchronousInMemoryDocstore(new Map(docs.map((d, i) => [String(i), d])));
  const store = new HNSWLib(embedder.embeddings, { space: 'cosine', numDimensions: dim, index, docstore });
  return writeIndex(indexDir, { corpus, store, embedder, hnsw, chunks: docs.length, texts, tokenizer: opts.tokenizer, glosses: opts.glosses, started });
}

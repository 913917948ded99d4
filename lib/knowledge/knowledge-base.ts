import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Entry, FaqCategory } from '../corpus/schema';
import { searchedExactly } from '../index/build';
import { readStoredPoints } from '../index/hnsw-file';
import type { SearchIndex } from '../index/load';
import type { IndexManifest } from '../index/manifest';
import { lazily } from '../lazily';
import { domainTexts, fitDomainModel } from '../retrieval/domain';
import type { Embedder } from '../retrieval/embedder';
import { createRetriever, type Retriever, type RetrieverOptions, type VectorSearch } from '../retrieval/retrieve';
import { createSparseSearch } from '../retrieval/sparse-search';
import type { Tokenizer } from '../retrieval/tokenize';

/** A loaded FAQ ready to answer from: its entries, how to search them, and the build it came from. */
export interface KnowledgeBase {
  entries: Entry[];
  categories: FaqCategory[];
  manifest: IndexManifest;
  tokenizer: Tokenizer;
  /** The index's embedder (the local one carries the IDF it was fitted with). */
  embedder: Embedder;
  retrieve: Retriever;
  /** Finds an entry by any of its ids, including merged duplicates (FAQ2.8 -> FAQ2.4). */
  getEntry(id: string): Entry | undefined;
  /** The same searches with other options (a candidate model while fitting, ablations). */
  retrieverWith(opts: RetrieverOptions): Retriever;
  /**
   * Fits and reads now what is otherwise done on first use (the domain model, the exact-search vectors: half a second for this
   * FAQ), so no question pays for it. Called where this knowledge base answers: not on a server's main thread while its search
   * thread retrieves.
   */
  warm(): void;
}

/** A vector search, and how to read now what it otherwise reads on its first search. */
export type PreparedVectorSearch = VectorSearch & { warm?: () => void };

/** The file LangChain's HNSWLib saves the index in. */
const HNSW_FILE = 'hnswlib.index';

/** The bytes of an index file, or null when it cannot be read. */
function readIndexFile(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/** Vector search over the index's chunks through LangChain's HNSWLib. */
function hnswSearchOf(index: SearchIndex): VectorSearch {
  return async (query, k) => {
    const vector = await index.embedder.embeddings.embedQuery(query);
    const found = await index.store.similaritySearchVectorWithScore(vector, Math.min(k, index.manifest.chunks));
    return found.map(([doc, distance]) => ({ id: String(doc.metadata.id), similarity: 1 - distance, kind: String(doc.metadata.kind) }));
  };
}

/**
 * Exact search over the same vectors, read once from the HNSW index: the local embedder's
 * vectors are sparse, so an inverted list per component finds the exact neighbours for a
 * fraction of an HNSW walk's cost at the ef the index is searched with (see sparse-search.ts).
 */
function sparseSearchOf(index: SearchIndex): PreparedVectorSearch {
  // Read on the first search: a knowledge base whose retrievals a search thread makes never reads it on this one.
  const read = lazily(() => {
    const hnsw = index.store.index;
    const labels = hnsw.getIdsList();
    const meta = new Map<number, { id: string; kind: string }>();
    for (const label of labels) {
      const doc = index.store.docstore.search(String(label));
      meta.set(label, { id: String(doc.metadata.id), kind: String(doc.metadata.kind) });
    }
    // Read from the index file when its layout is the one known (readStoredPoints checks), else point by point (also when the
    // file is gone: a knowledge base two rebuilds old, its version directory removed, still has its index in memory).
    const file = readIndexFile(path.join(index.dir, HNSW_FILE));
    const stored = file && readStoredPoints(file, index.manifest.embedder.dim, (l) => hnsw.getPoint(l));
    const sparse = createSparseSearch(
      stored ??
        (function* () {
          for (const label of labels) yield { label, vector: hnsw.getPoint(label) };
        })(),
    );
    return { meta, sparse };
  });
  const search: VectorSearch = async (query, k) => {
    const vector = await index.embedder.embeddings.embedQuery(query);
    const { meta, sparse } = read();
    return sparse.search(vector, k).map((h) => {
      const { id, kind } = meta.get(h.label)!;
      return { id, kind, similarity: h.similarity };
    });
  };
  return Object.assign(search, { warm: () => void read() });
}

/**
 * `auto`: a local-embedder index of up to EXACT_SEARCH_MAX_CHUNKS chunks is searched exactly (sparse vectors; searchedExactly),
 * anything else (a larger index, dense vectors from an OpenAI-compatible model) through HNSW.
 * `hnsw` and `exact` force one (config VECTOR_SEARCH=hnsw; benchmarks).
 */
export function vectorSearchOf(index: SearchIndex, how: 'auto' | 'hnsw' | 'exact' = 'auto'): PreparedVectorSearch {
  const exact = how === 'exact' || (how === 'auto' && searchedExactly(index.embedder.provider, index.manifest.chunks));
  return exact ? sparseSearchOf(index) : hnswSearchOf(index);
}

/** Wraps an opened index into retrieval over LangChain's HNSWLib plus BM25. */
export function knowledgeBaseFrom(index: SearchIndex, opts: RetrieverOptions = {}): KnowledgeBase {
  const byAnyId = new Map<string, Entry>();
  for (const e of index.entries) for (const id of e.ids) byAnyId.set(id, e);
  const vectorSearch = vectorSearchOf(index, index.vectorSearch);
  // Fitted once per load (a third of a second), when a refusal is first read, and shared by every retriever over these entries.
  const domainModel = lazily(() => fitDomainModel(domainTexts(index.entries)));
  const retrieverWith = (o: RetrieverOptions) =>
    createRetriever(index.entries, vectorSearch, index.tokenizer, { glosses: index.glosses, senses: index.senses, domainModel, ...opts, ...o });
  return {
    entries: index.entries,
    categories: index.categories,
    manifest: index.manifest,
    tokenizer: index.tokenizer,
    embedder: index.embedder,
    retrieve: retrieverWith({}),
    retrieverWith,
    getEntry: (id) => byAnyId.get(id.trim().toUpperCase()),
    warm() {
      domainModel();
      vectorSearch.warm?.();
    },
  };
}

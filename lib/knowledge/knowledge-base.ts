import type { Entry, FaqCategory } from '../corpus/schema';
import type { SearchIndex } from '../index/load';
import type { IndexManifest } from '../index/manifest';
import type { Embedder } from '../retrieval/embedder';
import { createRetriever, type Retriever, type RetrieverOptions, type VectorSearch } from '../retrieval/retrieve';
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
}

/** Vector search over the index's chunks through LangChain's HNSWLib. */
export function vectorSearchOf(index: SearchIndex): VectorSearch {
  return async (query, k) => {
    const vector = await index.embedder.embeddings.embedQuery(query);
    const found = await index.store.similaritySearchVectorWithScore(vector, Math.min(k, index.manifest.chunks));
    return found.map(([doc, distance]) => ({ id: String(doc.metadata.id), similarity: 1 - distance, kind: String(doc.metadata.kind) }));
  };
}

/** Wraps an opened index into retrieval over LangChain's HNSWLib plus BM25. */
export function knowledgeBaseFrom(index: SearchIndex, opts: RetrieverOptions = {}): KnowledgeBase {
  const byAnyId = new Map<string, Entry>();
  for (const e of index.entries) for (const id of e.ids) byAnyId.set(id, e);
  const retrieverWith = (o: RetrieverOptions) =>
    createRetriever(index.entries, vectorSearchOf(index), index.tokenizer, { glosses: index.glosses, ...opts, ...o });
  return {
    entries: index.entries,
    categories: index.categories,
    manifest: index.manifest,
    tokenizer: index.tokenizer,
    embedder: index.embedder,
    retrieve: retrieverWith({}),
    retrieverWith,
    getEntry: (id) => byAnyId.get(id.trim().toUpperCase()),
  };
}

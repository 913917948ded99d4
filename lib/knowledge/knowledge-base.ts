import type { AppConfig } from '../config';
import type { Entry, FaqCategory } from '../corpus/schema';
import type { SearchIndex } from '../index/load';
import type { IndexManifest } from '../index/manifest';
import type { Embedder } from '../retrieval/embedder';
import { createRetriever, type RetrieverOptions, type VectorSearch } from '../retrieval/retrieve';
import type { Tokenizer } from '../retrieval/tokenize';
import type { RetrieveFn } from '../retrieval/types';

/** A loaded FAQ ready to answer from: its entries, how to search them, and the build it came from. */
export interface KnowledgeBase {
  entries: Entry[];
  categories: FaqCategory[];
  manifest: IndexManifest;
  tokenizer: Tokenizer;
  /** The index's embedder (the local one carries the IDF it was fitted with). */
  embedder: Embedder;
  retrieve: RetrieveFn;
  /** Finds an entry by any of its ids, including merged duplicates (FAQ2.8 -> FAQ2.4). */
  getEntry(id: string): Entry | undefined;
}

/** Vector search over the index's chunks through LangChain's HNSWLib. */
export function vectorSearchOf(index: SearchIndex): VectorSearch {
  return async (query, k) => {
    const vector = await index.embedder.embeddings.embedQuery(query);
    const found = await index.store.similaritySearchVectorWithScore(vector, Math.min(k, index.manifest.chunks));
    return found.map(([doc, distance]) => ({ id: String(doc.metadata.id), similarity: 1 - distance }));
  };
}

/** Wraps an opened index into retrieval over LangChain's HNSWLib plus BM25. */
export function knowledgeBaseFrom(index: SearchIndex, config: Pick<AppConfig, 'noAnswerThreshold'>, opts: RetrieverOptions = {}): KnowledgeBase {
  const byAnyId = new Map<string, Entry>();
  for (const e of index.entries) for (const id of e.ids) byAnyId.set(id, e);
  return {
    entries: index.entries,
    categories: index.categories,
    manifest: index.manifest,
    tokenizer: index.tokenizer,
    embedder: index.embedder,
    retrieve: createRetriever(index.entries, vectorSearchOf(index), index.tokenizer, { ...opts, threshold: opts.threshold ?? config.noAnswerThreshold }),
    getEntry: (id) => byAnyId.get(id.trim().toUpperCase()),
  };
}

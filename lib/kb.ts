import { stat } from 'node:fs/promises';
import { getConfig, type AppConfig } from './config';
import { loadCorpus, type LoadedCorpus } from './corpus/load';
import type { FaqCategory, KbEntry } from './corpus/schema';
import { IndexError } from './errors';
import { buildIndex, type BuildOptions } from './index/build';
import { assertFresh, openIndex, type LoadedIndex } from './index/load';
import type { IndexManifest } from './index/manifest';
import { createRetriever, type RetrieverOptions, type VectorSearch } from './retrieval/retrieve';
import { setSynonyms, setUserDictionary } from './retrieval/tokenize';
import type { RetrieveFn } from './retrieval/types';

export interface KnowledgeBase {
  entries: KbEntry[];
  categories: FaqCategory[];
  manifest: IndexManifest;
  retrieve: RetrieveFn;
  /** Finds an entry by any of its ids, including merged duplicates (FAQ2.8 -> FAQ2.4). */
  getEntry(id: string): KbEntry | undefined;
  /** Set when the index was (re)built while loading, with the reason. */
  rebuilt?: string;
}

/** Text is segmented and normalised with the vocabulary the index was built with. */
function useVocabulary(v: { dictionary: string[]; synonyms: string[][] }): void {
  setUserDictionary(v.dictionary);
  setSynonyms(v.synonyms);
}

/** Reads the corpus and writes a fresh index; what `npm run ingest` does. */
export async function ingest(config: AppConfig, onProgress?: BuildOptions['onProgress']): Promise<{ corpus: LoadedCorpus; manifest: IndexManifest }> {
  const corpus = await loadCorpus(config);
  useVocabulary(corpus);
  const manifest = await buildIndex(corpus, config.indexDir, { embeddings: config.embeddings, onProgress });
  return { corpus, manifest };
}

/** Vector search over the index's chunks through LangChain's HNSWLib. */
export function vectorSearchOf(index: LoadedIndex): VectorSearch {
  return async (query, k) => {
    const vector = await index.embedder.embeddings.embedQuery(query);
    const found = await index.store.similaritySearchVectorWithScore(vector, Math.min(k, index.manifest.chunks));
    return found.map(([doc, distance]) => ({ id: String(doc.metadata.id), similarity: 1 - distance }));
  };
}

/** Wraps a loaded index into retrieval over LangChain's HNSWLib plus BM25. */
export function knowledgeBaseFrom(index: LoadedIndex, config: Pick<AppConfig, 'noAnswerThreshold'>, opts: RetrieverOptions = {}): KnowledgeBase {
  useVocabulary(index);
  const vectorSearch = vectorSearchOf(index);
  const byAnyId = new Map<string, KbEntry>();
  for (const e of index.entries) for (const id of e.ids) byAnyId.set(id, e);
  return {
    entries: index.entries,
    categories: index.categories,
    manifest: index.manifest,
    retrieve: createRetriever(index.entries, vectorSearch, { ...opts, threshold: opts.threshold ?? config.noAnswerThreshold }),
    getEntry: (id) => byAnyId.get(id.trim().toUpperCase()),
  };
}

/**
 * Opens the index, checking it against the corpus. A missing, corrupt or stale
 * index is rebuilt when the embedder is local (seconds, offline); with a remote
 * embedder it is an IndexError telling the user to run ingest.
 */
export async function loadKnowledgeBase(config: AppConfig = getConfig()): Promise<KnowledgeBase> {
  const corpus = await loadCorpus(config);
  let reason: string | undefined;
  try {
    const index = await openIndex(config.indexDir, config);
    assertFresh(index.manifest, corpus.inputsSha256);
    return knowledgeBaseFrom(index, config);
  } catch (e) {
    if (!(e instanceof IndexError) || config.embeddings.provider !== 'local') throw e;
    reason = e.message;
  }
  useVocabulary(corpus);
  await buildIndex(corpus, config.indexDir, { embeddings: config.embeddings });
  const kb = knowledgeBaseFrom(await openIndex(config.indexDir, config), config);
  return { ...kb, rebuilt: reason };
}

interface Cached {
  promise: Promise<KnowledgeBase>;
  stamp: string;
  checkedAt: number;
}

const g = globalThis as typeof globalThis & { __faqKnowledgeBase?: Cached };
const RECHECK_MS = 5_000;

async function inputsStamp(config: AppConfig): Promise<string> {
  const files = [config.corpusFile, config.relatedFile, config.dictionaryFile];
  const stats = await Promise.all(files.map((f) => stat(f).then((s) => `${s.size}:${s.mtimeMs}`, () => 'none')));
  return stats.join('|');
}

/**
 * The process-wide knowledge base, loaded once and memoised on globalThis (Next.js
 * may load this module more than once). A failed load is not cached, so the next
 * request retries instead of failing forever; an edited FAQ is picked up within seconds.
 */
export async function getKnowledgeBase(config: AppConfig = getConfig()): Promise<KnowledgeBase> {
  const now = Date.now();
  const cached = g.__faqKnowledgeBase;
  if (cached && now - cached.checkedAt < RECHECK_MS) return cached.promise;
  const stamp = await inputsStamp(config);
  if (cached && cached.stamp === stamp) {
    cached.checkedAt = now;
    return cached.promise;
  }
  const promise = loadKnowledgeBase(config);
  const entry: Cached = { promise, stamp, checkedAt: now };
  g.__faqKnowledgeBase = entry;
  promise.catch(() => {
    if (g.__faqKnowledgeBase === entry) g.__faqKnowledgeBase = undefined;
  });
  return promise;
}

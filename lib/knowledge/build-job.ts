import type { AppConfig } from '../config';
import type { Corpus } from '../corpus/load';
import { buildIndex } from '../index/build';
import type { IndexManifest } from '../index/manifest';
import { createTokenizer, type Tokenizer } from '../retrieval/tokenize';

/**
 * What a worker thread runs for each index build (build-worker.ts, search-worker.ts): what buildCorpusIndex
 * (ingest.ts) does, importing no more than the build needs. The tokenizer of the last vocabulary is kept:
 * rebuilds after an edit to the FAQ or its alternatives usually have the same dictionary and synonyms, and
 * loading jieba's dictionary takes a while.
 */
export function createBuildJob(): (corpus: Corpus, config: AppConfig) => Promise<IndexManifest> {
  let last: { key: string; tokenizer: Tokenizer } | null = null;
  return (corpus, config) => {
    const key = JSON.stringify([corpus.dictionary, corpus.synonyms]);
    if (last?.key !== key) last = { key, tokenizer: createTokenizer(corpus) };
    return buildIndex(corpus, config.indexDir, { embeddings: config.embeddings, tokenizer: last.tokenizer });
  };
}

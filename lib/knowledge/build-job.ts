import type { AppConfig } from '../config';
import type { Corpus } from '../corpus/load';
import { buildIndex } from '../index/build';
import type { IndexManifest } from '../index/manifest';
import { tokenizerFor } from '../retrieval/tokenize';

/**
 * What a worker thread runs for each index build (build-worker.ts, search-worker.ts): what buildCorpusIndex
 * (ingest.ts) does, importing no more than the build needs. The tokenizer of the last vocabulary is kept
 * (tokenizerFor): rebuilds after an edit to the FAQ or its alternatives usually have the same dictionary and synonyms.
 */
export function createBuildJob(): (corpus: Corpus, config: AppConfig) => Promise<IndexManifest> {
  return (corpus, config) => buildIndex(corpus, config.indexDir, { embeddings: config.embeddings, tokenizer: tokenizerFor(corpus), append: true });
}

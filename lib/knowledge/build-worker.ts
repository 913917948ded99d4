/**
 * Worker-thread entry: builds the indexes of corpora already read and validated, one message at a
 * time, for as long as the app runs (see build-thread.ts). Runs from source under tsx; posts
 * `ready`, then for every request its manifest or its error.
 */
import { parentPort } from 'node:worker_threads';
import type { AppConfig } from '../config';
import type { Corpus } from '../corpus/load';
import { buildIndex } from '../index/build';
import { createTokenizer, type Tokenizer } from '../retrieval/tokenize';

// The tokenizer of the last vocabulary is kept: rebuilds after an edit to the FAQ or its alternatives
// usually have the same dictionary and synonyms, and loading jieba's dictionary takes a while.
let last: { key: string; tokenizer: Tokenizer } | null = null;

parentPort!.on('message', async ({ id, corpus, config }: { id: number; corpus: Corpus; config: AppConfig }) => {
  try {
    const key = JSON.stringify([corpus.dictionary, corpus.synonyms]);
    if (last?.key !== key) last = { key, tokenizer: createTokenizer(corpus) };
    // What buildCorpusIndex (ingest.ts) does, importing no more than the build needs.
    const manifest = await buildIndex(corpus, config.indexDir, { embeddings: config.embeddings, tokenizer: last.tokenizer });
    parentPort!.postMessage({ type: 'done', id, manifest });
  } catch (e) {
    parentPort!.postMessage({ type: 'failed', id, message: e instanceof Error ? e.message : String(e) });
  }
});
parentPort!.postMessage({ type: 'ready' });

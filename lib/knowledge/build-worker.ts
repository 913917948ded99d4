/**
 * Worker-thread entry: builds the index of a corpus already read and validated (see
 * build-thread.ts). Runs from source under tsx; posts `started`, then the manifest or the error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AppConfig } from '../config';
import type { Corpus } from '../corpus/load';
import { buildIndex } from '../index/build';
import { createTokenizer } from '../retrieval/tokenize';

const { corpus, config } = workerData as { corpus: Corpus; config: AppConfig };
parentPort!.postMessage({ type: 'started' });
try {
  // What buildCorpusIndex (ingest.ts) does, importing no more than the build needs: a worker starts with an empty module cache.
  const manifest = await buildIndex(corpus, config.indexDir, { embeddings: config.embeddings, tokenizer: createTokenizer(corpus) });
  parentPort!.postMessage({ type: 'done', manifest });
} catch (e) {
  parentPort!.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
}

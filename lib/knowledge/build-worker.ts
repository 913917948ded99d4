/**
 * Worker-thread entry: builds the indexes of corpora already read and validated, one message at a
 * time, for as long as the app runs (see build-thread.ts). Runs from source under tsx; posts
 * `ready`, then for every request its manifest or its error.
 */
import { parentPort } from 'node:worker_threads';
import type { AppConfig } from '../config';
import type { Corpus } from '../corpus/load';
import { errorText } from '../errors';
import { createBuildJob } from './build-job';

const build = createBuildJob();

parentPort!.on('message', async (m: { type: 'build'; id: number; corpus: Corpus; config: AppConfig } | { type: 'close' }) => {
  // Told to close (closeWorker): no more messages; the thread exits once the build in flight is done.
  if (m.type === 'close') return parentPort!.close();
  const { id, corpus, config } = m;
  try {
    const manifest = await build(corpus, config);
    parentPort!.postMessage({ type: 'done', id, manifest });
  } catch (e) {
    parentPort!.postMessage({ type: 'failed', id, message: errorText(e) });
  }
});
parentPort!.postMessage({ type: 'ready' });

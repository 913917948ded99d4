import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AppConfig } from '../config';
import type { Corpus } from '../corpus/load';
import type { IndexManifest } from '../index/manifest';
import { buildCorpusIndex } from './ingest';

/** Where the worker entry is: like the config's relative paths, it is found from the working directory (the project). */
const WORKER_ENTRY = 'lib/knowledge/build-worker.ts';

/**
 * A worker's main script does not go through the parent's loader hooks (Node 20): the worker
 * registers tsx itself, then loads the entry. Source maps stay off, as in server.ts (tsx turns them on, and they cost memory).
 */
const bootstrap = (entry: string) =>
  `import('tsx/esm/api').then(({ register }) => { register(); process.setSourceMapsEnabled(false); return import(${JSON.stringify(pathToFileURL(entry).href)}); })`;

type WorkerMessage = { type: 'started' } | { type: 'done'; manifest: IndexManifest } | { type: 'failed'; message: string };

/**
 * Builds a corpus's index in a worker thread, so a running server keeps answering while it
 * embeds and writes (on the same thread a build of seconds is starved by the requests, and
 * stalls them). Where no worker can start (no tsx, another working directory), it builds
 * on this thread instead.
 */
export async function buildIndexOffThread(corpus: Corpus, config: AppConfig): Promise<IndexManifest> {
  const entry = path.resolve(process.cwd(), WORKER_ENTRY);
  const outcome = await new Promise<IndexManifest | 'no-worker'>((resolve, reject) => {
    let started = false;
    let worker: Worker;
    try {
      worker = new Worker(bootstrap(entry), { eval: true, workerData: { corpus, config } });
    } catch {
      return resolve('no-worker');
    }
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'started') started = true;
      else if (m.type === 'done') {
        resolve(m.manifest);
        void worker.terminate();
      } else reject(new Error(`index build failed: ${m.message}`));
    });
    worker.once('error', (e) => (started ? reject(e) : resolve('no-worker')));
    worker.once('exit', (code) => (started ? reject(new Error(`index build worker exited with ${code}`)) : resolve('no-worker')));
  });
  return outcome === 'no-worker' ? buildCorpusIndex(corpus, config) : outcome;
}

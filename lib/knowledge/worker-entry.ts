import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A worker's main script does not go through the parent's loader hooks (Node 20): the worker
 * registers tsx itself, then loads the entry. Source maps stay off, as in server.ts (tsx turns them on, and they cost memory).
 */
const bootstrap = (entry: string) =>
  `import('tsx/esm/api').then(({ register }) => { register(); process.setSourceMapsEnabled(false); return import(${JSON.stringify(pathToFileURL(entry).href)}); })`;

/**
 * Starts a worker thread running one of the project's TypeScript modules from source. Like the config's
 * relative paths, the entry is found from the working directory (the project). Throws where no worker
 * can start; a worker that cannot load its entry (no tsx, another working directory) fails with 'error'.
 */
export function startTsxWorker(entry: string): Worker {
  const worker = new Worker(bootstrap(path.resolve(process.cwd(), entry)), { eval: true });
  worker.unref();
  return worker;
}

/** How long a closing worker may take to finish what it is doing before it is terminated. */
const CLOSE_GRACE_MS = 10_000;

/** What a worker is told when it should finish what it is doing and exit: it closes its port, and exits when its work is done. */
export const CLOSE_MESSAGE = { type: 'close' } as const;

/**
 * Closes a worker started by startTsxWorker without cutting a native call short: terminating a worker while hnswlib reads or
 * writes an index on the thread pool kills the whole process when that work completes (「FATAL ERROR:
 * Error::ThrowAsJavaScriptException napi_throw」 from LoadHierarchicalNSWIndexWorker::OnOK, seen in the tests). The worker is told
 * to close its port (CLOSE_MESSAGE), exits once its in-flight work is done, and is terminated only if it has not after
 * CLOSE_GRACE_MS. Neither keeps the process alive.
 */
export function closeWorker(worker: Worker, graceMs = CLOSE_GRACE_MS): void {
  worker.postMessage(CLOSE_MESSAGE);
  setTimeout(() => void worker.terminate(), graceMs).unref();
}

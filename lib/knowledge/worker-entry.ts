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

import type { Worker } from 'node:worker_threads';
import type { AppConfig } from '../config';
import type { Corpus } from '../corpus/load';
import type { IndexManifest } from '../index/manifest';
import { buildCorpusIndex } from './ingest';
import { closeWorker, startTsxWorker } from './worker-entry';

const WORKER_ENTRY = 'lib/knowledge/build-worker.ts';

type WorkerMessage = { type: 'ready' } | { type: 'done'; id: number; manifest: IndexManifest } | { type: 'failed'; id: number; message: string };

export interface BuildThread {
  /** Builds a corpus's index off the main thread (on it, where no worker can start). */
  build(corpus: Corpus, config: AppConfig): Promise<IndexManifest>;
  /** Starts the worker now, so the first rebuild does not pay for loading its modules. */
  warm(): void;
  close(): void;
}

/**
 * One worker thread that builds indexes, started once and kept: a running server keeps answering
 * while it embeds and writes (on the same thread a build of seconds is starved by the requests,
 * and stalls them), and later rebuilds skip the seconds a fresh worker spends loading its modules
 * (so an alternative added on another instance is served within seconds). Where no worker can
 * start (no tsx, another working directory), it builds on this thread instead.
 */
export function createBuildThread(): BuildThread {
  let worker: Worker | null = null;
  let ready: Promise<boolean> | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve: (m: IndexManifest) => void; reject: (e: Error) => void }>();

  const start = (): Promise<boolean> => {
    ready ??= new Promise<boolean>((resolve) => {
      try {
        worker = startTsxWorker(WORKER_ENTRY);
      } catch {
        return resolve(false);
      }
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'ready') return resolve(true);
        const p = pending.get(m.id);
        pending.delete(m.id);
        if (m.type === 'done') p?.resolve(m.manifest);
        else p?.reject(new Error(`index build failed: ${m.message}`));
      });
      const fail = (e: Error) => {
        resolve(false);
        for (const p of pending.values()) p.reject(e);
        pending.clear();
        worker = null;
        ready = null;
      };
      worker.once('error', fail);
      worker.once('exit', (code) => fail(new Error(`index build worker exited with ${code}`)));
    });
    return ready;
  };

  return {
    async build(corpus, config) {
      if (!(await start()) || !worker) return buildCorpusIndex(corpus, config);
      const id = nextId++;
      const done = new Promise<IndexManifest>((resolve, reject) => pending.set(id, { resolve, reject }));
      worker.postMessage({ type: 'build', id, corpus, config });
      return done;
    },
    warm() {
      void start();
    },
    close() {
      if (worker) closeWorker(worker);
      worker = null;
      ready = null;
    },
  };
}

import type { Worker } from 'node:worker_threads';
import type { AppConfig } from '../config';
import type { Corpus } from '../corpus/load';
import { withoutIngestHint } from '../index/load';
import type { IndexManifest } from '../index/manifest';
import type { RetrievalResult, RetrieveOptions } from '../retrieval/types';
import { buildCorpusIndex } from './ingest';
import type { KnowledgeBase } from './knowledge-base';
import type { RemoteResult, SearchIndexConfig, SearchReply, SearchRequest } from './search-protocol';
import { closeWorker, startTsxWorker } from './worker-entry';

const WORKER_ENTRY = 'lib/knowledge/search-worker.ts';

/** What the search thread has done: whether it is serving, and how many retrievals it and this thread made. */
export interface SearchThreadStatus {
  /** starting: opening the index (this thread retrieves meanwhile); ready: retrieving; off: failed or closed (this thread retrieves). */
  state: 'starting' | 'ready' | 'off';
  /** Retrievals the worker made. */
  onThread: number;
  /** Retrievals made on this thread while the worker could not (starting, another index, a failure). */
  here: number;
}

export interface SearchThread {
  /**
   * The knowledge base with its retrieval moved to the search thread as soon as that thread has opened
   * the same index (same inputs); until then, and whenever the thread cannot answer, on this thread.
   */
  serve(kb: KnowledgeBase): KnowledgeBase;
  /**
   * Builds a corpus's index on the same worker (one thread's modules and memory serve both); retrievals go to this
   * thread meanwhile. On this thread where the worker cannot (failed, gone, also mid-build).
   */
  build(corpus: Corpus, config: AppConfig): Promise<IndexManifest>;
  status(): SearchThreadStatus;
  close(): void;
}

/** A result from the worker with each hit's entry taken from this thread's knowledge base; null if one is missing. */
function withEntries(result: RemoteResult, kb: Pick<KnowledgeBase, 'getEntry'>): RetrievalResult | null {
  const hits: RetrievalResult['hits'] = [];
  for (const h of result.hits) {
    const entry = kb.getEntry(h.id);
    if (!entry) return null;
    hits.push({ ...h, entry });
  }
  return { ...result, hits };
}

/**
 * One worker thread that retrieves for a running server. Retrieval is the CPU-heavy part of an offline
 * answer, and Node answers every request on one thread: on its own thread it runs beside the HTTP work
 * on the machine's second core. The worker opens the served index itself (a second copy in memory) and
 * answers only for the inputs hash it was asked for, so a rebuild never mixes two indexes; a request
 * the worker cannot answer (still opening, failed, gone) is retrieved on this thread, with the same result.
 */
export function createSearchThread(config: SearchIndexConfig): SearchThread {
  let worker: Worker | null = null;
  let failed = false;
  /** The inputs hash of the index the worker has open. */
  let openSha = '';
  let nextId = 0;
  const counts = { onThread: 0, here: 0 };
  const pending = new Map<number, (r: RemoteResult | null) => void>();
  /** Builds in flight on the worker; each settles with its manifest, or null to build on this thread instead. */
  const builds = new Map<number, (m: IndexManifest | Error | null) => void>();

  const stop = () => {
    worker = null;
    openSha = '';
    failed = true;
    for (const settle of pending.values()) settle(null);
    pending.clear();
    for (const settle of builds.values()) settle(null);
    builds.clear();
  };

  const start = (): Worker | null => {
    if (worker || failed) return worker;
    try {
      worker = startTsxWorker(WORKER_ENTRY);
    } catch {
      failed = true;
      return null;
    }
    worker.on('message', (m: SearchReply) => {
      if (m.type === 'built' || m.type === 'build-failed') {
        builds.get(m.id)?.(m.type === 'built' ? m.manifest : new Error(`index build failed: ${m.message}`));
        builds.delete(m.id);
      } else if (m.type === 'opened') openSha = m.sha;
      // The main thread goes on searching what it has (and rebuilds when it must): the ingest hint would send the operator astray.
      else if (m.type === 'open-failed') console.error(`[knowledge] 检索线程无法打开索引,改在主线程检索:${withoutIngestHint(m.message)}`);
      else if (m.type === 'result') {
        pending.get(m.id)?.(m.result);
        pending.delete(m.id);
      }
    });
    worker.once('error', (e) => {
      console.error('[knowledge] 检索线程出错,改在主线程检索', e);
      stop();
    });
    worker.once('exit', stop);
    return worker;
  };

  const ask = (w: Worker, sha: string, query: string, k: number | undefined): Promise<RemoteResult | null> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      w.postMessage({ type: 'retrieve', id, sha, query, k } satisfies SearchRequest);
    });

  return {
    serve(kb) {
      const sha = kb.manifest.inputsSha256;
      const w = start();
      if (!w) return kb;
      w.postMessage({ type: 'open', sha, config } satisfies SearchRequest);
      const local = kb.retrieve;
      const here = (query: string, opts?: RetrieveOptions) => {
        counts.here++;
        return local(query, opts);
      };
      const retrieve = async (query: string, opts?: RetrieveOptions): Promise<RetrievalResult> => {
        if (!worker || openSha !== sha || builds.size > 0) return here(query, opts);
        const remote = await ask(worker, sha, query, opts?.k);
        const result = remote && withEntries(remote, kb);
        if (!result) return here(query, opts);
        counts.onThread++;
        return result;
      };
      return { ...kb, retrieve: Object.assign(retrieve, { score: local.score, coverage: local.coverage }) };
    },
    async build(corpus, cfg) {
      const w = start();
      if (!w) return buildCorpusIndex(corpus, cfg);
      const id = nextId++;
      const done = await new Promise<IndexManifest | Error | null>((resolve) => {
        builds.set(id, resolve);
        w.postMessage({ type: 'build', id, corpus, config: cfg } satisfies SearchRequest);
      });
      if (done instanceof Error) throw done;
      return done ?? buildCorpusIndex(corpus, cfg);
    },
    status: () => ({ state: failed ? 'off' : openSha ? 'ready' : 'starting', ...counts }),
    close() {
      const w = worker;
      stop();
      if (w) closeWorker(w);
    },
  };
}

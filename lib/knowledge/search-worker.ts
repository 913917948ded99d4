/**
 * Worker-thread entry: answers retrievals for the main thread over the index the main thread serves
 * (see search-thread.ts). Opens that index itself when told its inputs' hash, and answers only for
 * that hash; anything else gets a null result, and the main thread retrieves itself. Also builds the
 * server's indexes (as build-worker.ts does), so one thread's modules serve both.
 */
import { parentPort } from 'node:worker_threads';
import { errorText } from '../errors';
import { openIndex } from '../index/load';
import type { RetrieveFn } from '../retrieval/types';
import { createBuildJob } from './build-job';
import { knowledgeBaseFrom } from './knowledge-base';
import type { RemoteResult, SearchReply, SearchRequest } from './search-protocol';

let current: { sha: string; retrieve: RetrieveFn } | null = null;
/** The index asked for last: an earlier open finishing later does not replace it. */
let wanted = '';
const post = (m: SearchReply) => parentPort!.postMessage(m);

async function open(sha: string, config: Extract<SearchRequest, { type: 'open' }>['config']): Promise<void> {
  wanted = sha;
  try {
    const index = await openIndex(config.indexDir, config, { inputsSha256: sha });
    if (wanted !== sha) return;
    const kb = knowledgeBaseFrom(index);
    // Ready means fast: what the first refusal or search would otherwise fit and read is done before the main thread is told.
    kb.warm();
    current = { sha, retrieve: kb.retrieve };
    post({ type: 'opened', sha });
  } catch (e) {
    post({ type: 'open-failed', sha, message: errorText(e) });
  }
}

async function retrieve(id: number, sha: string, query: string, k: number | undefined): Promise<void> {
  let result: RemoteResult | null = null;
  if (current?.sha === sha) {
    try {
      const r = await current.retrieve(query, k === undefined ? undefined : { k });
      result = { ...r, hits: r.hits.map((h) => ({ ...h, entry: null })) };
    } catch {
      result = null;
    }
  }
  post({ type: 'result', id, result });
}

const buildJob = createBuildJob();

async function build(id: number, corpus: Extract<SearchRequest, { type: 'build' }>['corpus'], config: Extract<SearchRequest, { type: 'build' }>['config']) {
  try {
    post({ type: 'built', id, manifest: await buildJob(corpus, config) });
  } catch (e) {
    post({ type: 'build-failed', id, message: errorText(e) });
  }
}

parentPort!.on('message', (m: SearchRequest) => {
  // Told to close (closeWorker): no more messages; the thread exits once what it is doing is done.
  if (m.type === 'close') parentPort!.close();
  else if (m.type === 'open') void open(m.sha, m.config);
  else if (m.type === 'retrieve') void retrieve(m.id, m.sha, m.query, m.k);
  else void build(m.id, m.corpus, m.config);
});
post({ type: 'ready' });

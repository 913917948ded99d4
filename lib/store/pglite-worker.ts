import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** What the Kysely dialect needs from PGlite: queries and close. */
export interface PGliteClient {
  query<R>(sql: string, params: unknown[]): Promise<{ rows: R[]; affectedRows?: number }>;
  close(): Promise<void>;
  readonly closed: boolean;
}

/**
 * The worker's code. PGlite runs PostgreSQL's C code compiled to WASM synchronously: on the
 * server's thread every commit (several milliseconds) would stall every request. In a worker
 * it costs the request path only a message. A commit has written its log when it returns, so a
 * process that dies without closing the database loses nothing it committed: PGlite runs
 * PostgreSQL in single-user mode, with no background writer, and with synchronous_commit off
 * (before round 19) nothing written since the server started survived a kill. Committing this
 * way costs about 0.07 ms more per commit. CommonJS so it runs as given (`eval`), wherever the
 * bundler put this module.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require(workerData.pglite);
const db = new PGlite(workerData.dataDir || undefined);
const ready = db.waitReady;
ready.catch(() => {});
parentPort.on('message', async (m) => {
  try {
    await ready;
    if (m.op === 'close') {
      await db.close();
      parentPort.postMessage({ id: m.id });
      return;
    }
    const r = await db.query(m.sql, m.params);
    parentPort.postMessage({ id: m.id, rows: r.rows, affectedRows: r.affectedRows });
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: { message: String((e && e.message) || e), code: e && e.code } });
  }
});
`;

type Pending = { resolve: (v: { rows: unknown[]; affectedRows?: number }) => void; reject: (e: Error) => void };

/** Starts PGlite (a directory, or memory when null) in a worker thread. */
export function startPgliteWorker(dataDir: string | null): PGliteClient {
  const pglite = createRequire(path.join(process.cwd(), 'package.json')).resolve('@electric-sql/pglite');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { pglite, dataDir } });
  const pending = new Map<number, Pending>();
  let next = 0;
  let closed = false;
  let failure: Error | null = null;
  const failAll = (e: Error) => {
    failure = e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on('message', (m: { id: number; rows?: unknown[]; affectedRows?: number; error?: { message: string; code?: string } }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error) p.reject(Object.assign(new Error(m.error.message), { code: m.error.code }));
    else p.resolve({ rows: m.rows ?? [], affectedRows: m.affectedRows });
  });
  worker.on('error', (e) => failAll(e));
  worker.on('exit', (code) => failAll(new Error(`PGlite worker exited (${code})`)));
  const send = (msg: Record<string, unknown>) =>
    new Promise<{ rows: unknown[]; affectedRows?: number }>((resolve, reject) => {
      if (failure) return reject(failure);
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...msg, id });
    });
  return {
    query: <R>(sql: string, params: unknown[]) => send({ op: 'query', sql, params }) as Promise<{ rows: R[]; affectedRows?: number }>,
    async close() {
      if (closed) return;
      closed = true;
      await send({ op: 'close' }).catch(() => {});
      await worker.terminate();
    },
    get closed() {
      return closed;
    },
  };
}

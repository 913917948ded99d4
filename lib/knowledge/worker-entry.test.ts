import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { closeWorker } from './worker-entry';

/** A worker that closes its port when told to, as the project's workers do, with `work` in flight from the start. */
const workerWith = (work: string) =>
  new Worker(
    `const { parentPort } = require('node:worker_threads');
     parentPort.on('message', (m) => { if (m.type === 'close') parentPort.close(); });
     ${work}`,
    { eval: true },
  );

describe('closeWorker', () => {
  it('lets the work in flight finish, and the worker exits by itself', async () => {
    const w = workerWith('setTimeout(() => {}, 300);');
    const started = Date.now();
    closeWorker(w);
    const [code] = await once(w, 'exit');
    expect(code).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('terminates a worker that does not finish within the grace period', async () => {
    const w = workerWith('setInterval(() => {}, 1000);');
    closeWorker(w, 200);
    const [code] = await once(w, 'exit');
    expect(code).toBe(1);
  });
});

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIndex } from './load';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
const cfg = { embeddings: { provider: 'local' as const, dim: 512 }, hnswEf: 64 };

/** Runs `npm run ingest`'s script in a child; kills it with SIGKILL after `killAfterMs` when given. */
function runIngest(indexDir: string, killAfterMs?: number): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/ingest.ts')], {
      cwd: root,
      env: { ...process.env, INDEX_DIR: indexDir },
      stdio: 'ignore',
    });
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, ms: Date.now() - started });
    });
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'faq-crash-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('ingest killed at random points', () => {
  it('always leaves a loadable index once one was built', async () => {
    const indexDir = path.join(dir, 'index');
    const first = await runIngest(indexDir);
    expect(first.code).toBe(0);
    const before = await openIndex(indexDir, cfg);
    // Kill points spread over a whole run: start-up, parsing, embedding, saving, swapping.
    const points = [0.2, 0.5, 0.7, 0.8, 0.85, 0.9, 0.95, 1.0].map((f) => Math.round(f * first.ms));
    for (const at of points) {
      await runIngest(indexDir, at);
      const after = await openIndex(indexDir, cfg);
      expect(after.manifest.entries).toBe(before.manifest.entries);
      expect(after.store.index.getCurrentCount()).toBe(before.manifest.chunks);
    }
  }, 120_000);
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startPgliteWorker } from './pglite-worker';

const dir = mkdtempSync(path.join(tmpdir(), 'faq-pglite-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the embedded database in its worker', () => {
  it('keeps what was committed when the process dies without closing it', async () => {
    const dataDir = path.join(dir, 'db');
    // A server killed (SIGKILL, an out-of-memory kill, a crash) right after its writes returned.
    const script = path.join(dir, 'crash.mts');
    writeFileSync(
      script,
      [
        `import { startPgliteWorker } from ${JSON.stringify(path.resolve('lib/store/pglite-worker.ts'))};`,
        `const db = startPgliteWorker(${JSON.stringify(dataDir)});`,
        `await db.query('create table t (v text)', []);`,
        `for (const v of ['a', 'b', 'c']) await db.query('insert into t (v) values ($1)', [v]);`,
        `process.kill(process.pid, 'SIGKILL');`,
      ].join('\n'),
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: process.cwd(), encoding: 'utf8', timeout: 60_000 });
    expect(run.signal).toBe('SIGKILL');
    const db = startPgliteWorker(dataDir);
    try {
      const { rows } = await db.query<{ v: string }>('select v from t order by v', []);
      expect(rows.map((r) => r.v)).toEqual(['a', 'b', 'c']);
    } finally {
      await db.close();
    }
  }, 90_000);
});

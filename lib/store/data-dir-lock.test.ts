import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock';

describe('lockDataDir', () => {
  it('keeps the directory to one process, and with its first taker when this process takes it again', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'faq-lock-'));
    const dir = path.join(root, 'db');
    try {
      const release = await lockDataDir(dir);
      // The store taking it again (npm start took it first) and letting it go, as after a failed open: still held.
      await (await lockDataDir(dir))();
      expect(existsSync(`${dir}.lock`)).toBe(true);
      await release();
      expect(existsSync(`${dir}.lock`)).toBe(false);
      // Another live process's lock (this test's parent) is refused; a dead one's is taken over.
      await writeFile(`${dir}.lock`, String(process.ppid));
      await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirLockedError);
      await writeFile(`${dir}.lock`, '999999999');
      await (await lockDataDir(dir))();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

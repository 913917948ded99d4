import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pidAlive } from '../store/data-dir-lock';

const PREFIX = 'faq-test-run-';

/**
 * The directories of earlier runs that were stopped before their end (Ctrl-C, a killed CI job: vitest's teardown did not run):
 * each holds the id of the run that made it; one whose run is gone is removed. A run still going (another checkout's) is left.
 */
export function removeAbandonedRuns(tmp: string): void {
  for (const name of readdirSync(tmp)) {
    if (!name.startsWith(PREFIX)) continue;
    const owner = path.join(tmp, name, 'owner.pid');
    const pid = existsSync(owner) ? Number(readFileSync(owner, 'utf8')) : Number.NaN;
    if (Number.isInteger(pid) && !pidAlive(pid)) rmSync(path.join(tmp, name), { recursive: true, force: true });
  }
}

/**
 * Vitest global setup: every temporary directory the tests make, and the servers, evals and workers they start make, goes
 * under one directory per run (TMPDIR, which os.tmpdir() reads and child processes inherit), removed when the run ends.
 * A test that forgets its own clean-up, or a server killed mid-write, then leaves nothing behind on the machine: before
 * this, every run left hundreds of megabytes of indexes and databases in /tmp, and round 24's CI failed on a full disk.
 */
export default function setup(): () => void {
  const tmp = os.tmpdir();
  removeAbandonedRuns(tmp);
  const dir = mkdtempSync(path.join(tmp, PREFIX));
  writeFileSync(path.join(dir, 'owner.pid'), String(process.pid));
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}

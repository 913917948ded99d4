import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Vitest global setup: every temporary directory the tests make, and the servers, evals and workers they start make, goes
 * under one directory per run (TMPDIR, which os.tmpdir() reads and child processes inherit), removed when the run ends.
 * A test that forgets its own clean-up, or a server killed mid-write, then leaves nothing behind on the machine: before
 * this, every run left hundreds of megabytes of indexes and databases in /tmp.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'faq-test-run-'));
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Points this test process at a fresh index directory (and any other settings) before
 * lib/config is first read. Call at the top of a test file, before importing routes.
 */
export function isolateEnv(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'faq-test-'));
  process.env.INDEX_DIR = path.join(dir, 'index');
  for (const [k, v] of Object.entries(extra)) process.env[k] = v;
  return dir;
}

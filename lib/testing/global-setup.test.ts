import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { removeAbandonedRuns } from './global-setup';

it('removes the directory of a test run that was stopped before its end, and keeps one whose run is still going', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'runs-'));
  const run = (name: string, pid: number) => {
    mkdirSync(path.join(tmp, name));
    writeFileSync(path.join(tmp, name, 'owner.pid'), String(pid));
    return path.join(tmp, name);
  };
  // A process id far above any this machine hands out: no such process.
  const abandoned = run('faq-test-run-abandoned', 2 ** 30);
  const going = run('faq-test-run-going', process.pid);
  const other = run('something-else', 2 ** 30);
  removeAbandonedRuns(tmp);
  expect([existsSync(abandoned), existsSync(going), existsSync(other)]).toEqual([false, true, true]);
  rmSync(tmp, { recursive: true, force: true });
});

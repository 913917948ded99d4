import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { createTestPglite } from './test-store';

const root = path.resolve(import.meta.dirname, '../..');
const nextBin = path.join(root, 'node_modules/next/dist/bin/next');

function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    if (name.name === 'node_modules' || name.name.startsWith('.')) continue;
    const p = path.join(dir, name.name);
    if (name.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(tsx?|css|js)$/.test(name.name) && !/\.test\.ts$/.test(name.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * A fake API key present in the environment of every build the tests make, so a test can
 * check that no secret value ends up in the browser bundle (e2e/app.e2e.test.ts).
 */
export const CANARY_KEY = 'sk-canary-9f3c1e7d-never-in-the-bundle';
const MARKER = '.next/canary-build';

/** The pid written into a build lock, or null when there is none (yet) or it is not a pid. */
function lockOwner(lock: string): number | null {
  try {
    const pid = Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Whether a build lock was left behind: its owner is gone, or it is older than any build takes
 * (a pid reused after a restart looks alive). Without a pid (just created) it is not stale.
 */
function lockIsStale(lock: string): { stale: boolean; owner: number | null } {
  const owner = lockOwner(lock);
  let age = 0;
  try {
    age = Date.now() - statSync(lock).mtimeMs;
  } catch {
    return { stale: false, owner };
  }
  if (age > 30 * 60_000) return { stale: true, owner };
  if (owner === null) return { stale: age > 10 * 60_000, owner };
  try {
    process.kill(owner, 0);
    return { stale: false, owner };
  } catch (e) {
    return { stale: (e as NodeJS.ErrnoException).code === 'ESRCH', owner };
  }
}

/** Removes a stale lock, unless another worker replaced it meanwhile (its owner would differ). */
function reapLock(lock: string, owner: number | null): void {
  if (lockOwner(lock) === owner) rmSync(lock, { recursive: true, force: true });
}

/**
 * Runs `next build` (with CANARY_KEY as OPENAI_API_KEY) unless .next is newer than every
 * source file and was built that way. A lock directory keeps two workers from building at once.
 */
export function ensureBuilt(): void {
  const buildId = path.join(root, '.next/BUILD_ID');
  const marker = path.join(root, MARKER);
  const lock = path.join(root, '.next-build.lock');
  const fresh = () =>
    existsSync(buildId) &&
    existsSync(marker) &&
    statSync(buildId).mtimeMs >
      Math.max(
        newestSource(path.join(root, 'app')),
        newestSource(path.join(root, 'lib')),
        statSync(path.join(root, 'next.config.ts')).mtimeMs,
        statSync(path.join(root, 'proxy.ts')).mtimeMs,
      );
  for (let waited = 0; ; waited += 500) {
    if (fresh()) return;
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      // A lock whose builder has died (a killed run, a restarted machine) would block every later run.
      const { stale, owner } = lockIsStale(lock);
      if (stale) reapLock(lock, owner);
      if (waited > 300_000) throw new Error('timed out waiting for another next build');
      spawnSync('sleep', ['0.5']);
    }
  }
  try {
    if (fresh()) return;
    const r = spawnSync(process.execPath, [nextBin, 'build'], {
      cwd: root,
      env: { ...process.env, OPENAI_API_KEY: CANARY_KEY, NODE_ENV: 'production' },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`next build failed:\n${r.stdout}\n${r.stderr}`);
    writeFileSync(marker, CANARY_KEY);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the production server (`npm start`, server.ts) on a free loopback port and waits until
 * /api/health answers. Unless `env` names a database (DB_DIR, DATABASE_URL), it gets a fresh
 * embedded one of its own, removed when it stops.
 */
export async function startNextServer(env: Record<string, string> = {}, timeoutMs = 60_000): Promise<RunningServer> {
  const port = await freePort();
  const db = env.DB_DIR || env.DATABASE_URL ? null : await createTestPglite();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server.ts')], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOSTNAME: '127.0.0.1', ...db?.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited early:\n${log}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`next start did not become healthy:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }).then(() => db?.drop()),
  };
}

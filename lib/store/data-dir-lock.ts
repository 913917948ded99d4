import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Whether a process with this id is running (signal 0 only asks; EPERM: running, another user's). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Another live process holds the embedded database's directory. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: number,
  ) {
    super(`数据库目录 ${dataDir} 正被另一个进程(pid ${holder})使用:嵌入式数据库一次只能由一个进程打开,请先停止它或设置 DATABASE_URL 使用 PostgreSQL。`);
    this.name = 'DataDirLockedError';
  }
}

/**
 * PGlite is one process's database: a second process opening the same directory would corrupt it. A pid file beside the
 * directory keeps it to one (a dead holder's file is taken over; taken again by this process, it stays with its first taker). `npm start` takes it before it
 * listens, so a second server on the same directory stops at once with this message instead of answering without recording;
 * the store takes it again when it opens. Returns the release.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lock = `${dataDir}.lock`;
  await mkdir(path.dirname(lock), { recursive: true });
  const holder = Number(await readFile(lock, 'utf8').catch(() => ''));
  // Taken already by this process (npm start, before the store opens): whoever took it first lets it go, so a store that fails to
  // open does not free the directory for a second server while this one still runs.
  if (holder === process.pid) return async () => {};
  if (holder && pidAlive(holder)) throw new DataDirLockedError(dataDir, holder);
  await writeFile(lock, String(process.pid));
  return () => rm(lock, { force: true });
}

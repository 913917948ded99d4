import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a directory so that readers see either the old or the new one, never a mix.
 * `target` is a symlink to a versioned sibling (`<name>.v-<stamp>`); the new version is
 * written in full under a temporary name (`<name>.tmp-<stamp>`) and renamed to its version
 * name, then a fresh symlink is renamed over `target` (rename is atomic), then every other
 * version but the previous one is removed (the previous one stays, so a reader that resolved
 * the old link a moment ago still finds its files). A crash at any point leaves the previous
 * index usable; its half-written `.tmp-` directory is removed by a later write.
 *
 * @example
 * await writeDirAtomically('.data/index', async (dir) => { await store.save(dir); });
 */
export async function writeDirAtomically(target: string, write: (dir: string) => Promise<void>): Promise<string> {
  const parent = path.dirname(path.resolve(target));
  const base = path.basename(target);
  await mkdir(parent, { recursive: true });
  const stamp = `${Date.now().toString(36)}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const versionDir = path.join(parent, `${base}.v-${stamp}`);
  const tmpDir = path.join(parent, `${base}.tmp-${stamp}`);
  const tmpLink = path.join(parent, `${base}.link-${stamp}`);
  let previous: string | null;
  try {
    await write(tmpDir);
    await rename(tmpDir, versionDir);
    await symlink(path.basename(versionDir), tmpLink);
    previous = await replaceTarget(target, tmpLink);
  } catch (e) {
    await rm(tmpDir, { recursive: true, force: true });
    await rm(versionDir, { recursive: true, force: true });
    await rm(tmpLink, { force: true });
    throw e;
  }
  await removeOldVersions(target, [path.basename(versionDir), previous ?? '']);
  return versionDir;
}

/** Swaps the link into place; returns the name of the version it replaced, to be removed. */
async function replaceTarget(target: string, tmpLink: string): Promise<string | null> {
  const existing = await lstat(target).catch(() => null);
  if (existing && !existing.isSymbolicLink()) {
    // A plain directory (older layout or hand-made) cannot be replaced by rename: move it aside first.
    const aside = `${path.basename(target)}.v-legacy-${Date.now().toString(36)}`;
    await rename(target, path.join(path.dirname(target), aside));
    await rename(tmpLink, target);
    return aside;
  }
  const previous = existing ? await readlink(target) : null;
  await rename(tmpLink, target);
  return previous && !path.isAbsolute(previous) ? previous : null;
}

/** A temporary directory or link another process may still be writing is younger than this; older ones are leftovers of a crash. */
const IN_PROGRESS_MS = 60_000;

/**
 * Removes every finished version but the kept ones and whatever `target` points to now (another
 * process may have swapped in its own a moment ago), and temporary leftovers of crashed writers.
 */
async function removeOldVersions(target: string, keep: string[]): Promise<void> {
  const parent = path.dirname(path.resolve(target));
  const base = path.basename(target);
  const current = await readlink(target).catch(() => '');
  const cutoff = Date.now() - IN_PROGRESS_MS;
  for (const name of await readdir(parent)) {
    if (keep.includes(name) || name === current) continue;
    const finished = name.startsWith(`${base}.v-`);
    if (!finished && !name.startsWith(`${base}.tmp-`) && !name.startsWith(`${base}.link-`)) continue;
    const st = await lstat(path.join(parent, name)).catch(() => null);
    if (st && (finished || st.mtimeMs < cutoff)) await rm(path.join(parent, name), { recursive: true, force: true }).catch(() => undefined);
  }
}

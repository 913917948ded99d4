import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { StoreConfig } from '../config';

/** A fresh, empty database of one kind for one test file. */
export interface TestDatabase {
  config: StoreConfig;
  /** The same as environment variables, for a spawned server. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export interface StoreTarget {
  name: 'pglite' | 'postgres';
  create(): Promise<TestDatabase>;
}

const root = path.resolve(import.meta.dirname, '../..');
const pgliteVersion = (JSON.parse(readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }).version;

/**
 * An initialised, empty PGlite directory made once per test run (os.tmpdir() is the run's own directory, see
 * global-setup.ts) and PGlite version: a fresh PGlite runs initdb (several seconds); copying this one and opening it
 * takes about one.
 */
async function pgliteTemplate(): Promise<string> {
  const dir = path.join(os.tmpdir(), `faq-pglite-template-${pgliteVersion}`);
  const done = path.join(dir, '.ready');
  const lock = `${dir}.lock`;
  for (let waited = 0; !existsSync(done); waited += 200) {
    try {
      mkdirSync(lock);
    } catch {
      if (waited > 120_000) throw new Error('timed out waiting for the PGlite template');
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    try {
      if (existsSync(done)) break;
      rmSync(dir, { recursive: true, force: true });
      const { PGlite } = await import('@electric-sql/pglite');
      const db = new PGlite(dir);
      await db.waitReady;
      await db.close();
      mkdirSync(done);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return dir;
}

const pglite: StoreTarget = {
  name: 'pglite',
  async create() {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'faq-store-'));
    const dataDir = path.join(tmp, 'db');
    await cp(await pgliteTemplate(), dataDir, { recursive: true, filter: (src) => !src.endsWith('.ready') });
    return { config: { kind: 'pglite', dataDir }, env: { DB_DIR: dataDir }, drop: () => rm(tmp, { recursive: true, force: true }) };
  },
};

/** PostgreSQL at TEST_DATABASE_URL: each test file gets its own database, dropped afterwards. */
function postgres(adminUrl: string): StoreTarget {
  return {
    name: 'postgres',
    async create() {
      const { default: pg } = await import('pg');
      const name = `faq_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return {
        config: { kind: 'postgres', url: url.toString() },
        env: { DATABASE_URL: url.toString() },
        async drop() {
          const c = new pg.Client({ connectionString: adminUrl });
          await c.connect();
          await c.query(`drop database if exists ${name} with (force)`);
          await c.end();
        },
      };
    },
  };
}

/** The URL of a PostgreSQL the tests may create databases on (.ci/run sets it). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;
if (!TEST_DATABASE_URL && process.env.CI) throw new Error('TEST_DATABASE_URL is not set (CI is set): .ci/run starts PostgreSQL and sets it');

/**
 * The stores the store tests run against: PGlite always, PostgreSQL when TEST_DATABASE_URL is set.
 *
 * @example
 * describe.each(storeTargets())('$name store', (target) => { … await target.create() … });
 */
export function storeTargets(): StoreTarget[] {
  return TEST_DATABASE_URL ? [pglite, postgres(TEST_DATABASE_URL)] : [pglite];
}

/** A fresh embedded (PGlite) database. */
export const createTestPglite = (): Promise<TestDatabase> => pglite.create();

/** A fresh PostgreSQL database, or null without TEST_DATABASE_URL. */
export const createTestPostgres = (): Promise<TestDatabase> | null => (TEST_DATABASE_URL ? postgres(TEST_DATABASE_URL).create() : null);

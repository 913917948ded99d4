import { EventEmitter } from 'node:events';
import { mkdir } from 'node:fs/promises';
import { Kysely, PostgresDialect } from 'kysely';
import type { StoreConfig } from '../config';
import { lockDataDir } from './data-dir-lock';
import { migrateToLatest } from './migrations';
import { PGliteDialect } from './pglite-dialect';
import { startPgliteWorker } from './pglite-worker';
import type { Database } from './schema';

/** The channel on which instances tell each other that the added alternatives changed. */
export const CHANGES_CHANNEL = 'faq_alternatives_changed';

/** An open, migrated database and the way instances tell each other about changes. */
export interface OpenDatabase {
  kind: StoreConfig['kind'];
  db: Kysely<Database>;
  /** Tells every instance (this one included) that the alternatives changed. */
  notifyChange(): Promise<void>;
  /** Called on every change notice, and after a lost PostgreSQL listener reconnects (a notice may have been missed). */
  onChange(listener: () => void): () => void;
  close(): Promise<void>;
}

function subscribe(events: EventEmitter, listener: () => void): () => void {
  events.on('change', listener);
  return () => events.off('change', listener);
}

async function openPglite(dataDir: string | null, events: EventEmitter): Promise<OpenDatabase> {
  const unlock = dataDir ? await lockDataDir(dataDir) : async () => {};
  let db: Kysely<Database> | undefined;
  try {
    if (dataDir) await mkdir(dataDir, { recursive: true });
    db = new Kysely<Database>({ dialect: new PGliteDialect(startPgliteWorker(dataDir)) });
    await migrateToLatest(db as Kysely<unknown>);
  } catch (e) {
    await db?.destroy().catch(() => {});
    await unlock();
    throw e;
  }
  const open = db;
  return {
    kind: 'pglite',
    db: open,
    notifyChange: async () => void events.emit('change'),
    onChange: (l) => subscribe(events, l),
    close: async () => {
      await open.destroy();
      await unlock();
    },
  };
}

async function openPostgres(url: string, events: EventEmitter): Promise<OpenDatabase> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 5, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000, query_timeout: 10_000 });
  // An idle client losing its server must not crash the process: the next query reports it.
  pool.on('error', (e) => console.error('[store] PostgreSQL connection lost', e.message));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  let closed = false;
  let listener: InstanceType<typeof pg.Client> | null = null;
  let retry: NodeJS.Timeout | undefined;
  const listen = async (attempt: number) => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    const again = () => {
      if (closed || listener !== client) return;
      listener = null;
      retry = setTimeout(() => void listen(attempt + 1), Math.min(5_000, 250 * 2 ** attempt));
      retry.unref();
    };
    listener = client;
    client.on('error', again);
    client.on('end', again);
    client.on('notification', (n) => {
      if (n.channel === CHANGES_CHANNEL) events.emit('change');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
      // Changes made while the listener was away were not heard: reload once.
      if (attempt > 0) events.emit('change');
      attempt = 0;
    } catch {
      client.end().catch(() => {});
      again();
    }
  };
  await listen(0);
  return {
    kind: 'postgres',
    db,
    notifyChange: async () => {
      await pool.query('select pg_notify($1, $2)', [CHANGES_CHANNEL, String(Date.now())]);
    },
    onChange: (l) => subscribe(events, l),
    close: async () => {
      closed = true;
      clearTimeout(retry);
      await listener?.end().catch(() => {});
      await db.destroy();
    },
  };
}

/** Opens the configured database and brings its schema up to date (migrations run on every open). */
export async function openDatabase(config: StoreConfig): Promise<OpenDatabase> {
  const events = new EventEmitter();
  events.setMaxListeners(50);
  return config.kind === 'postgres' ? openPostgres(config.url, events) : openPglite(config.dataDir, events);
}

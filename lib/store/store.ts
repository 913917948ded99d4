import { EventEmitter } from 'node:events';
import type { StoreConfig } from '../config';
import type { AddedAlternative } from '../corpus/entry-key';
import { errorText } from '../errors';
import { addAlternatives, listAlternatives, removeAlternatives } from './alternatives';
import { conversationExchanges, deleteConversation, listConversations, renameConversation, writeExchanges } from './conversations';
import { setFeedback } from './feedback';
import { insights } from './insights';
import { listMisses, reopenMisses, reopenMissesAsked, resolveMisses } from './misses';
import { type OpenDatabase, openDatabase } from './open';
import { purgeOlderThan } from './retention';
import type { ConversationSummary, DateRange, ExchangeRecord, Feedback, InsightsData, MissQuestion, StoredExchange } from './types';

/** What /api/health says about the database. */
export interface StoreStatus {
  kind: StoreConfig['kind'];
  state: 'closed' | 'opening' | 'ok' | 'error';
  error?: { message: string; at: string };
}

/**
 * The app's database: conversations, feedback, admin-added alternatives and the miss queue.
 * Opened (and migrated) on first use; after a failure the next call tries again.
 */
export interface Store {
  readonly kind: StoreConfig['kind'];
  /** Opens the database and runs the migrations, if not done yet. */
  ready(): Promise<void>;
  status(): StoreStatus;
  recordExchanges(records: ExchangeRecord[]): Promise<void>;
  listConversations(clientId: string, limit?: number, offset?: number): Promise<ConversationSummary[]>;
  /** Null when this client has no such conversation (another client's is never returned). */
  conversation(clientId: string, conversationId: string): Promise<StoredExchange[] | null>;
  deleteConversation(clientId: string, conversationId: string): Promise<boolean>;
  /** False when this client has no such conversation. */
  renameConversation(clientId: string, conversationId: string, title: string): Promise<boolean>;
  /** False when the exchange is not this client's. */
  setFeedback(clientId: string, exchangeId: string, feedback: Feedback): Promise<boolean>;
  /** The alternative questions admins added, each with its entry's id and what the entry said then (lib/corpus/entry-key.ts). */
  alternatives(): Promise<AddedAlternative[]>;
  /** Adds alternative questions to an entry (with what it says, `entryKey`) and tells every instance. Returns how many were new. */
  addAlternatives(entryId: string, questions: string[], entryKey?: string): Promise<number>;
  /** Removes alternative questions added to an entry and tells every instance. Returns how many were removed. */
  removeAlternatives(entryId: string, questions: string[]): Promise<number>;
  /** Called when any instance changed the alternatives (and once the database first opens). */
  onAlternativesChanged(listener: () => void): () => void;
  misses(range?: DateRange, opts?: { limit?: number; includeAttached?: boolean; matching?: string }): Promise<MissQuestion[]>;
  resolveMisses(exchangeIds: string[], status: 'attached' | 'uncovered', entryId?: string): Promise<number>;
  /** Puts questions attached to `entryId` back in the miss queue. */
  reopenMisses(exchangeIds: string[], entryId: string): Promise<number>;
  /** Puts questions attached to `entryId` back in the miss queue, found by their words. */
  reopenMissesAsked(entryId: string, questions: string[]): Promise<number>;
  insights(range?: DateRange): Promise<InsightsData>;
  purgeOlderThan(days: number): Promise<number>;
  close(): Promise<void>;
}

const RETRY_AFTER_MS = 1_000;

/**
 * The store for a config: PGlite in a directory (the default) or memory, or PostgreSQL.
 *
 * @example
 * const store = createStore({ kind: 'pglite', dataDir: '.data/db' });
 * await store.recordExchanges([record]);
 * const list = await store.listConversations(clientId);
 */
export function createStore(config: StoreConfig): Store {
  const events = new EventEmitter();
  events.setMaxListeners(50);
  let opening: Promise<OpenDatabase> | null = null;
  let failedAt = 0;
  let lastError: Error | null = null;
  let closed = false;
  const status: StoreStatus = { kind: config.kind, state: 'closed' };

  const open = (): Promise<OpenDatabase> => {
    if (closed) return Promise.reject(new Error('store closed'));
    if (!opening && lastError && Date.now() - failedAt < RETRY_AFTER_MS) return Promise.reject(lastError);
    opening ??= (async () => {
      status.state = 'opening';
      try {
        const handle = await openDatabase(config);
        handle.onChange(() => events.emit('change'));
        Object.assign(status, { state: 'ok', error: undefined });
        lastError = null;
        events.emit('change');
        return handle;
      } catch (e) {
        opening = null;
        failedAt = Date.now();
        // Said once per outage in the server's log, not only in /api/health: whoever deploys reads the log (a wrong DATABASE_URL
        // password answered every question and logged nothing until records were dropped, minutes later).
        if (!lastError) console.error(`[store] 无法打开数据库(${config.kind}):${errorText(e)};记录先留在内存中,稍后重试。`);
        lastError = e instanceof Error ? e : new Error(String(e));
        Object.assign(status, { state: 'error', error: { message: lastError.message, at: new Date().toISOString() } });
        throw e;
      }
    })();
    return opening;
  };
  /** Runs an operation on the open database; a failure is remembered for /api/health. */
  const use = async <T>(fn: (h: OpenDatabase) => Promise<T>): Promise<T> => {
    const handle = await open();
    try {
      const out = await fn(handle);
      if (status.state === 'error') Object.assign(status, { state: 'ok', error: undefined });
      return out;
    } catch (e) {
      Object.assign(status, { state: 'error', error: { message: errorText(e), at: new Date().toISOString() } });
      throw e;
    }
  };

  return {
    kind: config.kind,
    ready: () => open().then(() => undefined),
    status: () => ({ ...status }),
    recordExchanges: (records) => use((h) => writeExchanges(h.db, records)),
    listConversations: (clientId, limit, offset) => use((h) => listConversations(h.db, clientId, limit, offset)),
    conversation: (clientId, id) => use((h) => conversationExchanges(h.db, clientId, id)),
    deleteConversation: (clientId, id) => use((h) => deleteConversation(h.db, clientId, id)),
    renameConversation: (clientId, id, title) => use((h) => renameConversation(h.db, clientId, id, title)),
    setFeedback: (clientId, exchangeId, feedback) => use((h) => setFeedback(h.db, clientId, exchangeId, feedback)),
    alternatives: () => use((h) => listAlternatives(h.db)),
    addAlternatives: (entryId, questions, entryKey) =>
      use(async (h) => {
        const added = await addAlternatives(h.db, entryId, questions, entryKey);
        if (added > 0) await h.notifyChange();
        return added;
      }),
    removeAlternatives: (entryId, questions) =>
      use(async (h) => {
        const removed = await removeAlternatives(h.db, entryId, questions);
        if (removed > 0) await h.notifyChange();
        return removed;
      }),
    onAlternativesChanged(listener) {
      events.on('change', listener);
      return () => events.off('change', listener);
    },
    misses: (range, opts) => use((h) => listMisses(h.db, range, opts)),
    resolveMisses: (ids, s, entryId) => use((h) => resolveMisses(h.db, ids, s, entryId)),
    reopenMisses: (ids, entryId) => use((h) => reopenMisses(h.db, ids, entryId)),
    reopenMissesAsked: (entryId, questions) => use((h) => reopenMissesAsked(h.db, entryId, questions)),
    insights: (range) => use((h) => insights(h.db, range)),
    purgeOlderThan: (days) => use((h) => purgeOlderThan(h.db, days)),
    async close() {
      closed = true;
      const handle = await opening?.catch(() => null);
      opening = null;
      status.state = 'closed';
      await handle?.close();
    },
  };
}

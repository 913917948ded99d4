import type { Store } from '../store/store';
import type { ConversationLog } from './log';

/** What /api/health says about the database and the conversation log. */
export interface StoreHealth {
  kind: Store['kind'];
  state: ReturnType<Store['status']>['state'];
  /** When the current database error was first seen (its message stays in the server log). */
  errorSince?: string;
  log: { written: number; failed: number; dropped: number; queued: number; lastErrorAt?: string } | null;
}

/** The store's state and the log's counters, without error messages: /api/health is public, database errors name hosts and users. */
export function storeHealth(store: Store | null, log: ConversationLog | null): StoreHealth | null {
  if (!store) return null;
  const status = store.status();
  const stats = log?.stats();
  return {
    kind: status.kind,
    state: status.state,
    ...(status.error ? { errorSince: status.error.at } : {}),
    log: stats
      ? {
          written: stats.written,
          failed: stats.failed,
          dropped: stats.dropped,
          queued: stats.queued,
          ...(stats.lastError ? { lastErrorAt: stats.lastError.at } : {}),
        }
      : null,
  };
}

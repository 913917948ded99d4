import { errorText } from '../errors';
import type { LogStats } from './types';

export interface WriteQueue<T> {
  /** Queues an item; false (and counted as dropped) when the queue is full. Never throws, never waits. */
  enqueue(item: T): boolean;
  stats(): LogStats;
  /** Resolves once everything queued so far has been written or has failed (tests, shutdown). */
  flush(): Promise<void>;
}

export interface WriteQueueOptions {
  /** Items held at most; past it new items are dropped, so a slow database cannot grow memory. */
  max?: number;
  /** Items written per batch at most. */
  batch?: number;
  /**
   * How long the first item waits for others to join its batch. Under load the batches grow with
   * it: an embedded PGlite commit of realistic exchanges costs about 0.6 ms a row in batches of 8,
   * 0.33 ms in batches of 40 and 0.23 ms in batches of 200 (measured on this 2-core machine), CPU
   * the answers need. A reader does not wait for it: `flush` writes at once.
   */
  delayMs?: number;
  /**
   * Waits before writing a failed batch again, one per attempt: a database that restarts or a network that blips for a few
   * seconds loses nothing. Empty (the default): a failed batch is counted and dropped at once.
   */
  retryDelaysMs?: number[];
  onError?: (e: unknown, lost: number) => void;
}

/**
 * Whether the database rejected a write for the data it holds (SQLSTATE class 22, data exception: a NUL character, an
 * unsupported Unicode escape, a value out of range; class 23, a broken constraint): written again, it fails again.
 */
export function rejectsData(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
}

/**
 * Fire-and-forget writes in batches, one batch at a time, off the request path: the caller
 * only pushes to an array. A failed batch is written again an item at a time: an item the database rejects as data is counted
 * (and reported to `onError`) and dropped at once; the others that fail (an outage) are written again after each of
 * `retryDelaysMs`, then counted and dropped. A full queue drops new items and counts them.
 *
 * @example
 * const log = createWriteQueue((batch) => store.recordExchanges(batch));
 * log.enqueue(record); // returns at once
 */
export function createWriteQueue<T>(write: (batch: T[]) => Promise<void>, opts: WriteQueueOptions = {}): WriteQueue<T> {
  const max = opts.max ?? 2_000;
  const batchSize = opts.batch ?? 500;
  const delayMs = opts.delayMs ?? 250;
  const retryDelays = opts.retryDelaysMs ?? [];
  /** Failed attempts at the batch at the head of the queue, and the timer of the next one. */
  let attempts = 0;
  let backoff: NodeJS.Timeout | undefined;
  const items: T[] = [];
  const stats: LogStats = { written: 0, failed: 0, dropped: 0, queued: 0 };
  let running = false;
  let scheduled = false;
  let timer: NodeJS.Timeout | undefined;
  /** Items accepted so far: a flush waits until as many have been written or have failed. */
  let accepted = 0;
  const done = () => stats.written + stats.failed;
  let waiting: { upTo: number; resolve: () => void }[] = [];

  const wake = () => {
    waiting = waiting.filter((w) => {
      if (done() < w.upTo) return true;
      w.resolve();
      return false;
    });
  };

  /** What a failed write of `batch` leaves: the items to write again (an outage) and how many the database rejected as data. */
  const sorted = (batch: T[], error: unknown) => (rejectsData(error) ? { retry: [], rejected: batch.length, error } : { retry: batch, rejected: 0, error });
  /**
   * Writes each item on its own, in order, until one fails other than as data (an outage): that one and the rest are to be
   * written again, so nothing is written out of order.
   */
  const oneByOne = async (batch: T[]): Promise<{ retry: T[]; rejected: number; error: unknown }> => {
    let rejected = 0;
    let error: unknown;
    for (const [i, item] of batch.entries()) {
      try {
        await write([item]);
      } catch (e) {
        error = e;
        if (!rejectsData(e)) return { retry: batch.slice(i), rejected, error };
        rejected++;
      }
    }
    return { retry: [], rejected, error };
  };

  const run = async () => {
    clearTimeout(timer);
    backoff = undefined;
    scheduled = false;
    running = true;
    while (items.length > 0) {
      const batch = items.splice(0, batchSize);
      try {
        await write(batch);
        stats.written += batch.length;
        attempts = 0;
      } catch (first) {
        // One item the database refuses for what it holds (a NUL character in an id) must not hold back or take down everyone
        // else's: the batch is written again an item at a time; what the database rejects as data is dropped at once, what
        // fails otherwise (an outage) is written again later.
        const { retry, rejected, error } = batch.length > 1 ? await oneByOne(batch) : sorted(batch, first);
        const e = error ?? first;
        stats.lastError = { message: errorText(e), at: new Date().toISOString() };
        stats.written += batch.length - retry.length - rejected;
        if (rejected > 0) {
          stats.failed += rejected;
          opts.onError?.(e, rejected);
        }
        if (retry.length > 0 && attempts < retryDelays.length) {
          // Back at the head of the queue, written again later; whoever waits for the queue does not wait out the outage.
          items.unshift(...retry);
          backoff = setTimeout(() => void run(), retryDelays[attempts++]);
          // A process on its way out does not stay for a database that is down.
          backoff.unref();
          running = false;
          for (const w of waiting) w.resolve();
          waiting = [];
          return;
        }
        attempts = 0;
        if (retry.length > 0) {
          stats.failed += retry.length;
          opts.onError?.(e, retry.length);
        }
      }
      wake();
    }
    running = false;
  };

  return {
    enqueue(item) {
      if (items.length >= max) {
        stats.dropped++;
        return false;
      }
      items.push(item);
      accepted++;
      if (!running && !scheduled && !backoff) {
        scheduled = true;
        timer = setTimeout(() => void run(), delayMs);
      }
      return true;
    },
    stats: () => ({ ...stats, queued: items.length }),
    flush: () =>
      new Promise<void>((resolve) => {
        // Only what was queued before this call: under steady load the queue is never empty, and a reader must not wait for later answers.
        if (done() >= accepted || backoff) return resolve();
        waiting.push({ upTo: accepted, resolve });
        // Whoever waits for the queue (a vote, a reader, shutdown) does not wait for the batch to fill.
        if (scheduled) void run();
      }),
  };
}

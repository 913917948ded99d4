/** Takes a slot for a client; returns the function that gives it back, or null when the client has none left. */
export type ConcurrencyLimiter = {
  acquire(key: string): (() => void) | null;
  /** Requests in flight for a client (0 when unknown). */
  inFlight(key: string): number;
};

/**
 * At most `max` requests in flight per client key (0: no limit). Slow clients hold their slots
 * until their request ends, so they cannot tie up the server with many at once. Releasing is
 * idempotent; keys with nothing in flight are forgotten, so memory follows the clients in flight.
 *
 * @example
 * const release = limiter.acquire(ip);
 * if (!release) return refuse(429);
 * res.once('close', release);
 */
export function createConcurrencyLimiter(max: number): ConcurrencyLimiter {
  const counts = new Map<string, number>();
  return {
    acquire(key) {
      const n = counts.get(key) ?? 0;
      if (max > 0 && n >= max) return null;
      counts.set(key, n + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (counts.get(key) ?? 1) - 1;
        if (left <= 0) counts.delete(key);
        else counts.set(key, left);
      };
    },
    inFlight: (key) => counts.get(key) ?? 0,
  };
}

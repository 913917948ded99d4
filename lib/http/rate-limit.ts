export type RateLimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiterOptions {
  /** Sustained requests per minute per client; 0 disables limiting. */
  perMinute: number;
  /** Requests a client may make at once before the rate applies. */
  burst: number;
  /** Milliseconds clock, injectable for tests. */
  now?: () => number;
  /** Most clients remembered; the least recently seen is forgotten first. */
  maxClients?: number;
}

export type RateLimiter = (key: string) => RateLimitDecision;

/**
 * Per-client token buckets: `burst` requests at once, refilled at `perMinute`.
 * Memory stays bounded: the map is kept in least-recently-used order and trimmed to `maxClients`.
 *
 * @example
 * const take = createRateLimiter({ perMinute: 60, burst: 20 });
 * const d = take(clientKey(request.headers));
 * if (!d.ok) throw new RateLimitError(d.retryAfterSeconds);
 */
export function createRateLimiter(opts: RateLimiterOptions): RateLimiter {
  const now = opts.now ?? Date.now;
  const maxClients = opts.maxClients ?? 10_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const ratePerMs = opts.perMinute / 60_000;

  return (key) => {
    if (opts.perMinute <= 0) return { ok: true };
    const t = now();
    const b = buckets.get(key) ?? { tokens: opts.burst, at: t };
    b.tokens = Math.min(opts.burst, b.tokens + Math.max(0, t - b.at) * ratePerMs);
    b.at = t;
    // Re-insert so Map order is least recently used first.
    buckets.delete(key);
    buckets.set(key, b);
    if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value!);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / ratePerMs / 1000)) };
  };
}

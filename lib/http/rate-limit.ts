export interface RateLimitDecision {
  ok: boolean;
  retryAfterSeconds: number;
}

/**
 * Per-client token buckets: `burst` requests at once, refilled at `perMinute`.
 * `perMinute` 0 disables limiting. Buckets idle long enough to be full are dropped,
 * so memory stays bounded by the number of active clients.
 */
export function createRateLimiter(opts: { perMinute: number; burst: number; now?: () => number; maxClients?: number }) {
  const now = opts.now ?? Date.now;
  const maxClients = opts.maxClients ?? 10_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const ratePerMs = opts.perMinute / 60_000;

  return function take(key: string): RateLimitDecision {
    if (opts.perMinute <= 0) return { ok: true, retryAfterSeconds: 0 };
    const t = now();
    const b = buckets.get(key) ?? { tokens: opts.burst, at: t };
    b.tokens = Math.min(opts.burst, b.tokens + (t - b.at) * ratePerMs);
    b.at = t;
    buckets.delete(key);
    buckets.set(key, b);
    if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value!);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true, retryAfterSeconds: 0 };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / ratePerMs / 1000)) };
  };
}

/** The client a request counts against: the first forwarded address, else the real IP header, else one shared key. */
export function clientKey(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || headers.get('x-real-ip')?.trim() || 'local';
}

const g = globalThis as typeof globalThis & { __faqRateLimiter?: ReturnType<typeof createRateLimiter> };

/** The process-wide limiter (one per server process, shared by the routes). */
export function processRateLimiter(opts: { perMinute: number; burst: number }): ReturnType<typeof createRateLimiter> {
  g.__faqRateLimiter ??= createRateLimiter(opts);
  return g.__faqRateLimiter;
}

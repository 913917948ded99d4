import { createHash, timingSafeEqual } from 'node:crypto';
import { RateLimitError } from '../errors';
import { clientAddress, isLoopback } from '../http/client-key';
import { createRateLimiter, type RateLimiterOptions } from '../http/rate-limit';
import { invalidApiKey, loopbackOnly } from './errors';

/** Who may call /v1/*, and how often. Built once by the runtime. */
export interface ApiAccess {
  /** `keys`: a bearer key from API_KEYS is required; `loopback-only`: no keys, only clients on this machine. */
  readonly auth: 'keys' | 'loopback-only';
  /**
   * Lets a request in or throws: 401 (no or wrong key), 403 (not loopback, no keys configured),
   * 429 (this caller's bucket is empty). Returns the caller's id for logs and limits:
   * `key:` and the first 8 hex digits of the key's SHA-256 (never the key), or `ip:` and the address.
   */
  admit(headers: Headers): string;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** The key of an `Authorization: Bearer <key>` header, or null. */
export function bearerKey(headers: Headers): string | null {
  const m = /^\s*Bearer\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '');
  return m ? m[1]! : null;
}

/**
 * Whether `candidate` is one of the keys, in time that does not depend on where they differ:
 * both sides are hashed to 32 bytes and compared with crypto.timingSafeEqual, against every
 * key without stopping at a match. Returns the index of the matching key, or -1.
 */
export function matchKey(candidate: string, keyDigests: Buffer[]): number {
  const digest = sha256(candidate);
  let found = -1;
  keyDigests.forEach((k, i) => {
    if (timingSafeEqual(digest, k) && found === -1) found = i;
  });
  return found;
}

/**
 * The access policy of the OpenAI-compatible API: with keys, bearer-key auth and one token
 * bucket per key; without, loopback clients only (the address server.ts determined from the
 * socket; unknown, as in next dev or a test calling the route, is refused), one bucket per address.
 *
 * @example
 * const access = createApiAccess({ keys: ['sk-faq-…'], rateLimit: { perMinute: 60, burst: 20 } });
 * const caller = access.admit(request.headers); // 'key:3fa9c0d1'
 */
export function createApiAccess(opts: { keys: string[]; rateLimit: RateLimiterOptions }): ApiAccess {
  const digests = opts.keys.map(sha256);
  const ids = digests.map((d) => `key:${d.toString('hex').slice(0, 8)}`);
  const limit = createRateLimiter(opts.rateLimit);
  const take = (caller: string) => {
    const d = limit(caller);
    if (!d.ok) throw new RateLimitError(d.retryAfterSeconds);
    return caller;
  };
  if (digests.length === 0) {
    return {
      auth: 'loopback-only',
      admit(headers) {
        const address = clientAddress(headers);
        if (!isLoopback(address)) throw loopbackOnly();
        return take(`ip:${address}`);
      },
    };
  }
  return {
    auth: 'keys',
    admit(headers) {
      const key = bearerKey(headers);
      if (key === null) throw invalidApiKey(true);
      const i = matchKey(key, digests);
      if (i < 0) throw invalidApiKey(false);
      return take(ids[i]!);
    },
  };
}

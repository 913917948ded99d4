import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config';
import { ConfigError, RateLimitError } from '../errors';
import { CLIENT_IP_HEADER } from '../http/client-key';
import { bearerKey, createApiAccess, matchKey } from './auth';
import { ApiError } from './errors';

const A = 'sk-faq-aaaaaaaaaaaaaaaaaaaa';
const B = 'sk-faq-bbbbbbbbbbbbbbbbbbbb';
const headers = (h: Record<string, string>) => new Headers(h);
const statusOf = (fn: () => unknown) => {
  try {
    fn();
    return 200;
  } catch (e) {
    return e instanceof ApiError || e instanceof RateLimitError ? e.status : 500;
  }
};

describe('bearerKey', () => {
  it.each([
    ['Bearer abc', 'abc'],
    ['bearer   abc  ', 'abc'],
    ['Basic abc', null],
    ['Bearer', null],
    ['Bearer a b', null],
  ])('%j -> %j', (h, key) => expect(bearerKey(headers({ authorization: h }))).toBe(key));
});

describe('matchKey', () => {
  const digests = [A, B].map((k) => createHash('sha256').update(k).digest());
  it('finds the key among several, whatever its length', () => {
    expect(matchKey(B, digests)).toBe(1);
    expect(matchKey(A, digests)).toBe(0);
    expect(matchKey(A.slice(0, -1), digests)).toBe(-1);
    expect(matchKey(`${A}x`, digests)).toBe(-1);
    expect(matchKey('', digests)).toBe(-1);
  });
});

describe('createApiAccess with keys', () => {
  const access = createApiAccess({ keys: [A, B], rateLimit: { perMinute: 60, burst: 2 } });

  it('says keys, lets a listed key in and names the caller by a hash prefix, never the key', () => {
    expect(access.auth).toBe('keys');
    const caller = access.admit(headers({ authorization: `Bearer ${A}` }));
    expect(caller).toBe(`key:${createHash('sha256').update(A).digest('hex').slice(0, 8)}`);
    expect(caller).not.toContain('aaaa');
  });

  it('refuses a missing or wrong key with 401, loopback or not', () => {
    expect(statusOf(() => access.admit(headers({ [CLIENT_IP_HEADER]: '127.0.0.1' })))).toBe(401);
    expect(statusOf(() => access.admit(headers({ authorization: 'Bearer sk-nope-000000000000', [CLIENT_IP_HEADER]: '127.0.0.1' })))).toBe(401);
  });

  it('limits each key on its own', () => {
    const b = headers({ authorization: `Bearer ${B}` });
    expect(statusOf(() => access.admit(b))).toBe(200);
    expect(statusOf(() => access.admit(b))).toBe(200);
    expect(statusOf(() => access.admit(b))).toBe(429);
    // A's bucket had one request taken above; one more is still free.
    expect(statusOf(() => access.admit(headers({ authorization: `Bearer ${A}` })))).toBe(200);
  });
});

describe('createApiAccess without keys', () => {
  const access = createApiAccess({ keys: [], rateLimit: { perMinute: 0, burst: 1 } });

  it('answers loopback clients only; an unknown client (no server in front) is refused', () => {
    expect(access.auth).toBe('loopback-only');
    expect(access.admit(headers({ [CLIENT_IP_HEADER]: '127.0.0.1' }))).toBe('ip:127.0.0.1');
    expect(access.admit(headers({ [CLIENT_IP_HEADER]: '::1' }))).toBe('ip:::1');
    expect(statusOf(() => access.admit(headers({ [CLIENT_IP_HEADER]: '10.0.0.5' })))).toBe(403);
    expect(statusOf(() => access.admit(headers({})))).toBe(403);
    // A key does not open the door when none is configured, and X-Forwarded-For is not the client.
    expect(statusOf(() => access.admit(headers({ authorization: `Bearer ${A}`, 'x-forwarded-for': '127.0.0.1' })))).toBe(403);
  });
});

describe('API_KEYS', () => {
  it('is split on commas, trimmed, deduplicated; short keys are refused at startup without echoing them', () => {
    expect(parseConfig({ API_KEYS: ` ${A}, ,${B},${A}` }).api.keys).toEqual([A, B]);
    expect(parseConfig({}).api).toEqual({ keys: [], rateLimit: { perMinute: 60, burst: 20 }, maxBodyBytes: 1_048_576 });
    expect(parseConfig({ API_MAX_BODY_BYTES: '2048', MAX_BODY_BYTES: '65536' }).api.maxBodyBytes).toBe(65_536);
    expect(parseConfig({ API_RATE_LIMIT_PER_MINUTE: '', RATE_LIMIT_PER_MINUTE: '30' }).api.rateLimit.perMinute).toBe(30);
    expect(parseConfig({ API_RATE_LIMIT_PER_MINUTE: '600', API_RATE_LIMIT_BURST: '50' }).api.rateLimit).toEqual({ perMinute: 600, burst: 50 });
    expect(() => parseConfig({ API_KEYS: `${A},short-key` })).toThrow(ConfigError);
    expect(() => parseConfig({ API_KEYS: 'short-key' })).not.toThrow(/short-key/);
  });
});

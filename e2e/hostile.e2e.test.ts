/**
 * The production server (server.ts over the build) against a hostile client: forged
 * X-Forwarded-For, TRUST_PROXY, slow bodies and headers, many requests at once, odd methods,
 * malformed URLs, cross-site posts, and the CSP nonce. Clients at different addresses are
 * sockets bound to different loopback addresses (127.0.0.0/8).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatBody } from '@/app/api/chat/read-ui-stream';
import { parseConfig } from '@/lib/config';
import { ingest } from '@/lib/knowledge/ingest';
import { ensureBuilt, type RunningServer, startNextServer } from '@/lib/testing/next-server';
import { httpText, type RawResponse, rawRequest } from '@/lib/testing/raw-http';

let dir: string;
/** TRUST_PROXY off (the default). */
let plain: RunningServer;
/** One proxy in front: TRUST_PROXY=1. */
let hop: RunningServer;
/** Trusted proxies by address: TRUST_PROXY=127.0.0.2,10.0.0.0/8. */
let listed: RunningServer;

const portOf = (s: RunningServer) => Number(new URL(s.url).port);
const retrieve = (s: RunningServer, from: string, headers: Record<string, string> = {}) =>
  rawRequest(portOf(s), httpText('POST', '/api/retrieve', { 'content-type': 'application/json', ...headers }, JSON.stringify({ question: '挥卡报03' })), {
    from,
  });
const statuses = async (n: number, send: (i: number) => Promise<RawResponse>) => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await send(i)).status);
  return out;
};
const randomIp = () => Array.from({ length: 4 }, () => Math.floor(Math.random() * 254) + 1).join('.');

/** Our answer to anything refused: a 4xx, the security headers, and our JSON error with a Chinese message. */
function expectOurRefusal(r: RawResponse, status?: number) {
  if (status !== undefined) expect(r.status, r.body).toBe(status);
  expect(r.status).toBeGreaterThanOrEqual(400);
  expect(r.status).toBeLessThan(500);
  expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(r.headers['x-content-type-options']).toBe('nosniff');
  expect(JSON.parse(r.body).error.message).toMatch(/[\u4e00-\u9fff]/);
}

beforeAll(async () => {
  ensureBuilt();
  dir = await mkdtemp(path.join(os.tmpdir(), 'faq-hostile-e2e-'));
  const env = {
    INDEX_DIR: path.join(dir, 'index'),
    ANSWER_MODE: 'offline',
    RATE_LIMIT_PER_MINUTE: '6',
    RATE_LIMIT_BURST: '10',
    BODY_TIMEOUT_MS: '2000',
    HEADERS_TIMEOUT_MS: '2000',
    MAX_CONCURRENT_PER_CLIENT: '8',
  };
  // Built once here (faster than a server's first build), then opened by all three.
  await ingest(parseConfig(env));
  [plain, hop, listed] = await Promise.all([
    startNextServer(env),
    startNextServer({ ...env, TRUST_PROXY: '1' }),
    startNextServer({ ...env, TRUST_PROXY: '127.0.0.2, 10.0.0.0/8' }),
  ]);
}, 300_000);
afterAll(async () => {
  await Promise.all([plain, hop, listed].map((s) => s?.stop()));
  await rm(dir, { recursive: true, force: true });
});

describe('X-Forwarded-For is not trusted by default', () => {
  it('rotating it does not escape the rate limit', async () => {
    const got = await statuses(14, () => retrieve(plain, '127.0.0.10', { 'x-forwarded-for': randomIp() }));
    expect(got.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(got.slice(10)).toEqual(Array(4).fill(429));
  });

  it('forging a victim’s address does not lock the victim out', async () => {
    const attacker = await statuses(14, () => retrieve(plain, '127.0.0.11', { 'x-forwarded-for': '127.0.0.12' }));
    expect(attacker.at(-1)).toBe(429);
    expect((await retrieve(plain, '127.0.0.12')).status).toBe(200);
  });
});

describe('TRUST_PROXY', () => {
  it('as a hop count takes the client the proxy saw, whatever the client put before it', async () => {
    // The proxy (127.0.0.1) appends the address it saw; a forged first entry rotates.
    const got = await statuses(12, () => retrieve(hop, '127.0.0.1', { 'x-forwarded-for': `${randomIp()}, 203.0.113.7` }));
    expect(got.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(got.slice(10)).toEqual([429, 429]);
    // Another client behind the same proxy is counted on its own.
    expect((await retrieve(hop, '127.0.0.1', { 'x-forwarded-for': '203.0.113.8' })).status).toBe(200);
  });

  it('as an address list trusts only those proxies', async () => {
    // Through the trusted proxy 127.0.0.2: clients are told apart by X-Forwarded-For.
    for (const client of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
      expect(await statuses(10, () => retrieve(listed, '127.0.0.2', { 'x-forwarded-for': client }))).toEqual(Array(10).fill(200));
    }
    // From anywhere else the header is ignored: rotating it is one client.
    const got = await statuses(12, () => retrieve(listed, '127.0.0.14', { 'x-forwarded-for': randomIp() }));
    expect(got.slice(10)).toEqual([429, 429]);
  });
});

describe('slow and greedy clients', () => {
  it('cuts 40 slow-drip bodies: 8 in flight get 408 at the body deadline, the rest 429 at once; others are served meanwhile', async () => {
    const drip = httpText('POST', '/api/chat', { 'content-type': 'application/json', 'content-length': '1000' }, '');
    const slow = Array.from({ length: 40 }, () => rawRequest(portOf(plain), `${drip}{`, { from: '127.0.0.20', dripMs: 250, timeoutMs: 15_000 }));
    await new Promise((r) => setTimeout(r, 500));
    const other = await rawRequest(portOf(plain), httpText('GET', '/api/health'), { from: '127.0.0.21' });
    expect(other.status).toBe(200);
    expect(other.ms).toBeLessThan(2_000);

    const done = await Promise.all(slow);
    const count = (s: number) => done.filter((r) => r.status === s).length;
    expect({ 408: count(408), 429: count(429) }).toEqual({ 408: 8, 429: 32 });
    for (const r of done) {
      expectOurRefusal(r);
      expect(r.closed).toBe(true);
      // BODY_TIMEOUT_MS is 2 s; nothing is held much past it.
      expect(r.ms).toBeLessThan(2_000 + 1_500);
    }
    expect(JSON.parse(done.find((r) => r.status === 408)!.body).error.code).toBe('request_timeout');
    // The slots are free again.
    expect(
      (await rawRequest(portOf(plain), httpText('POST', '/api/chat', { 'content-type': 'application/json' }, chatBody('挥卡报03')), { from: '127.0.0.20' }))
        .status,
    ).toBe(200);
  }, 30_000);

  it('cuts headers that drip in', async () => {
    const r = await rawRequest(portOf(plain), 'GET / HTTP/1.1\r\nHost: localhost\r\n', { from: '127.0.0.22', dripMs: 200, timeoutMs: 10_000 });
    expect(r.closed).toBe(true);
    // HEADERS_TIMEOUT_MS is 2 s, checked every second.
    expect(r.ms).toBeLessThan(2_000 + 1_500);
    expectOurRefusal(r, 408);
  }, 15_000);
});

describe('odd requests', () => {
  const paths = ['/', '/faq', '/faq/FAQ2.5', '/retrieval', '/api/chat', '/api/health', '/api/retrieve', '/nope', '/_next/static/x.js'];
  const methods = [
    'TRACE',
    'TRACK',
    'PROPFIND',
    'PROPPATCH',
    'MKCOL',
    'COPY',
    'MOVE',
    'LOCK',
    'UNLOCK',
    'SEARCH',
    'PURGE',
    'REPORT',
    'MKCALENDAR',
    'LINK',
    'BREW',
    'FOO',
  ];

  it('answers odd methods on every route and page with a 4xx, our headers and JSON', async () => {
    for (const p of paths) {
      for (const m of methods) {
        const r = await rawRequest(portOf(plain), httpText(m, p, {}, ''), { from: '127.0.0.30' });
        expect(r.status, `${m} ${p}`).toBeGreaterThanOrEqual(400);
        expectOurRefusal(r);
      }
    }
  }, 60_000);

  it('answers the usual methods a route or page does not take with a 4xx and our headers, never a 5xx', async () => {
    for (const p of paths) {
      for (const m of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
        const r = await rawRequest(portOf(plain), httpText(m, p, { 'content-type': 'application/json' }, '{}'), { from: '127.0.0.31' });
        expect(r.status, `${m} ${p}`).toBeGreaterThan(0);
        expect(r.status, `${m} ${p}`).toBeLessThan(500);
        expect(r.headers['x-content-type-options'], `${m} ${p}`).toBe('nosniff');
        expect(r.headers['content-security-policy'], `${m} ${p}`).toContain("frame-ancestors 'none'");
      }
    }
  }, 60_000);

  it('answers CONNECT with 405 rather than dropping the connection', async () => {
    expectOurRefusal(await rawRequest(portOf(plain), 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n', { from: '127.0.0.32' }), 405);
  });

  it.each(['/faq/%', '/faq/%E0%A4%A', '/faq/%C0%AE%C0%AE', '/faq/%ED%A0%80', '/%', '/api/chat/%zz', '/faq/%00'])(
    'answers the malformed URL %s with 400, our headers and JSON',
    async (target) => {
      expectOurRefusal(await rawRequest(portOf(plain), httpText('GET', target), { from: '127.0.0.33' }), 400);
    },
  );

  it('answers a request Node cannot parse with our 400', async () => {
    expectOurRefusal(await rawRequest(portOf(plain), 'GET / HTTP/1.1\r\nHost: localhost\r\nBad Header\r\n\r\n', { from: '127.0.0.34' }), 400);
    expectOurRefusal(await rawRequest(portOf(plain), `GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, { from: '127.0.0.34' }), 431);
  });
});

describe('cross-site posts', () => {
  const chat = (headers: Record<string, string>) =>
    rawRequest(portOf(plain), httpText('POST', '/api/chat', { host: new URL(plain.url).host, ...headers }, chatBody('挥卡报03')), { from: '127.0.0.40' });

  it('refuses a text/plain body (what any page can make a browser send) with 415', async () => {
    expectOurRefusal(await chat({ 'content-type': 'text/plain;charset=UTF-8', origin: plain.url }), 415);
  });

  it('refuses a post from another origin with 403', async () => {
    expectOurRefusal(await chat({ 'content-type': 'application/json', origin: 'https://evil.example' }), 403);
  });

  it('answers a same-origin browser post and a client that sends no Origin', async () => {
    for (const r of [await chat({ 'content-type': 'application/json', origin: plain.url }), await chat({ 'content-type': 'application/json' })]) {
      expect(r.status).toBe(200);
      expect(r.body).toContain('"type":"data-answer"');
    }
  });
});

describe('Content-Security-Policy', () => {
  it('allows scripts by a fresh nonce per page view, never inline without it', async () => {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${plain.url}/faq`);
      const csp = res.headers.get('content-security-policy')!;
      const script = /script-src ([^;]*)/.exec(csp)![1]!;
      expect(script).not.toContain('unsafe-inline');
      const nonce = /'nonce-([^']+)'/.exec(script)![1]!;
      nonces.push(nonce);
      const tags = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(tags.length).toBeGreaterThan(0);
      for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });
});

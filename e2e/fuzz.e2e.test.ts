/**
 * Property test of the whole production server (server.ts over the build): random and hostile
 * methods, request targets, headers and bodies, sent on raw sockets. Every request gets an
 * answer below 500 carrying our security headers. app/api/chat/fuzz.test.ts covers the chat
 * route's bodies in-process; this covers everything in front of and around the routes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatBody } from '@/app/api/chat/read-ui-stream';
import { parseConfig } from '@/lib/config';
import { ingest } from '@/lib/knowledge/ingest';
import { ensureBuilt, type RunningServer, startNextServer } from '@/lib/testing/next-server';
import { rawRequest } from '@/lib/testing/raw-http';

const RUNS = 5_000;
let dir: string;
let server: RunningServer;

const weighted = <T>(...arbs: [fc.Arbitrary<T>, number][]) => fc.oneof(...arbs.map(([arbitrary, weight]) => ({ arbitrary, weight })));

const method = weighted<string>(
  [fc.constantFrom('GET', 'POST', 'HEAD'), 6],
  [fc.constantFrom('PUT', 'PATCH', 'DELETE', 'OPTIONS'), 3],
  [fc.constantFrom('TRACE', 'TRACK', 'PROPFIND', 'MKCOL', 'LOCK', 'SEARCH', 'PURGE', 'CONNECT', 'QUERY'), 2],
  [fc.stringMatching(/^[A-Za-z]{1,8}$/), 1],
);

const segment = weighted<string>(
  [fc.constantFrom('faq', 'api', 'chat', 'retrieve', 'health', 'retrieval', 'FAQ2.5', 'FAQ2.8', 'FAQ99.1', '_next', 'static', 'v1', 'admin'), 6],
  [fc.constantFrom('..', '.', '', '%2e%2e', '%2F', '%', '%zz', '%E0%A4%A', '%C0%AE', '%ED%A0%80', '%00', '%FF', '%0A', '%E6%8C%A5', '~', ';x', '*'), 3],
  [fc.stringMatching(/^[A-Za-z0-9._~!$&'()*+,;=:@-]{0,12}$/), 2],
  [fc.string({ maxLength: 6 }).map(encodeURIComponent), 2],
);
const query = weighted<string>(
  [fc.constant(''), 4],
  [fc.tuple(fc.stringMatching(/^[a-z_]{1,6}$/), segment).map(([k, v]) => `?${k}=${v}`), 2],
  [fc.constantFrom('?', '?%', '?q=%E0%A4%A', '?_rsc=1', '?__nextDataReq=1', '?a=1&a=2&a[]=3', `?${'x'.repeat(3000)}`), 1],
);
const target = weighted<string>(
  [fc.constantFrom('/', '/faq', '/faq/FAQ2.5', '/retrieval', '/api/chat', '/api/retrieve', '/api/health', '/nope', '/_next/static/chunks/x.js'), 4],
  [fc.tuple(fc.array(segment, { minLength: 1, maxLength: 5 }), query).map(([s, q]) => `/${s.join('/')}${q}`), 6],
  [fc.constantFrom('*', 'http://evil.example/', '//evil.example/x', 'faq', '/faq#x', `/${'a/'.repeat(400)}`), 1],
);

const headerName = weighted<string>(
  [
    fc.constantFrom(
      'content-type',
      'origin',
      'referer',
      'x-forwarded-for',
      'x-forwarded-host',
      'x-forwarded-proto',
      'accept',
      'accept-encoding',
      'accept-language',
      'cookie',
      'range',
      'if-none-match',
      'if-modified-since',
      'rsc',
      'next-router-state-tree',
      'next-router-prefetch',
      'next-router-segment-prefetch',
      'next-action',
      'next-url',
      'x-middleware-subrequest',
      'x-middleware-prefetch',
      'x-nextjs-data',
      'x-invoke-path',
      'purpose',
      'sec-fetch-site',
      'sec-fetch-mode',
      'upgrade',
      'expect',
      'x-faq-client-ip',
      'content-security-policy',
      'authorization',
      'x-http-method-override',
    ),
    8,
  ],
  [fc.constantFrom('content-length', 'transfer-encoding', 'content-encoding', 'host'), 1],
  [fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/), 2],
);
const headerValue = weighted<string>(
  [
    fc.constantFrom(
      '1',
      '0',
      '-1',
      'text/plain',
      'application/json',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      '%',
      '[["",{"children":["__PAGE__",{}]},null,null,true]]',
      '{"a":',
      'gzip',
      'br, deflate',
      'bytes=0-10',
      'bytes=-1,5-',
      'https://evil.example',
      'null',
      '../../etc/passwd',
      'chunked',
      '100-continue',
      'websocket',
      'h2c',
      'cross-site',
      'middleware:middleware:middleware:middleware:middleware',
      '6.6.6.6, 127.0.0.1',
      '*/*',
    ),
    6,
  ],
  [fc.stringMatching(/^[\x20-\x7e]{0,40}$/), 3],
  [fc.constant('a'.repeat(4000)), 1],
);
const headers = fc.array(fc.tuple(headerName, headerValue), { maxLength: 6 });

const body = weighted<string>(
  [fc.constant(''), 3],
  [fc.string({ maxLength: 40 }).map((t) => chatBody(t)), 3],
  [fc.constantFrom(chatBody('挥卡报03'), JSON.stringify({ question: '挥卡报03' }), '{"messages": [', 'a=1&b=2'), 2],
  [fc.string({ maxLength: 200 }), 2],
);

/** A request as bytes: the generated line and headers, Connection: close, and a body with a true Content-Length unless one was generated. */
function requestText(m: string, t: string, hs: [string, string][], b: string): string {
  const names = new Set(hs.map(([n]) => n));
  const lines = [`${m} ${t} HTTP/1.1`, ...(names.has('host') ? [] : ['host: localhost']), ...hs.map(([n, v]) => `${n}: ${v}`), 'connection: close'];
  if (!names.has('content-length') && !names.has('transfer-encoding')) lines.push(`content-length: ${Buffer.byteLength(b)}`);
  return `${lines.join('\r\n')}\r\n\r\n${b}`;
}

beforeAll(async () => {
  ensureBuilt();
  dir = await mkdtemp(path.join(os.tmpdir(), 'faq-fuzz-e2e-'));
  await ingest(parseConfig({ INDEX_DIR: path.join(dir, 'index') }));
  server = await startNextServer({
    INDEX_DIR: path.join(dir, 'index'),
    ANSWER_MODE: 'offline',
    RATE_LIMIT_PER_MINUTE: '0',
    MAX_CONCURRENT_PER_CLIENT: '0',
    // Bodies shorter than their Content-Length wait for these: short, so a run stays quick.
    BODY_TIMEOUT_MS: '1000',
    HEADERS_TIMEOUT_MS: '1000',
  });
}, 300_000);
afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('the production server under random and hostile requests', () => {
  it(`answers ${RUNS} random requests below 500, always with our security headers`, async () => {
    const port = Number(new URL(server.url).port);
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(method, target, headers, body, async (m, t, hs, b) => {
        const text = requestText(m, t, hs, b);
        const r = await rawRequest(port, text, { timeoutMs: 8_000 });
        seen.set(r.status, (seen.get(r.status) ?? 0) + 1);
        expect(r.status, text.slice(0, 300)).toBeGreaterThanOrEqual(200);
        expect(r.status, `${text.slice(0, 300)}\n-> ${r.body.slice(0, 200)}`).toBeLessThan(500);
        expect(r.headers['x-content-type-options'], text.slice(0, 300)).toBe('nosniff');
        expect(r.headers['content-security-policy'], text.slice(0, 300)).toContain("frame-ancestors 'none'");
      }),
      { numRuns: RUNS },
    );
    console.info('[fuzz e2e] statuses:', JSON.stringify(Object.fromEntries([...seen].sort(([a], [b]) => a - b))));
  }, 180_000);

  // Found by the property above (seed 655866616): JSON of an array, yet no router state tree Next can use; Next answered 500.
  it('answers a router-state header Next cannot use with 400, and one it can use as usual', async () => {
    const port = Number(new URL(server.url).port);
    const ask = (tree: string) =>
      rawRequest(port, `GET / HTTP/1.1\r\nhost: localhost\r\nrsc: 1\r\nnext-router-state-tree: ${tree}\r\nconnection: close\r\n\r\n`, {
        timeoutMs: 8_000,
      });
    expect((await ask('[["",{"children":["__PAGE__",{}]},null,null,true]]')).status).toBe(400);
    expect((await ask('["",{"children":["__PAGE__",{}]},null,null,true]')).status).toBe(400);
    // A tree Next can use goes through to Next (here a redirect), not refused by us.
    const usable = (await ask('["",{"children":["__PAGE__",{}]},null,null]')).status;
    expect(usable).not.toBe(400);
    expect(usable).toBeLessThan(500);
  });
});

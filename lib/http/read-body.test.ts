import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../errors';
import { readJsonBody } from './read-body';

const req = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request('http://localhost/x', { method: 'POST', body, headers, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit);

async function rejection(p: Promise<unknown>): Promise<BadRequestError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(BadRequestError);
  return e as BadRequestError;
}

describe('readJsonBody', () => {
  it('parses JSON under the cap, counting bytes not characters', async () => {
    await expect(readJsonBody(req(JSON.stringify({ q: '挥卡报03' })), 100)).resolves.toEqual({ q: '挥卡报03' });
    const e = await rejection(readJsonBody(req(JSON.stringify({ q: '挥'.repeat(40) })), 100));
    expect(e.status).toBe(413);
  });

  it('refuses a declared Content-Length over the cap without reading the body', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull: (c) => {
        pulled++;
        c.enqueue(new Uint8Array(10));
      },
    });
    const e = await rejection(readJsonBody(req(body, { 'content-length': '5000000' }), 1000));
    expect(e.status).toBe(413);
    expect(e.code).toBe('payload_too_large');
    expect(e.message).toContain('请求内容过大');
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('stops reading an endless stream as soon as it passes the cap', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull: (c) => {
        pulled++;
        c.enqueue(new Uint8Array(1024));
      },
    });
    const e = await rejection(readJsonBody(req(body), 10 * 1024));
    expect(e.status).toBe(413);
    expect(pulled).toBeLessThan(20);
  });

  it.each([
    ['not JSON', 'hello'],
    ['truncated JSON', '{"messages": ['],
    ['an empty body', ''],
    ['whitespace only', '   \n'],
  ])('rejects %s with 400 and a Chinese message', async (_name, body) => {
    const e = await rejection(readJsonBody(req(body), 1000));
    expect(e.status).toBe(400);
    expect(e.message).toMatch(/请求/);
  });

  it('rejects a request without a body', async () => {
    const e = await rejection(readJsonBody(new Request('http://localhost/x', { method: 'POST' }), 1000));
    expect(e.status).toBe(400);
  });
});

describe('readJsonBody with a deadline', () => {
  it('cuts a body that drips in slower than the deadline with 408 and a Chinese message', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      async pull(c) {
        await new Promise((r) => setTimeout(r, 50));
        c.enqueue(new TextEncoder().encode(' '));
      },
      cancel: () => void (cancelled = true),
    });
    const started = Date.now();
    const e = await rejection(readJsonBody(req(body), 1000, 300));
    expect(e.status).toBe(408);
    expect(e.code).toBe('request_timeout');
    expect(e.message).toMatch(/请求内容未在/);
    expect(Date.now() - started).toBeLessThan(600);
    expect(cancelled).toBe(true);
  });

  it('cuts a body that stalls after its first bytes', async () => {
    const body = new ReadableStream<Uint8Array>({
      start: (c) => c.enqueue(new TextEncoder().encode('{"q":')),
      pull: () => new Promise(() => undefined),
    });
    expect((await rejection(readJsonBody(req(body), 1000, 200))).status).toBe(408);
  });

  it('reads a body that arrives in time', async () => {
    await expect(readJsonBody(req(JSON.stringify({ q: 1 })), 1000, 1000)).resolves.toEqual({ q: 1 });
  });

  it('refuses a body that is not UTF-8 (GBK) with 400, and a compressed one with 415, each saying why in Chinese', async () => {
    // 「退款」 in GBK, inside JSON.
    const gbk = new Uint8Array([...Buffer.from('{"q":"'), 0xcd, 0xcb, 0xbf, 0xee, ...Buffer.from('"}')]);
    const notUtf8 = await rejection(readJsonBody(req(gbk), 1_000));
    expect([notUtf8.status, notUtf8.message]).toEqual([400, '请求内容不是 UTF-8 编码,请以 UTF-8 发送 JSON。']);
    const gzipped = await rejection(readJsonBody(req('{"q":"x"}', { 'content-encoding': 'gzip' }), 1_000));
    expect(gzipped.status).toBe(415);
    expect(gzipped.message).toContain('content-encoding: gzip');
    // Identity is no encoding; a UTF-8 byte order mark is no fault.
    await expect(readJsonBody(req('{"q":"x"}', { 'content-encoding': 'identity' }), 1_000)).resolves.toEqual({ q: 'x' });
    await expect(readJsonBody(req('\uFEFF{"q":"退款"}'), 1_000)).resolves.toEqual({ q: '退款' });
  });
});

import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../errors';
import { clientKey, createRateLimiter } from './rate-limit';
import { readJsonBody } from './read-body';

describe('rate limiter', () => {
  it('allows a burst, then refuses with a Retry-After until tokens refill', () => {
    let now = 0;
    const take = createRateLimiter({ perMinute: 60, burst: 3, now: () => now });
    expect([take('a'), take('a'), take('a')].every((d) => d.ok)).toBe(true);
    const refused = take('a');
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(take('b').ok).toBe(true);
    now += 1000;
    expect(take('a').ok).toBe(true);
  });

  it('is disabled at 0 per minute and keeps memory bounded', () => {
    expect(createRateLimiter({ perMinute: 0, burst: 1 })('x').ok).toBe(true);
    const take = createRateLimiter({ perMinute: 60, burst: 1, maxClients: 10 });
    for (let i = 0; i < 1000; i++) take(`ip${i}`);
    expect(take('ip999').ok).toBe(false);
  });

  it('keys clients by the first forwarded address', () => {
    expect(clientKey(new Headers({ 'x-forwarded-for': '10.0.0.1, 10.0.0.2' }))).toBe('10.0.0.1');
    expect(clientKey(new Headers())).toBe('local');
  });
});

describe('readJsonBody', () => {
  const req = (body: BodyInit, headers: Record<string, string> = {}) => new Request('http://x', { method: 'POST', body, headers });

  it('parses JSON within the cap', async () => {
    await expect(readJsonBody(req('{"a":1}'), 100)).resolves.toEqual({ a: 1 });
  });

  it('refuses a streamed body over the cap without a Content-Length, before parsing', async () => {
    let pulled = 0;
    const stream = new ReadableStream({
      pull(c) {
        pulled++;
        c.enqueue(new TextEncoder().encode('x'.repeat(1000)));
        if (pulled > 1000) c.close();
      },
    });
    const err = await readJsonBody(new Request('http://x', { method: 'POST', body: stream, duplex: 'half' } as RequestInit), 5000).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect((err as BadRequestError).status).toBe(413);
    expect(pulled).toBeLessThan(20);
  });

  it('explains invalid JSON and empty bodies in Chinese', async () => {
    await expect(readJsonBody(req('{'), 100)).rejects.toThrow('请求格式错误');
    await expect(readJsonBody(req(''), 100)).rejects.toThrow('请求内容为空');
  });
});

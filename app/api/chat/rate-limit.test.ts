import { describe, expect, it } from 'vitest';
import { isolateEnv } from '@/lib/testing/env';
import { chatBody } from '@/lib/testing/ui-stream';

isolateEnv({ RATE_LIMIT_PER_MINUTE: '1', RATE_LIMIT_BURST: '2' });
const { POST } = await import('./route');

const post = (ip: string) =>
  POST(new Request('http://localhost/api/chat', { method: 'POST', body: chatBody(''), headers: { 'content-type': 'application/json', 'x-forwarded-for': ip } }));

describe('POST /api/chat rate limit', () => {
  it('answers 429 with Retry-After and a Chinese message once a client used its burst', async () => {
    // The limit is checked before the body is read: these empty questions are 400s until then.
    expect((await post('203.0.113.1')).status).toBe(400);
    expect((await post('203.0.113.1')).status).toBe(400);
    const limited = await post('203.0.113.1');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: { message: string } }).error.message).toContain('请求过于频繁');
    expect((await post('203.0.113.2')).status).toBe(400);
  });
});

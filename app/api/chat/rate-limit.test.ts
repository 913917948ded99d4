import { expect, it } from 'vitest';
import { CLIENT_IP_HEADER } from '@/lib/http/client-key';
import { useRouteRuntime } from '@/lib/testing/route-runtime';
import { chatBody } from './read-ui-stream';
import { POST } from './route';

useRouteRuntime({ RATE_LIMIT_PER_MINUTE: '6', RATE_LIMIT_BURST: '2' });

it('limits each client with a 429, a Chinese message and Retry-After, other clients unaffected', async () => {
  const post = (ip: string) =>
    POST(
      new Request('http://localhost/api/chat', {
        method: 'POST',
        body: chatBody('报96'),
        headers: { 'content-type': 'application/json', [CLIENT_IP_HEADER]: ip },
      }),
    );
  expect((await post('1.1.1.1')).status).toBe(200);
  expect((await post('1.1.1.1')).status).toBe(200);
  const limited = await post('1.1.1.1');
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(((await limited.json()) as { error: { message: string } }).error.message).toContain('请求过于频繁');
  expect((await post('2.2.2.2')).status).toBe(200);
});

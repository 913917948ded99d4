/** Who may call /v1/*: loopback only without API_KEYS (as server.ts reports the client), and per-caller rate limits. */
import { expect, it } from 'vitest';
import { CLIENT_IP_HEADER } from '@/lib/http/client-key';
import { useRouteRuntime } from '@/lib/testing/route-runtime';
import { GET as models } from '../../models/route';
import { POST } from './route';

useRouteRuntime({ ANSWER_MODE: 'offline', API_RATE_LIMIT_PER_MINUTE: '6', API_RATE_LIMIT_BURST: '2' });

const body = JSON.stringify({ model: 'faq-assistant', messages: [{ role: 'user', content: '报96' }] });
const post = (headers: Record<string, string>) =>
  POST(new Request('http://localhost/v1/chat/completions', { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } }));

it('without API_KEYS answers loopback clients only, and refuses an unknown client', async () => {
  expect((await post({ [CLIENT_IP_HEADER]: '127.0.0.1' })).status).toBe(200);
  const refused: Record<string, string>[] = [{ [CLIENT_IP_HEADER]: '192.168.1.20' }, {}, { 'x-forwarded-for': '127.0.0.1' }];
  for (const headers of refused) {
    const res = await post(headers);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'loopback_only',
      message: expect.stringContaining('API_KEYS'),
    });
  }
  expect((await models(new Request('http://localhost/v1/models', { headers: { [CLIENT_IP_HEADER]: '192.168.1.20' } }))).status).toBe(403);
});

it('without API_KEYS refuses a body not declared JSON (what a web page can post cross-site without asking), in OpenAI’s shape', async () => {
  for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
    const res = await post({ [CLIENT_IP_HEADER]: '127.0.0.9', 'content-type': type });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('application/json');
  }
});

it('limits each caller with 429, Retry-After and OpenAI’s error shape', async () => {
  const ip = { [CLIENT_IP_HEADER]: '::1' };
  expect((await post(ip)).status).toBe(200);
  expect((await post(ip)).status).toBe(200);
  const limited = await post(ip);
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(await limited.json()).toEqual({
    error: { message: expect.stringContaining('请求过于频繁'), type: 'requests', code: 'rate_limit_exceeded', param: null },
  });
  expect((await post({ [CLIENT_IP_HEADER]: '127.0.0.2' })).status).toBe(200);
});

import { expect, it } from 'vitest';
import { useRouteRuntime } from '@/lib/testing/route-runtime';
import { GET as getModel } from './[model]/route';
import { GET } from './route';

const KEY = 'sk-faq-models-test-0123456789';
useRouteRuntime({ ANSWER_MODE: 'offline', API_KEYS: KEY });
const auth = { authorization: `Bearer ${KEY}` };

it('lists the one model, as OpenAI lists models', async () => {
  const res = await GET(new Request('http://localhost/v1/models', { headers: auth }));
  expect(res.status).toBe(200);
  const json = (await res.json()) as { object: string; data: { id: string; object: string; created: number; owned_by: string }[] };
  expect(json).toEqual({ object: 'list', data: [{ id: 'faq-assistant', object: 'model', created: expect.any(Number), owned_by: 'faq-assistant' }] });
  expect(json.data[0]!.created).toBeGreaterThan(1_700_000_000);
  expect((await GET(new Request('http://localhost/v1/models'))).status).toBe(401);
});

it('retrieves the model by id, and 404s in OpenAI’s shape for any other', async () => {
  const get = (model: string) => getModel(new Request(`http://localhost/v1/models/${model}`, { headers: auth }), { params: Promise.resolve({ model }) });
  expect(((await (await get('faq-assistant')).json()) as { id: string }).id).toBe('faq-assistant');
  const missing = await get('gpt-4o');
  expect(missing.status).toBe(404);
  expect(((await missing.json()) as { error: object }).error).toMatchObject({ code: 'model_not_found', param: 'model', type: 'invalid_request_error' });
});

import { describe, expect, it } from 'vitest';
import { useRouteRuntime } from '@/lib/testing/route-runtime';
import { POST } from './route';

useRouteRuntime({ RATE_LIMIT_PER_MINUTE: '0' });

interface Body {
  decision: string;
  answerIds: string[];
  hits: { id: string; rank: number; question: string; scores: { vector: number; keyword: number; fused: number } }[];
  error?: { message: string };
}

const post = async (body: string) => {
  const res = await POST(new Request('http://localhost/api/retrieve', { method: 'POST', body, headers: { 'content-type': 'application/json' } }));
  return { status: res.status, json: (await res.json()) as Body };
};

describe('POST /api/retrieve', () => {
  it('ranks FAQ2.5 first for 挥卡报03, with every score', async () => {
    const { status, json } = await post(JSON.stringify({ question: 'POS插卡正常,挥卡报03无效商户怎么办' }));
    expect(status).toBe(200);
    expect(json.decision).toBe('answer');
    expect(json.answerIds).toContain('FAQ2.5');
    expect(json.hits[0]).toMatchObject({ id: 'FAQ2.5', rank: 1 });
    for (const h of json.hits) for (const s of ['vector', 'keyword', 'fused'] as const) expect(h.scores[s]).toEqual(expect.any(Number));
    expect(json.hits.map((h) => h.scores.fused)).toEqual([...json.hits.map((h) => h.scores.fused)].sort((a, b) => b - a));
  }, 60_000);

  it('refuses an off-topic question', async () => {
    const { json } = await post(JSON.stringify({ question: '今天天气怎么样' }));
    expect(json.decision).toBe('refuse');
    expect(json.answerIds).toEqual([]);
  });

  it.each([
    ['not JSON', 'nope'],
    ['a missing question', '{}'],
    ['an empty question', JSON.stringify({ question: '  ' })],
    ['a wrong type', JSON.stringify({ question: 3 })],
  ])('rejects %s with 400 and a Chinese message', async (_name, body) => {
    const { status, json } = await post(body);
    expect(status).toBe(400);
    expect(json.error?.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { useRouteRuntime } from '@/lib/testing/route-runtime';
import { chatBody, readUIStream } from './read-ui-stream';
import { POST } from './route';

useRouteRuntime({ RATE_LIMIT_PER_MINUTE: '0' });

const post = (body: string, headers: Record<string, string> = {}) =>
  POST(new Request('http://localhost/api/chat', { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } }));

async function expectError(res: Response, status: number) {
  expect(res.status).toBe(status);
  const json = (await res.json()) as { error: { message: string } };
  expect(json.error.message).toMatch(/[\u4e00-\u9fff]/);
  return json.error.message;
}

beforeAll(async () => {
  // First request builds the index for this process.
  await (await post(chatBody('你好'))).text();
}, 60_000);

describe('POST /api/chat', () => {
  it('streams an answer citing FAQ2.5 for the 挥卡报03 question', async () => {
    const res = await post(chatBody('POS插卡正常,挥卡报03无效商户怎么办'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const s = await readUIStream(res);
    expect(s.text).toContain('[FAQ2.5]');
    expect(s.answer!.citations).toEqual(['FAQ2.5']);
    expect(s.cited[0]!.solutionMarkdown).toContain('双免白名单');
    expect(s.sourceIds[0]).toBe('FAQ2.5');
    // A complete (offline) answer carries the entries it cites, not every hit's.
    expect(s.sources).toBeUndefined();
    expect(s.answer!.cited.map((e) => e.id)).toEqual(['FAQ2.5']);
    expect(s.meta).toMatchObject({ mode: 'offline', decision: 'answer' });
  });

  it('gives the no-answer reply without citations for an off-topic question', async () => {
    const s = await readUIStream(await post(chatBody('今天天气怎么样')));
    expect(s.answer!.decision).toBe('refuse');
    expect(s.answer!.citations).toEqual([]);
    expect(s.text).toContain('FAQ 中没有找到');
    expect(s.text).not.toMatch(/\[FAQ\d+\.\d+\]/);
  });

  it('answers a follow-up using the previous user turn', async () => {
    const s = await readUIStream(await post(chatBody('扫码交易撤销多久能到账', '撤销 1-2 分钟到账 [FAQ2.6]', '那退款呢?')));
    expect(s.answer!.citations).toContain('FAQ2.6');
  });

  it.each([
    ['not JSON', 'this is not json', 400],
    ['an empty body', '', 400],
    ['wrong types', JSON.stringify({ messages: 'hello' }), 400],
    ['no messages', JSON.stringify({ messages: [] }), 400],
    ['empty text', chatBody('   '), 400],
    ['a last message from the assistant', chatBody('挥卡报03', '答案'), 400],
    ['a too long question', chatBody('挥'.repeat(2001)), 400],
    [
      'more messages than MAX_MESSAGES',
      JSON.stringify({ messages: Array.from({ length: 51 }, (_, i) => ({ id: `${i}`, role: 'user', parts: [{ type: 'text', text: 'a' }] })) }),
      400,
    ],
    ['a role that does not exist', JSON.stringify({ messages: [{ id: '1', role: 'robot', parts: [{ type: 'text', text: '挥卡报03' }] }] }), 400],
    [
      'thousands of messages',
      JSON.stringify({ messages: Array.from({ length: 3000 }, (_, i) => ({ id: `${i}`, role: 'user', parts: [{ type: 'text', text: 'a' }] })) }),
      413,
    ],
    ['megabytes of text', chatBody('挥卡报03'.repeat(300_000)), 413],
  ])('rejects %s with a 4xx and a Chinese message', async (_name, body, status) => {
    await expectError(await post(body), status);
  });

  it('rejects a body whose Content-Length is over the cap before reading it', async () => {
    const res = await post(chatBody('挥卡报03'), { 'content-length': String(10 * 1024 * 1024) });
    await expectError(res, 413);
  });

  it.each([
    ['text/plain (a form any site can make a browser post)', { 'content-type': 'text/plain' }, 415],
    ['a form encoding', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
    ['a post from another site', { origin: 'https://evil.example' }, 403],
    ['a cross-site fetch without Origin', { 'sec-fetch-site': 'cross-site' }, 403],
  ])('refuses %s before reading the body', async (_name, headers, status) => {
    const message = await expectError(await post(chatBody('挥卡报03'), headers), status);
    expect(message).toMatch(status === 415 ? /application\/json/ : /其他网站/);
  });

  it('answers a same-origin browser post', async () => {
    const res = await post(chatBody('挥卡报03'), { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' });
    expect((await readUIStream(res)).answer!.citations).toEqual(['FAQ2.5']);
  });

  it('keeps answering after bad requests', async () => {
    await post('{"messages": [');
    const s = await readUIStream(await post(chatBody('报96')));
    expect(s.answer!.citations).toEqual(['FAQ2.7']);
  });
});

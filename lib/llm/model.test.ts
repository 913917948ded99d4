import { createServer } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Entry } from '../corpus/schema';
import { UpstreamError } from '../errors';
import type { Hit } from '../retrieval/types';
import { type MockOpenAI, startMockOpenAI } from '../testing/openai-mock-server';
import { createLlmClient } from './model';

const KEY = 'sk-test-SECRET-abc123';
const entry: Entry = {
  id: 'FAQ2.5',
  ids: ['FAQ2.5'],
  category: { id: 'FAQ2', name: '普通POS类' },
  question: '挥卡报03?',
  solution: '补注册双免白名单。',
  line: 1,
  alternatives: [],
};
const hits: Hit[] = [{ id: 'FAQ2.5', entry, rank: 1, score: 1, scores: { vector: 0.5, keyword: 1, fused: 1 }, coverage: 1 }];

let mock: MockOpenAI | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

const client = (url: string, over: Partial<Parameters<typeof createLlmClient>[0]> = {}) =>
  createLlmClient({ model: 'mock-model', apiKey: KEY, baseURL: url, timeoutMs: 3000, maxRetries: 2, temperature: 0.1, ...over });

async function drain(it: AsyncIterable<string>): Promise<string> {
  let s = '';
  for await (const d of it) s += d;
  return s;
}

async function failure(p: Promise<unknown>): Promise<UpstreamError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(UpstreamError);
  expect(String((e as Error).message)).not.toContain(KEY);
  expect(JSON.stringify((e as UpstreamError).detail ?? {})).not.toContain(KEY);
  return e as UpstreamError;
}

describe('LLM client over real HTTP', () => {
  it('streams the answer and sends the prompt with the entries and the key as bearer', async () => {
    mock = await startMockOpenAI([{ text: '请补注册双免白名单 [FAQ2.5]。' }]);
    const out = await drain(client(mock.url).streamAnswer('挥卡报03', hits, []));
    expect(out).toBe('请补注册双免白名单 [FAQ2.5]。');
    const req = mock.requests[0]!;
    expect(req.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(req.body.stream).toBe(true);
    expect(req.body.temperature).toBe(0.1);
    expect(req.body.messages.at(-1).content).toContain('<entry id="FAQ2.5"');
  });

  it('maps a 500 to server_error after retrying, and tells the operator (the kind and the status, not the key or the question)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      mock = await startMockOpenAI([{ status: 500 }]);
      const e = await failure(drain(client(mock.url, { maxRetries: 1 }).streamAnswer('商户号的问题', hits, [])));
      expect(e.kind).toBe('server_error');
      expect(mock.requests.length).toBe(2);
      const logged = warn.mock.calls.map((c) => c.join(' ')).join('\n');
      expect(logged).toMatch(/模型调用失败\(server_error\).*500/);
      expect(logged).not.toContain(KEY);
      expect(logged).not.toContain('商户号的问题');
    } finally {
      warn.mockRestore();
    }
  });

  it('maps repeated 429s to rate_limited within a bounded time', async () => {
    mock = await startMockOpenAI([{ status: 429, headers: { 'retry-after': '0' } }]);
    const started = Date.now();
    const e = await failure(drain(client(mock.url, { maxRetries: 2 }).streamAnswer('q', hits, [])));
    expect(['rate_limited', 'timeout']).toContain(e.kind);
    expect(Date.now() - started).toBeLessThan(3500);
    expect(mock.requests.length).toBeGreaterThanOrEqual(2);
  });

  it('recovers when a 429 is followed by a good reply', async () => {
    mock = await startMockOpenAI([{ status: 429, headers: { 'retry-after': '0' } }, { text: '好的 [FAQ2.5]' }]);
    expect(await drain(client(mock.url).streamAnswer('q', hits, []))).toBe('好的 [FAQ2.5]');
  });

  it('times out a stalled stream', async () => {
    mock = await startMockOpenAI([{ stallMs: 5000 }]);
    const started = Date.now();
    const e = await failure(drain(client(mock.url, { timeoutMs: 600, maxRetries: 0 }).streamAnswer('q', hits, [])));
    expect(e.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('gives up a call in flight at once when the server is stopping (its answer then finishes offline)', async () => {
    mock = await startMockOpenAI([{ stallMs: 5000 }]);
    const stopping = new AbortController();
    const started = Date.now();
    setTimeout(() => stopping.abort(), 200);
    const llm = createLlmClient(
      { model: 'mock-model', apiKey: KEY, baseURL: mock.url, timeoutMs: 20_000, maxRetries: 0, temperature: 0.1 },
      { stopping: stopping.signal },
    );
    const e = await failure(drain(llm.streamAnswer('q', hits, [])));
    expect(e).toBeInstanceOf(UpstreamError);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports a stream cut mid-answer as stream_broken', async () => {
    mock = await startMockOpenAI([{ text: '请补注册双免白名单,然后重新交易 [FAQ2.5]', cutAfterChars: 6, chunkDelayMs: 30 }]);
    const e = await failure(drain(client(mock.url, { maxRetries: 0 }).streamAnswer('q', hits, [])));
    expect(e.kind).toBe('stream_broken');
  });

  it('reports a refused connection', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const e = await failure(drain(client(`http://127.0.0.1:${port}/v1`, { maxRetries: 0 }).streamAnswer('q', hits, [])));
    expect(e.kind).toBe('connection');
  });

  it('condenses a follow-up with the model, and passes a standalone question through', async () => {
    mock = await startMockOpenAI([{ text: '银行卡交易退款多久到账' }]);
    const c = client(mock.url);
    expect(await c.condense('那退款呢?', [{ role: 'user', text: '撤销多久到账' }])).toBe('银行卡交易退款多久到账');
    expect(await c.condense('报96', [])).toBe('报96');
    expect(mock.requests).toHaveLength(1);
  });
});

describe('conversation history', () => {
  it('sends earlier turns as user and assistant messages between the system prompt and the question', async () => {
    mock = await startMockOpenAI([{ text: '好的 [FAQ2.5]' }]);
    await drain(
      client(mock.url).streamAnswer('那退款呢', hits, [
        { role: 'user', text: '撤销多久到账' },
        { role: 'assistant', text: '1-2 分钟 [FAQ2.6]' },
      ]),
    );
    const roles = mock.requests[0]!.body.messages.map((m: { role: string }) => m.role);
    expect(roles).toEqual(['system', 'user', 'assistant', 'user']);
    expect(mock.requests[0]!.body.messages[2].content).toBe('1-2 分钟 [FAQ2.6]');
  });

  it('sends merchant, phone and ID numbers to the model as labels, in the question and the conversation, unless LLM_REDACT is off', async () => {
    mock = await startMockOpenAI([{ text: '好的 [FAQ2.5]' }, { text: '好的 [FAQ2.5]' }]);
    const question = '商户号 821330000123456 挥卡报03,联系人 13912345678';
    const history = [
      { role: 'user' as const, text: '身份证 11010119900307451X 入网被拒' },
      { role: 'assistant' as const, text: '请核对证件 [FAQ8.4]' },
    ];
    await drain(client(mock.url).streamAnswer(question, hits, history));
    const sent = JSON.stringify(mock.requests[0]!.body.messages);
    for (const n of ['821330000123456', '13912345678', '11010119900307451X']) expect(sent).not.toContain(n);
    expect(sent).toContain('[商户号]');
    expect(sent).toContain('[手机号]');
    await drain(client(mock.url, { redact: false }).streamAnswer(question, hits, history));
    expect(JSON.stringify(mock.requests[1]!.body.messages)).toContain('821330000123456');
  });
});

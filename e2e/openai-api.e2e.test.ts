/**
 * The OpenAI-compatible API on the running production server (`npm start`, server.ts, built
 * once by ensureBuilt), driven by real clients: the official `openai` SDK, LangChain's
 * ChatOpenAI, and the request LobeChat sends (lobe-chat.request.ts). Two servers: offline with
 * API_KEYS, and LLM mode against a slow scripted model without keys (loopback only), where a
 * client that goes away must free the request.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChatOpenAI } from '@langchain/openai';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, type RunningServer, startNextServer } from '@/lib/testing/next-server';
import { type MockOpenAI, startMockOpenAI } from '@/lib/testing/openai-mock-server';
import { parseOpenAISse } from '@/lib/testing/read-openai-sse';
import { extractCitations } from '@/lib/text/citations';
import { NO_ANSWER_TEXT } from '@/lib/text/messages';
import { LOBECHAT_HEADERS, lobeChatBody } from './lobe-chat.request';

const KEY = 'sk-faq-e2e-0123456789abcdef';
const KNOWN = 'POS插卡正常,挥卡报03无效商户怎么办';
const OFF_TOPIC = '今天天气怎么样';
const tempIndex = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'faq-v1-e2e-')), 'index');

let offline: RunningServer;
let llm: RunningServer;
let mock: MockOpenAI;
let serverLog = '';

beforeAll(async () => {
  ensureBuilt();
  // The model writes its answers slowly (2 characters every 50 ms, about 10 s in all): long enough
  // to be cut. A follow-up's rewrite (the condense prompt) is answered at once with the question.
  mock = await startMockOpenAI((req) =>
    JSON.stringify(req.body.messages?.[0]).includes('改写')
      ? { text: KNOWN }
      : { text: `[FAQ2.5] ${'请联系通联业务同事到银联平台补注册双免白名单。'.repeat(20)}`, chunkChars: 2, chunkDelayMs: 50 },
  );
  [offline, llm] = await Promise.all([
    startNextServer({ INDEX_DIR: tempIndex(), ANSWER_MODE: 'offline', API_KEYS: KEY, RATE_LIMIT_PER_MINUTE: '0' }),
    startNextServer({
      INDEX_DIR: tempIndex(),
      OPENAI_BASE_URL: mock.url,
      OPENAI_API_KEY: 'sk-upstream-mock',
      OPENAI_CHAT_MODEL: 'mock-model',
      DIRECT_MATCH_THRESHOLD: '1.01',
      LLM_TIMEOUT_MS: '30000',
      RATE_LIMIT_PER_MINUTE: '0',
    }),
  ]);
  for (const server of [offline, llm]) for (const out of [server.child.stdout, server.child.stderr]) out?.on('data', (d) => (serverLog += d));
}, 400_000);
afterAll(async () => {
  await Promise.all([offline?.stop(), llm?.stop()]);
  await mock?.close();
});

const ids = (citations: { id: string }[]) => citations.map((c) => c.id);
const sdk = (server: RunningServer, apiKey = KEY) => new OpenAI({ apiKey, baseURL: `${server.url}/v1`, maxRetries: 0 });

describe('the official openai SDK', () => {
  it('non-streamed: a known question cites FAQ2.5 inline and in `citations`', async () => {
    const r = await sdk(offline).chat.completions.create({ model: 'faq-assistant', messages: [{ role: 'user', content: KNOWN }] });
    const message = r.choices[0]!.message as (typeof r.choices)[0]['message'] & { citations: { id: string; url: string }[]; decision: string };
    expect(extractCitations(message.content!)).toEqual(['FAQ2.5']);
    expect(ids(message.citations)).toEqual(['FAQ2.5']);
    expect(message.citations[0]!.url).toBe(`${offline.url}/faq/FAQ2.5`);
    expect(message.decision).toBe('answer');
    expect(r.usage!.completion_tokens).toBeGreaterThan(0);
  });

  it('streamed: content chunks, the fields on the final chunk, usage last', async () => {
    const stream = await sdk(offline).chat.completions.create({
      model: 'faq-assistant',
      messages: [{ role: 'user', content: KNOWN }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let content = '';
    let final: Record<string, any> | undefined;
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      content += chunk.choices[0]?.delta.content ?? '';
      if (chunk.choices[0]?.finish_reason === 'stop') final = chunk.choices[0].delta;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(extractCitations(content)).toEqual(['FAQ2.5']);
    expect(ids(final!.citations)).toEqual(['FAQ2.5']);
    expect(usage!.total_tokens).toBe(usage!.prompt_tokens + usage!.completion_tokens);
  });

  it('streamed through the SDK’s stream helper: the fields land on the final message', async () => {
    const stream = sdk(offline).chat.completions.stream({ model: 'faq-assistant', messages: [{ role: 'user', content: KNOWN }] });
    const message = (await stream.finalChatCompletion()).choices[0]!.message as unknown as { content: string; citations: { id: string }[] };
    expect(extractCitations(message.content)).toEqual(ids(message.citations));
  });

  it('an off-topic question gets the fixed reply and no citation', async () => {
    const r = await sdk(offline).chat.completions.create({ model: 'faq-assistant', messages: [{ role: 'user', content: OFF_TOPIC }] });
    const message = r.choices[0]!.message as unknown as { content: string; citations: unknown[]; decision: string };
    expect(message.content.startsWith(NO_ANSWER_TEXT)).toBe(true);
    expect(message.content).not.toMatch(/\[FAQ/);
    expect(message).toMatchObject({ citations: [], decision: 'refuse' });
  });

  it('a wrong key gets 401, a 2 MB body 413, another model 404, each in OpenAI’s shape', async () => {
    const wrong = await sdk(offline, 'sk-wrong-0000000000000000')
      .chat.completions.create({ model: 'faq-assistant', messages: [{ role: 'user', content: KNOWN }] })
      .catch((e) => e);
    expect(wrong).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(wrong.code).toBe('invalid_api_key');
    expect(wrong.message).toMatch(/API 密钥无效/);
    const big = await sdk(offline)
      .chat.completions.create({ model: 'faq-assistant', messages: [{ role: 'user', content: 'x'.repeat(2 * 1024 * 1024) }] })
      .catch((e) => e);
    expect(big).toBeInstanceOf(OpenAI.APIError);
    expect(big.status).toBe(413);
    const other = await sdk(offline)
      .models.retrieve('gpt-4o')
      .catch((e) => e);
    expect(other).toBeInstanceOf(OpenAI.NotFoundError);
    expect((await sdk(offline).models.list()).data.map((m) => m.id)).toEqual(['faq-assistant']);
  });
});

describe('LangChain ChatOpenAI', () => {
  const chat = (opts: { streaming?: boolean; apiKey?: string } = {}) =>
    new ChatOpenAI({
      model: 'faq-assistant',
      apiKey: opts.apiKey ?? KEY,
      configuration: { baseURL: `${offline.url}/v1` },
      maxRetries: 0,
      streaming: opts.streaming,
      // The extension fields are not LangChain's: they are read from the raw response.
      __includeRawResponse: true,
    });

  it('invoke: the content cites FAQ2.5 and the raw message has the same citations', async () => {
    const m = await chat().invoke(KNOWN);
    expect(extractCitations(String(m.content))).toEqual(['FAQ2.5']);
    const raw = m.additional_kwargs.__raw_response as { choices: { message: { citations: { id: string }[] } }[] };
    expect(ids(raw.choices[0]!.message.citations)).toEqual(['FAQ2.5']);
  });

  it('stream: the chunks add up to the cited content, the final chunk carries the citations, usage arrives', async () => {
    let content = '';
    let citations: { id: string }[] | undefined;
    let outputTokens = 0;
    for await (const chunk of await chat({ streaming: true }).stream(KNOWN)) {
      content += String(chunk.content);
      const raw = chunk.additional_kwargs.__raw_response as { choices: { delta: { citations?: { id: string }[] } }[] } | undefined;
      citations ??= raw?.choices[0]?.delta.citations;
      outputTokens += chunk.usage_metadata?.output_tokens ?? 0;
    }
    expect(extractCitations(content)).toEqual(['FAQ2.5']);
    expect(ids(citations!)).toEqual(['FAQ2.5']);
    expect(outputTokens).toBeGreaterThan(0);
  });

  it('an off-topic question gets the fixed reply; a wrong key is a 401', async () => {
    const m = await chat().invoke(OFF_TOPIC);
    expect(String(m.content).startsWith(NO_ANSWER_TEXT)).toBe(true);
    expect((m.additional_kwargs.__raw_response as { choices: { message: { citations: unknown[] } }[] }).choices[0]!.message.citations).toEqual([]);
    const e = await chat({ apiKey: 'sk-wrong-0000000000000000' })
      .invoke(KNOWN)
      .catch((x) => x);
    expect(e.status ?? e.lc_error_code).toSatisfy((v: unknown) => v === 401 || v === 'MODEL_AUTHENTICATION');
  });
});

describe('LobeChat’s request (packages/model-runtime/src/core/openaiCompatibleFactory/index.ts)', () => {
  const send = (server: RunningServer, question: string, opts: { key?: string; signal?: AbortSignal } = {}) =>
    fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      signal: opts.signal,
      headers: { ...LOBECHAT_HEADERS, ...(opts.key === undefined ? {} : { authorization: `Bearer ${opts.key}` }) },
      body: JSON.stringify(lobeChatBody(question)),
    });

  it('a known question: streamed content citing FAQ2.5 and the same `citations`', async () => {
    const res = await send(offline, KNOWN, { key: KEY });
    expect(res.status).toBe(200);
    const s = parseOpenAISse(await res.text());
    expect(extractCitations(s.content)).toEqual(['FAQ2.5']);
    expect(ids(s.final!.citations)).toEqual(['FAQ2.5']);
    expect(s.usage!.prompt_tokens).toBeGreaterThan(0);
    expect(s.done).toBe(true);
  });

  it('an off-topic question, a wrong key, a 2 MB body', async () => {
    const s = parseOpenAISse(await (await send(offline, OFF_TOPIC, { key: KEY })).text());
    expect(s.content.startsWith(NO_ANSWER_TEXT)).toBe(true);
    expect(s.final!.citations).toEqual([]);
    const wrong = await send(offline, KNOWN, { key: 'sk-wrong-0000000000000000' });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
    expect((await send(offline, 'x'.repeat(2 * 1024 * 1024), { key: KEY })).status).toBe(413);
  });

  it('a stream the client cuts frees the request: the model’s connection closes within two seconds', async () => {
    await expectCutFreesModel(async (signal) => {
      const res = await send(llm, KNOWN, { signal });
      return res.body!;
    });
  });
});

describe('LLM mode on the running server', () => {
  it('without API_KEYS, /api/health says loopback only and loopback clients need no key', async () => {
    expect(((await (await fetch(`${llm.url}/api/health`)).json()) as { api: unknown }).api).toEqual({ auth: 'loopback-only' });
    expect(((await (await fetch(`${offline.url}/api/health`)).json()) as { api: unknown }).api).toEqual({ auth: 'keys' });
  });

  it('the openai SDK aborting a stream frees the request: the model’s connection closes within two seconds', async () => {
    await expectCutFreesModel(async (signal) => {
      const stream = await sdk(llm, 'unused').chat.completions.create(
        { model: 'faq-assistant', messages: [{ role: 'user', content: KNOWN }], stream: true },
        { signal },
      );
      return stream.toReadableStream();
    });
  });

  it('/v1 responses carry the security headers of next.config.js', async () => {
    const res = await fetch(`${offline.url}/v1/models`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});

describe('logs', () => {
  it('never show a key, right or wrong', async () => {
    await sdk(offline, 'sk-wrong-key-in-the-log-check')
      .chat.completions.create({ model: 'faq-assistant', messages: [{ role: 'user', content: KNOWN }] })
      .catch(() => undefined);
    await sdk(offline)
      .chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: KNOWN }] })
      .catch(() => undefined);
    expect(serverLog).not.toContain(KEY);
    expect(serverLog).not.toContain('sk-wrong');
  });
});

/** Starts a streamed answer, reads until the model's text arrives, aborts, and times how soon the model's connection closes. */
async function expectCutFreesModel(start: (signal: AbortSignal) => Promise<ReadableStream<Uint8Array>>) {
  const before = mock.disconnects.length;
  const abort = new AbortController();
  const reader = (await start(abort.signal)).getReader();
  const decoder = new TextDecoder();
  let seen = '';
  while (!seen.includes('FAQ2.5')) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended before the model's text: ${seen}`);
    seen += typeof value === 'string' ? value : decoder.decode(value as Uint8Array);
  }
  const cutAt = Date.now();
  abort.abort();
  await reader.cancel().catch(() => undefined);
  await expect.poll(() => mock.disconnects.length, { timeout: 3000, interval: 25 }).toBe(before + 1);
  expect(mock.disconnects.at(-1)! - cutAt).toBeLessThan(2000);
}

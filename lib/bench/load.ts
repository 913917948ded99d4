import autocannon from 'autocannon';
import { startNextServer } from '../testing/next-server';
import { startMockOpenAI } from '../testing/openai-mock-server';
import { latencyStats } from './stats';

export interface LoadResult {
  path: string;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** The conversation log after the run (chat rows): exchanges written, failed and dropped, as /api/health reports them. */
  log?: { written: number; failed: number; dropped: number; queued: number };
}

const CHAT_BODY = JSON.stringify({ id: 'bench', messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text: '挥卡报03无效商户怎么办' }] }] });

async function hammer(url: string, path: string, connections: number, seconds: number, post: boolean): Promise<LoadResult> {
  const r = await autocannon({
    url: `${url}${path}`,
    connections,
    duration: seconds,
    method: post ? 'POST' : 'GET',
    headers: post ? { 'content-type': 'application/json' } : {},
    body: post ? CHAT_BODY : undefined,
  });
  return {
    path,
    connections,
    requestsPerSecond: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

async function logStats(url: string): Promise<LoadResult['log']> {
  const health = (await (await fetch(`${url}/api/health`)).json()) as { store?: { log?: LoadResult['log'] } };
  return health.store?.log;
}

/**
 * The offline chat route against the health route of the same `next start`, at each concurrency.
 * Every chat request is recorded in the conversation log (the server's default embedded store,
 * or `env`'s DATABASE_URL); each chat row says what the log wrote.
 */
export async function loadTest(seconds: number, connections: number[], env: Record<string, string> = {}): Promise<LoadResult[]> {
  const server = await startNextServer({ RATE_LIMIT_PER_MINUTE: '0', ANSWER_MODE: 'offline', ...env });
  try {
    await hammer(server.url, '/api/chat', 10, 2, true); // warm-up: JIT and the index
    const out: LoadResult[] = [];
    for (const c of connections) {
      out.push(await hammer(server.url, '/api/health', c, seconds, false));
      const chat = await hammer(server.url, '/api/chat', c, seconds, true);
      await new Promise((r) => setTimeout(r, 500)); // the log's last batch
      out.push({ ...chat, log: await logStats(server.url) });
    }
    return out;
  } finally {
    await server.stop();
  }
}

/** Milliseconds from sending a request until the first chunk whose text matches `isText`. */
async function timeToFirstText(url: string, init: RequestInit, isText: (line: string) => boolean): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, init);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buf = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) throw new Error('stream ended before any text');
    buf += decoder.decode(value, { stream: true });
    if (buf.split('\n').some(isText)) {
      const ms = performance.now() - started;
      await reader.cancel();
      return ms;
    }
  }
}

/**
 * How much time the pipeline adds before the first token in LLM mode: time to the first
 * text through /api/chat, minus time to the first token asking the same mock directly.
 */
export async function firstTokenOverhead(samples: number, modelDelayMs: number) {
  const reply = '[FAQ2.5] 请联系通联业务同事到银联平台补注册双免白名单。';
  const mock = await startMockOpenAI(() => ({ text: reply, chunkChars: 40, firstDelayMs: modelDelayMs }));
  const server = await startNextServer({ RATE_LIMIT_PER_MINUTE: '0', OPENAI_BASE_URL: mock.url, OPENAI_API_KEY: 'bench', DIRECT_MATCH_THRESHOLD: '1.01' });
  try {
    const viaRoute: number[] = [];
    const direct: number[] = [];
    const chatInit: RequestInit = { method: 'POST', headers: { 'content-type': 'application/json' }, body: CHAT_BODY };
    const mockInit: RequestInit = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'x', stream: true, messages: [{ role: 'user', content: 'x' }] }),
    };
    for (let i = 0; i < samples + 3; i++) {
      const a = await timeToFirstText(`${server.url}/api/chat`, chatInit, (l) => l.includes('"type":"text-delta"'));
      const b = await timeToFirstText(`${mock.url}/chat/completions`, mockInit, (l) => l.includes('"content":"['));
      if (i >= 3) {
        viaRoute.push(a);
        direct.push(b);
      }
    }
    const route = latencyStats(viaRoute);
    const model = latencyStats(direct);
    return { modelDelayMs, samples, routeFirstText: route, modelFirstToken: model, addedP50: Math.round((route.p50 - model.p50) * 100) / 100 };
  } finally {
    await server.stop();
    await mock.close();
  }
}

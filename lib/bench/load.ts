import autocannon from 'autocannon';
import { startNextServer } from '../testing/next-server';
import { startMockOpenAI } from '../testing/openai-mock-server';
import { latencyStats } from './stats';

export interface LoadResult {
  /** The route, with ` (stream)` for a streamed /v1 request. */
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

const QUESTION = '挥卡报03无效商户怎么办';
const CHAT_BODY = JSON.stringify({ id: 'bench', messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text: QUESTION }] }] });
const BENCH_KEY = 'sk-faq-bench-0123456789abcdef';
const v1Body = (stream: boolean) => JSON.stringify({ model: 'faq-assistant', stream, messages: [{ role: 'user', content: QUESTION }] });

/** What each benchmarked request sends: /api/chat as useChat does, /v1 as an OpenAI client with a key. */
const REQUESTS: Record<string, { path: string; body?: string; headers?: Record<string, string> }> = {
  '/api/health': { path: '/api/health' },
  '/api/chat': { path: '/api/chat', body: CHAT_BODY },
  '/v1/chat/completions': { path: '/v1/chat/completions', body: v1Body(false), headers: { authorization: `Bearer ${BENCH_KEY}` } },
  '/v1/chat/completions (stream)': { path: '/v1/chat/completions', body: v1Body(true), headers: { authorization: `Bearer ${BENCH_KEY}` } },
};

async function hammer(url: string, label: string, connections: number, seconds: number): Promise<LoadResult> {
  const req = REQUESTS[label]!;
  const r = await autocannon({
    url: `${url}${req.path}`,
    connections,
    duration: seconds,
    method: req.body ? 'POST' : 'GET',
    headers: req.body ? { 'content-type': 'application/json', ...req.headers } : {},
    body: req.body,
  });
  return {
    path: label,
    connections,
    requestsPerSecond: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

/**
 * Routes compared with each other, run in alternating rounds (A B C, then C B A …) so that a
 * machine whose load drifts during the run (shared CI, other jobs) does not favour one of them.
 * Each gets `seconds` in all; req/s and p50 are averaged over rounds, p99 is the worst round's.
 */
async function interleaved(url: string, labels: string[], connections: number, seconds: number, rounds = 4): Promise<LoadResult[]> {
  const runs = new Map<string, LoadResult[]>(labels.map((l) => [l, []]));
  for (let r = 0; r < rounds; r++) {
    for (const label of r % 2 ? [...labels].reverse() : labels)
      runs.get(label)!.push(await hammer(url, label, connections, Math.max(1, Math.round(seconds / rounds))));
  }
  const mean = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
  return labels.map((label) => {
    const rs = runs.get(label)!;
    return {
      path: label,
      connections,
      requestsPerSecond: mean(rs.map((x) => x.requestsPerSecond)),
      p50: mean(rs.map((x) => x.p50)),
      p99: Math.max(...rs.map((x) => x.p99)),
      errors: rs.reduce((n, x) => n + x.errors, 0),
      non2xx: rs.reduce((n, x) => n + x.non2xx, 0),
    };
  });
}

async function logStats(url: string): Promise<LoadResult['log']> {
  const health = (await (await fetch(`${url}/api/health`)).json()) as { store?: { log?: LoadResult['log'] } };
  return health.store?.log;
}

/**
 * The offline chat route and the OpenAI-compatible API (with a key, streamed and not) against
 * the health route of the same `next start`, at each concurrency. Every chat request is recorded
 * in the conversation log (the server's default embedded store, or `env`'s DATABASE_URL); the
 * chat row says what the log wrote.
 */
export async function loadTest(seconds: number, connections: number[], env: Record<string, string> = {}): Promise<LoadResult[]> {
  // Every connection comes from one loopback client: the cap on one client's requests in flight (32 by default,
  // there for a single misbehaving client) would turn the 50-connection run into a test of that cap.
  const server = await startNextServer({
    RATE_LIMIT_PER_MINUTE: '0',
    MAX_CONCURRENT_PER_CLIENT: String(Math.max(32, ...connections)),
    ANSWER_MODE: 'offline',
    API_KEYS: BENCH_KEY,
    ...env,
  });
  try {
    // Warm-up: JIT and the index.
    await hammer(server.url, '/api/chat', 10, 2);
    await hammer(server.url, '/v1/chat/completions (stream)', 10, 2);
    const out: LoadResult[] = [];
    for (const c of connections) {
      // /api/health is the yardstick, so it takes its turns in the same rounds as the routes measured against it.
      const routes = await interleaved(server.url, ['/api/health', '/api/chat', '/v1/chat/completions', '/v1/chat/completions (stream)'], c, seconds);
      await new Promise((r) => setTimeout(r, 500)); // the log's last batch
      const log = await logStats(server.url);
      out.push(...routes.map((r) => (r.path === '/api/chat' ? { ...r, log } : r)));
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

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted reply of the mock. */
export type MockReply =
  | { text: string; chunkChars?: number; chunkDelayMs?: number; firstDelayMs?: number }
  | { status: number; headers?: Record<string, string>; body?: unknown }
  | { stallMs: number }
  | { cutAfterChars: number; text: string; chunkDelayMs?: number };

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: any;
}

export interface MockOpenAI {
  /** Base URL to pass as OPENAI_BASE_URL, e.g. http://127.0.0.1:PORT/v1 */
  url: string;
  requests: RecordedRequest[];
  /** When a chat reply's connection was closed by the client before the reply ended (ms since epoch). */
  disconnects: number[];
  close(): Promise<void>;
}

type Script = MockReply[] | ((req: RecordedRequest, n: number) => MockReply);

/** Replies the mock itself cut (cutAfterChars): not the client's doing. */
const cutByMock = new WeakSet<ServerResponse>();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function chunkEvent(model: string, delta: Record<string, unknown>, finish: string | null = null): string {
  return `data: ${JSON.stringify({ id: 'chatcmpl-mock', object: 'chat.completion.chunk', created: 0, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
}

async function streamText(
  res: ServerResponse,
  model: string,
  text: string,
  opts: { chunkChars: number; delayMs: number; cutAfter?: number; firstDelayMs?: number },
) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  if (opts.firstDelayMs) await sleep(opts.firstDelayMs);
  res.write(chunkEvent(model, { role: 'assistant', content: '' }));
  const chars = [...text];
  for (let i = 0; i < chars.length; i += opts.chunkChars) {
    if (res.destroyed) return;
    if (opts.cutAfter !== undefined && i >= opts.cutAfter) {
      cutByMock.add(res);
      res.socket?.destroy();
      return;
    }
    res.write(chunkEvent(model, { content: chars.slice(i, i + opts.chunkChars).join('') }));
    if (opts.delayMs) await sleep(opts.delayMs);
  }
  res.write(chunkEvent(model, {}, 'stop'));
  res.end('data: [DONE]\n\n');
}

/** Deterministic unit vector for an embedding request, from the text's char codes. */
function fakeEmbedding(text: string, dim = 16): number[] {
  const v = new Array<number>(dim).fill(0);
  for (let i = 0; i < text.length; i++) v[text.charCodeAt(i) % dim]! += 1;
  const n = Math.hypot(...v) || 1;
  return v.map((x) => x / n);
}

/**
 * A scripted OpenAI-compatible server on 127.0.0.1 for tests: real HTTP, so the real
 * client code runs, and nothing leaves the machine. Chat completions follow the script
 * (streamed or not); embeddings are deterministic.
 */
export async function startMockOpenAI(script: Script): Promise<MockOpenAI> {
  const requests: RecordedRequest[] = [];
  const disconnects: number[] = [];
  let chatCount = 0;
  const sockets = new Set<import('node:net').Socket>();
  const server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    let body: any = {};
    try {
      body = raw ? JSON.parse(raw) : {};
    } catch {
      /* recorded as empty */
    }
    const recorded = { path: req.url ?? '', headers: req.headers, body };
    requests.push(recorded);
    if (req.url?.endsWith('/embeddings')) {
      const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input];
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          object: 'list',
          model: body.model,
          data: inputs.map((t, index) => ({ object: 'embedding', index, embedding: fakeEmbedding(String(t)) })),
        }),
      );
      return;
    }
    res.on('close', () => {
      if (!res.writableEnded && !cutByMock.has(res)) disconnects.push(Date.now());
    });
    const n = chatCount++;
    const reply = Array.isArray(script) ? (script[Math.min(n, script.length - 1)] ?? { text: '' }) : script(recorded, n);
    const model = String(body.model ?? 'mock');
    if ('status' in reply) {
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(JSON.stringify(reply.body ?? { error: { message: `mock error ${reply.status}`, type: 'mock' } }));
    } else if ('stallMs' in reply) {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(chunkEvent(model, { role: 'assistant', content: '' }));
      await sleep(reply.stallMs);
      res.end();
    } else if (body.stream) {
      const cutAfter = 'cutAfterChars' in reply ? reply.cutAfterChars : undefined;
      const r = reply as { chunkChars?: number; chunkDelayMs?: number; firstDelayMs?: number };
      await streamText(res, model, reply.text, { chunkChars: r.chunkChars ?? 3, delayMs: r.chunkDelayMs ?? 0, cutAfter, firstDelayMs: r.firstDelayMs });
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'chatcmpl-mock',
          object: 'chat.completion',
          created: 0,
          model,
          choices: [{ index: 0, message: { role: 'assistant', content: reply.text }, finish_reason: 'stop' }],
        }),
      );
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    disconnects,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * `npm start`: the production server. Next's request handler behind a plain node:http server,
 * so that the server (not the client) decides who the client is (TRUST_PROXY), and so that
 * what Next should never see is answered here, with our JSON error and security headers:
 * methods no route uses, URLs that do not decode, requests whose headers or body take too long,
 * more requests in flight from one client than MAX_CONCURRENT_PER_CLIENT.
 * Run with `node --import tsx server.ts` after `npm run build`.
 */
import { statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import path from 'node:path';
import { configFromEnv, misspeltVariables, runningOn } from './lib/config';
import { errorText } from './lib/errors';
import { CLIENT_IP_HEADER, resolveClientIp } from './lib/http/client-key';
import { createConcurrencyLimiter } from './lib/http/concurrency';
import { sendRefusal, writeRefusalToSocket } from './lib/http/node-refusal';
import { refusals, screenRequest } from './lib/http/request-screen';
import { securityHeaders } from './lib/http/security-headers';
import { lockDataDir } from './lib/store/data-dir-lock';

// tsx turns on Node's source maps, and Node then keeps the map of every module it loads, Next's
// bundles included: about 200 MB of RSS (466 -> 255 MB measured). Off before Next is loaded.
process.setSourceMapsEnabled(false);
const { default: next } = await import('next');
const { parseAndValidateFlightRouterState } = await import('next/dist/server/app-render/parse-and-validate-flight-router-state.js');

/** Whether a path names a file (not a folder, not nothing). */
function isFile(p: string): boolean {
  return statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
}

/** A fault the deploying engineer must fix before the server can start: said in one line, without a stack, and the process ends. */
function cannotStart(message: string): never {
  console.error(`[server] 无法启动:${message}`);
  process.exit(1);
}

const config = (() => {
  try {
    return configFromEnv();
  } catch (e) {
    return cannotStart(errorText(e));
  }
})();
// A CORPUS_FILE naming no file (a typo) would start and serve the index of whatever FAQ was built there before (check27 M6). The
// default file gone is an accident the running index rides out (lib/knowledge/service.ts); a path the engineer set is a mistake.
if (process.env.CORPUS_FILE?.trim() && !isFile(config.corpusFile)) cannotStart(`CORPUS_FILE 指向的文件不存在:${config.corpusFile},请检查路径。`);
const { port, hostname, trustProxy, headersTimeoutMs, bodyTimeoutMs, maxConcurrentPerClient } = config.server;
// The embedded database is one process's (lib/store/data-dir-lock.ts): a second server on the same directory stops here, with the
// reason, instead of answering without recording anything. The store takes the same lock again when it opens.
async function lockDatabase(): Promise<() => Promise<void>> {
  if (config.store.kind !== 'pglite' || !config.store.dataDir) return async () => {};
  try {
    return await lockDataDir(config.store.dataDir);
  } catch (e) {
    return cannotStart(errorText(e));
  }
}
const releaseDataDir = await lockDatabase();
const app = next({ dev: false, dir: path.dirname(new URL(import.meta.url).pathname), hostname, port });
await app.prepare();
const handle = app.getRequestHandler();
const inFlight = createConcurrencyLimiter(maxConcurrentPerClient);
/** On every response from the start; Next replaces them where it sets its own (a page's CSP with its nonce, in proxy.ts). */
const baseHeaders = Object.entries(securityHeaders());

/**
 * Whether a `next-router-state-tree` header is what Next can read, by Next's own validator (the schema of a router
 * state tree, not only JSON of an array: 「[["",{…}]]」 is an array Next cannot use, and it answered 500).
 */
function isRouterState(value: string): boolean {
  try {
    parseAndValidateFlightRouterState(value);
    return true;
  } catch {
    return false;
  }
}

/** How long a connection answered before its request body arrived goes on reading (and dropping) the rest. */
const LINGER_MS = 1_000;

/** The request each connection is on, for the socket's destroySoon (set once per socket). */
const current = new WeakMap<Socket, IncomingMessage>();
const lingering = new WeakSet<Socket>();

/** Ends our side now, reads and drops what the client still sends, and cuts the connection after LINGER_MS. */
function linger(socket: Socket, req: IncomingMessage): void {
  if (lingering.has(socket)) return;
  lingering.add(socket);
  socket.end();
  req.resume();
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}

/**
 * A response that ends before its request body has fully arrived closes the connection, gently: our side is
 * ended at once and the rest of the body is read and dropped for LINGER_MS before the socket goes, so a client
 * still sending it (a 2 MB body answered with 413) reads the answer instead of a reset (a lingering close, as
 * nginx does). Node itself destroys the socket as soon as a `connection: close` answer is out, through
 * destroySoon(), before any 'finish' listener of ours runs: that call lingers too while the body is unread.
 */
function closeIfBodyUnread(req: IncomingMessage, res: ServerResponse): void {
  const socket = req.socket;
  if (!current.has(socket)) {
    const destroySoon = socket.destroySoon.bind(socket);
    socket.destroySoon = () => {
      const r = current.get(socket);
      if (r && !r.complete) linger(socket, r);
      else destroySoon();
    };
  }
  current.set(socket, req);
  res.once('finish', () => {
    if (!req.complete) linger(socket, req);
  });
}

const server = createServer(
  {
    headersTimeout: headersTimeoutMs,
    // The API routes cut a slow body at BODY_TIMEOUT_MS with their own 408; this bounds every other request.
    requestTimeout: headersTimeoutMs + bodyTimeoutMs,
    // How often Node looks for requests past those timeouts (its default, 30 s, would let them run far over).
    connectionsCheckingInterval: 1_000,
  },
  (req, res) => {
    const refusal = screenRequest(req.method, req.url);
    if (refusal) return sendRefusal(res, refusal);
    // Next answers 500 to a router-state header it cannot parse (an empty one included): the client's error, so 400.
    const routerState = req.headers['next-router-state-tree'];
    if (typeof routerState === 'string' && !isRouterState(routerState)) return sendRefusal(res, refusals.badRequest());
    const client = resolveClientIp(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustProxy);
    // Overwritten on every request: the routes trust this header and nothing a client sends.
    req.headers[CLIENT_IP_HEADER] = client;
    const release = inFlight.acquire(client);
    if (!release) return sendRefusal(res, refusals.tooManyInFlight());
    res.once('close', release);
    closeIfBodyUnread(req, res);
    for (const [name, value] of baseHeaders) res.setHeader(name, value);
    void handle(req, res);
  },
);

// Requests Node could not parse or that ran past a timeout: answered like the rest, not with Node's bare text.
server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
  const code = err.code ?? '';
  const refusal =
    code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? refusals.timeout()
      : code === 'HPE_HEADER_OVERFLOW'
        ? refusals.headersTooLarge()
        : code === 'HPE_INVALID_METHOD'
          ? refusals.methodNotAllowed(['GET', 'HEAD', 'POST'])
          : refusals.badRequest();
  if (code === 'ECONNRESET' || code === 'EPIPE') return void socket.destroy();
  writeRefusalToSocket(socket, refusal);
});

// An Expect header other than 100-continue: Node would answer 417 itself, without our headers.
server.on('checkExpectation', (_req, res) => sendRefusal(res, refusals.expectationFailed()));

// CONNECT (a proxy tunnel) is nothing this server does; without a listener Node would drop the connection unanswered.
server.on('connect', (_req, socket) => writeRefusalToSocket(socket, refusals.methodNotAllowed(['GET', 'HEAD', 'POST'])));

// A port taken by another process, or one this user may not open: said plainly, not as Node's stack.
server.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EADDRINUSE') cannotStart(`端口 ${port} 已被占用(另一个服务或另一个实例),请换一个 PORT 或先停止占用它的进程。`);
  if (err.code === 'EACCES') cannotStart(`没有权限监听端口 ${port}(1024 以下的端口需要特权),请换一个 PORT。`);
  if (err.code === 'EADDRNOTAVAIL') cannotStart(`本机没有地址 ${hostname},请检查 HOSTNAME。`);
  // A host name no resolver knows (a typo, a name of another machine's network).
  if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') cannotStart(`无法解析主机名 ${hostname},请检查 HOSTNAME(如 0.0.0.0、127.0.0.1 或本机的地址)。`);
  throw err;
});

for (const { name, meant } of misspeltVariables(process.env)) console.warn(`[config] 环境变量 ${name} 不会被读取:是否想写 ${meant}?`);
server.listen(port, hostname, () =>
  console.info(`[server] ${config.assistantName}已启动:http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}(${runningOn(config)})`),
);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    // The runtime is loaded only now: the routes built it; closing it writes the pending log and closes the database. First, answers
    // waiting on the model finish offline, so the connections close within the grace period instead of being cut.
    void import('./lib/runtime').then((m) => m.stopRuntime()).catch(() => {});
    server.close(
      () =>
        void import('./lib/runtime')
          .then((m) => m.closeRuntime())
          .catch(() => {})
          .then(releaseDataDir)
          .finally(() => process.exit(0)),
    );
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}

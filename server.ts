/**
 * `npm start`: the production server. Next's request handler behind a plain node:http server,
 * so that the server (not the client) decides who the client is (TRUST_PROXY) and how long
 * headers may take. Run with `node --import tsx server.ts` after `npm run build`.
 */
import { createServer } from 'node:http';
import path from 'node:path';
import next from 'next';
import { configFromEnv } from './lib/config';
import { CLIENT_IP_HEADER, resolveClientIp } from './lib/http/client-key';

const config = configFromEnv();
const { port, hostname, trustProxy, headersTimeoutMs } = config.server;
const app = next({ dev: false, dir: path.dirname(new URL(import.meta.url).pathname), hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((req, res) => {
  // Overwritten on every request: the routes trust this header and nothing a client sends.
  req.headers[CLIENT_IP_HEADER] = resolveClientIp(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustProxy);
  void handle(req, res);
});
server.headersTimeout = headersTimeoutMs;
server.listen(port, hostname, () => console.info(`[server] 商户 FAQ 助手已启动:http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`));

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    // The runtime is loaded only now: the routes built it; closing it writes the pending log and closes the database.
    server.close(
      () =>
        void import('./lib/runtime')
          .then((m) => m.closeRuntime())
          .catch(() => {})
          .finally(() => process.exit(0)),
    );
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}

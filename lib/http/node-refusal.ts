import { type ServerResponse, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { type Refusal, refusalBody } from './request-screen';
import { securityHeaders } from './security-headers';

function headersOf(r: Refusal, body: string): Record<string, string> {
  return {
    ...securityHeaders(),
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': String(Buffer.byteLength(body)),
    ...r.headers,
  };
}

/** Answers a request with a refusal (our JSON error and every security header) and closes the connection. */
export function sendRefusal(res: ServerResponse, r: Refusal): void {
  const body = refusalBody(r);
  res.shouldKeepAlive = false;
  res.writeHead(r.status, headersOf(r, body));
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/**
 * Answers on a bare socket (Node's 'clientError': a request it could not parse, headers too
 * large, a request that took too long) the way sendRefusal does, unless a response has begun.
 */
export function writeRefusalToSocket(socket: Duplex, r: Refusal): void {
  const started = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (socket.writable && !started) {
    const body = refusalBody(r);
    const head = Object.entries({ ...headersOf(r, body), connection: 'close' })
      .map(([k, v]) => `${k}: ${v}`)
      .join('\r\n');
    socket.end(`HTTP/1.1 ${r.status} ${STATUS_CODES[r.status] ?? ''}\r\n${head}\r\n\r\n${body}`);
  }
  // Whatever the client still sends is not read: the connection goes once the answer is out.
  setTimeout(() => socket.destroy(), 1_000).unref();
}

import net from 'node:net';

/** A response read off a raw socket. `status` is 0 when the server closed without answering. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Milliseconds from connecting until the server closed the connection (or the read gave up). */
  ms: number;
  closed: boolean;
}

export interface RawOptions {
  /** Local address to connect from (any of 127.0.0.0/8 on Linux): a second "client" on one machine. */
  from?: string;
  /** Give up after this long. */
  timeoutMs?: number;
  /** After `text`, send one byte every `dripMs` until the server closes. */
  dripMs?: number;
}

/** HTTP/1.1 request text; Content-Length is added for a body, Connection: close always. */
export function httpText(method: string, target: string, headers: Record<string, string> = {}, body?: string): string {
  const all: Record<string, string> = { host: 'localhost', connection: 'close', ...headers };
  if (body !== undefined && !Object.keys(all).some((k) => k.toLowerCase() === 'content-length')) all['content-length'] = String(Buffer.byteLength(body));
  const head = Object.entries(all)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n');
  return `${method} ${target} HTTP/1.1\r\n${head}\r\n\r\n${body ?? ''}`;
}

/** Joins a chunked body; sizes count bytes, so this works on the buffer. */
function dechunk(body: Buffer): Buffer {
  const out: Buffer[] = [];
  let rest = body;
  for (;;) {
    const nl = rest.indexOf('\r\n');
    if (nl === -1) return Buffer.concat([...out, rest]);
    const size = Number.parseInt(rest.subarray(0, nl).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) return Buffer.concat(out);
    out.push(rest.subarray(nl + 2, nl + 2 + size));
    rest = rest.subarray(nl + 2 + size + 2);
  }
}

/** Parses the first response in `raw` (status line, headers, body; chunked bodies joined). */
/** What follows any interim responses (100 Continue): the final response is what the request got. */
function finalResponse(raw: Buffer): Buffer {
  let out = raw;
  while (/^HTTP\/1\.1 1\d\d /.test(out.subarray(0, 13).toString('latin1')) && out.indexOf('\r\n\r\n') !== -1) out = out.subarray(out.indexOf('\r\n\r\n') + 4);
  return out;
}

export function parseResponse(all: Buffer): Omit<RawResponse, 'ms' | 'closed'> {
  const raw = finalResponse(all);
  const end = raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, end === -1 ? undefined : end).toString('utf8');
  if (!head.startsWith('HTTP/')) return { status: 0, headers: {}, body: raw.toString('utf8') };
  const [statusLine, ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  const body = end === -1 ? Buffer.alloc(0) : raw.subarray(end + 4);
  return { status: Number(statusLine!.split(' ')[1]), headers, body: (headers['transfer-encoding'] === 'chunked' ? dechunk(body) : body).toString('utf8') };
}

/** Whether `raw` holds a whole response (by Content-Length or the last chunk), so the read can stop before the server closes. */
function complete(all: Buffer): boolean {
  const raw = finalResponse(all);
  const end = raw.indexOf('\r\n\r\n');
  if (end === -1) return false;
  const head = raw.subarray(0, end).toString('latin1').toLowerCase();
  const length = /\r\ncontent-length:\s*(\d+)/.exec(head);
  if (length) return raw.length - end - 4 >= Number(length[1]);
  if (/\r\ntransfer-encoding:\s*chunked/.test(head)) return raw.subarray(end).includes('\r\n0\r\n\r\n');
  return /^http\/1\.1 (204|304)/.test(head);
}

/**
 * Sends `text` on a fresh TCP connection and reads one response, until it is complete or the
 * server closes: for requests no HTTP client would send (odd methods, malformed targets and
 * headers, bodies that drip in). `closed` says whether the server closed the connection.
 */
export function rawRequest(port: number, text: string | Buffer, opts: RawOptions = {}): Promise<RawResponse> {
  return new Promise((resolve) => {
    const started = Date.now();
    const chunks: Buffer[] = [];
    let drip: NodeJS.Timeout | undefined;
    const socket = net.connect({ port, host: '127.0.0.1', localAddress: opts.from });
    const done = (closed: boolean) => {
      clearInterval(drip);
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...parseResponse(Buffer.concat(chunks)), ms: Date.now() - started, closed });
    };
    const timer = setTimeout(() => done(false), opts.timeoutMs ?? 10_000);
    socket.on('connect', () => {
      socket.write(text);
      if (opts.dripMs) drip = setInterval(() => socket.writable && socket.write('a'), opts.dripMs);
    });
    socket.on('data', (d) => {
      chunks.push(d);
      // A response answering a request still being sent must also close: the drip tests wait for that.
      if (!opts.dripMs && complete(Buffer.concat(chunks))) done(false);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => done(true));
  });
}

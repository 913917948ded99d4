import { connect, createServer, type Socket } from 'node:net';

/** A TCP proxy in front of a server (PostgreSQL in the tests) that a test can cut or stall. */
export interface TcpProxy {
  port: number;
  /** Drops every connection and refuses new ones, as a stopped server would. */
  down(): void;
  /** Holds every byte in both directions: connections open, nothing answers (a hung server). */
  stall(): void;
  /** Back to forwarding. */
  up(): void;
  close(): Promise<void>;
}

function flow([a, b]: [Socket, Socket]) {
  a.pipe(b);
  b.pipe(a);
}

function hold([a, b]: [Socket, Socket]) {
  a.unpipe(b);
  b.unpipe(a);
  a.pause();
  b.pause();
}

/** Starts a proxy on a free loopback port forwarding to `target`. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let state: 'up' | 'down' | 'stall' = 'up';
  const pairs = new Set<[Socket, Socket]>();
  const server = createServer((client) => {
    if (state === 'down') return void client.destroy();
    const upstream = connect(target.port, target.host);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    if (state === 'stall') hold(pair);
    else flow(pair);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    down() {
      state = 'down';
      for (const [a, b] of pairs) {
        a.destroy();
        b.destroy();
      }
      pairs.clear();
    },
    stall() {
      state = 'stall';
      for (const pair of pairs) hold(pair);
    },
    up() {
      state = 'up';
      for (const pair of pairs) flow(pair);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const [a, b] of pairs) {
          a.destroy();
          b.destroy();
        }
        server.close(() => resolve());
      }),
  };
}

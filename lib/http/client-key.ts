import proxyaddr from 'proxy-addr';

/**
 * The header in which the server (server.ts) passes the client's address to the routes. The
 * server always overwrites it, so a client cannot set it; without the server (next dev, tests
 * calling a route directly) it is absent and the client is unknown.
 */
export const CLIENT_IP_HEADER = 'x-faq-client-ip';

/**
 * Who the client is, from the socket address and, only for trusted proxies, X-Forwarded-For
 * (proxy-addr, as Express does it). `trust` false: the socket address, whatever the headers say.
 *
 * @example
 * resolveClientIp('10.0.0.5', '203.0.113.7, 10.0.0.9', ['10.0.0.0/8']) // '203.0.113.7'
 */
export function resolveClientIp(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trust: boolean | number | string[]): string {
  const remote = socketAddress ?? '';
  if (trust === false) return remote;
  const headers = forwardedFor === undefined ? {} : { 'x-forwarded-for': Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor };
  const fn = typeof trust === 'boolean' ? () => trust : typeof trust === 'number' ? (_addr: string, hop: number) => hop < trust : proxyaddr.compile(trust);
  return proxyaddr({ headers, socket: { remoteAddress: remote }, connection: { remoteAddress: remote } } as unknown as Parameters<typeof proxyaddr>[0], fn);
}

/** The client's address as the server determined it, or null when no server set it. */
export function clientAddress(headers: Headers): string | null {
  const v = headers.get(CLIENT_IP_HEADER)?.trim();
  return v ? v.slice(0, 100) : null;
}

/** Whether the address is this machine (127.0.0.0/8, ::1, IPv4-mapped loopback). */
export function isLoopback(address: string | null): boolean {
  if (!address) return false;
  const a = address.replace(/^::ffff:/i, '');
  return a === '::1' || /^127\./.test(a);
}

/** The key a request counts against in rate limits: the client's address, or one shared key when unknown. */
export function clientKey(headers: Headers): string {
  return clientAddress(headers) ?? 'local';
}

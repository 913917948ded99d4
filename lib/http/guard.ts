import { BadRequestError, RateLimitError } from '../errors';
import { clientKey } from './client-key';
import type { RateLimiter } from './rate-limit';

/** Throws RateLimitError when this client has used up its requests. */
export function enforceRateLimit(request: Request, limiter: RateLimiter): void {
  const decision = limiter(clientKey(request.headers));
  if (!decision.ok) throw new RateLimitError(decision.retryAfterSeconds);
}

/**
 * Throws 415 unless the body is declared JSON. A form or `text/plain` post is what any web page
 * can make a visitor's browser send without asking (a CORS "simple request"); JSON needs a preflight.
 */
export function requireJson(request: Request): void {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && !/^application\/[\w.-]+\+json$/.test(type)) {
    throw new BadRequestError('请求内容类型必须为 application/json。', { status: 415 });
  }
}

function hostsOf(request: Request): string[] {
  const forwarded = (request.headers.get('x-forwarded-host') ?? '').split(',');
  return [request.headers.get('host') ?? new URL(request.url).host, ...forwarded].map((h) => h.trim().toLowerCase()).filter(Boolean);
}

/** `host` as the origin's scheme would write it (default port dropped), or null when it is not a host. */
function normalHost(protocol: string, host: string): string | null {
  try {
    return new URL(`${protocol}//${host}`).host;
  } catch {
    return null;
  }
}

/**
 * Throws 403 when a browser posts from another site: its Origin is neither this server (the
 * Host it was asked for, or the X-Forwarded-Host of a proxy in front) nor one of `allowedOrigins`.
 * Clients that are not browsers send no Origin and pass; rate limits still apply to them.
 *
 * @example
 * enforceSameOrigin(request, rt.config.allowedOrigins);
 */
export function enforceSameOrigin(request: Request, allowedOrigins: string[] = []): void {
  const forbidden = () => new BadRequestError('不接受来自其他网站的请求,请在本站页面中提问。', { status: 403 });
  const origin = request.headers.get('origin');
  if (origin === null) {
    // No Origin: a client that is not a browser, or an old one; modern browsers still say where the post came from.
    const site = request.headers.get('sec-fetch-site');
    if (site === 'cross-site' || site === 'same-site') throw forbidden();
    return;
  }
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw forbidden(); // "null" (sandboxed frames, file://) and garbage
  }
  if (allowedOrigins.includes(url.origin.toLowerCase())) return;
  if (!hostsOf(request).some((h) => normalHost(url.protocol, h) === url.host)) throw forbidden();
}

/** The checks every JSON API a browser posts to makes first: same origin, then a JSON body. */
export function guardBrowserPost(request: Request, allowedOrigins: string[] = []): void {
  enforceSameOrigin(request, allowedOrigins);
  requireJson(request);
}

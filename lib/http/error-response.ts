import { isAppError, RateLimitError } from '../errors';
import { GENERIC_ERROR_TEXT as GENERIC } from '../text/messages';

/**
 * Whether the response to this error must close its connection: a body refused as too slow or too large
 * is not read to its end, so the connection cannot carry another request (and the client must not reuse it).
 */
export function endsConnection(e: unknown): boolean {
  return isAppError(e) && (e.status === 408 || e.status === 413);
}

/**
 * The one place an error becomes a response: typed errors meant for users keep their
 * Chinese message and status; anything else is logged with detail and shown generically.
 */
export function errorResponse(e: unknown): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
  if (e instanceof RateLimitError) headers['retry-after'] = String(e.retryAfterSeconds);
  if (endsConnection(e)) headers.connection = 'close';
  if (isAppError(e)) {
    if (!e.expose || e.status >= 500) console.error(`[api] ${e.code}`, e.message, e.detail ?? '', e.cause ?? '');
    const message = e.expose ? e.message : GENERIC;
    return new Response(JSON.stringify({ error: { code: e.code, message } }), { status: e.status, headers });
  }
  console.error('[api] unexpected error', e);
  return new Response(JSON.stringify({ error: { code: 'internal', message: GENERIC } }), { status: 500, headers });
}

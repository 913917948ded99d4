import { randomUUID } from 'node:crypto';

/** The anonymous, random id that ties a browser to its conversations (no accounts). */
export const CLIENT_ID_COOKIE = 'faq_cid';
const VALID = /^[A-Za-z0-9_-]{22,64}$/;
const ONE_YEAR = 365 * 86_400;

/** Reads a cookie's value from a request's Cookie header. */
export function readCookie(headers: Headers, name: string): string | null {
  for (const part of (headers.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/** This browser's client id, or null when it has none (or a malformed one). */
export function readClientId(headers: Headers): string | null {
  const v = readCookie(headers, CLIENT_ID_COOKIE);
  return v && VALID.test(v) ? v : null;
}

/**
 * The request's client id, or a new random one with the Set-Cookie header that gives it to the browser: a random UUID's
 * 122 bits as 32 hex digits (Node draws UUIDs from a pooled CSPRNG buffer, several times cheaper than randomBytes per request).
 */
export function clientIdentity(request: Request): { clientId: string; setCookie?: string } {
  const existing = readClientId(request.headers);
  if (existing) return { clientId: existing };
  const clientId = randomUUID().replaceAll('-', '');
  return { clientId, setCookie: clientIdCookie(clientId, new URL(request.url).protocol === 'https:') };
}

/** Set-Cookie value: httpOnly (scripts cannot read it), same-site, for a year. */
export function clientIdCookie(id: string, secure: boolean): string {
  return `${CLIENT_ID_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${ONE_YEAR}${secure ? '; Secure' : ''}`;
}

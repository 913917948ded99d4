import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The admin session cookie. */
export const ADMIN_COOKIE = 'faq_admin';
/** How long an admin session lasts. */
export const SESSION_SECONDS = 12 * 3_600;

const sha256 = (s: string) => createHash('sha256').update(s).digest();

/** Compares a given password with the configured one in constant time (hashes first, so lengths never leak). */
export function passwordMatches(given: string, password: string): boolean {
  return timingSafeEqual(sha256(given), sha256(password));
}

/** The signing key: derived from the password, so every instance accepts every other's sessions and a new password ends them all. */
function keyOf(password: string): Buffer {
  return createHmac('sha256', password).update('faq-admin-session-v1').digest();
}

function sign(password: string, payload: string): string {
  return createHmac('sha256', keyOf(password)).update(payload).digest('base64url');
}

/** A new session token: expiry and a random nonce, signed (HMAC-SHA256). */
export function createSessionToken(password: string, now = Date.now()): string {
  const payload = `${now + SESSION_SECONDS * 1000}.${randomBytes(16).toString('base64url')}`;
  return `${payload}.${sign(password, payload)}`;
}

/** Whether a token was signed with this password and has not expired. */
export function verifySessionToken(password: string, token: string | null | undefined, now = Date.now()): boolean {
  if (!token || token.length > 200) return false;
  const cut = token.lastIndexOf('.');
  if (cut <= 0) return false;
  const payload = token.slice(0, cut);
  const given = Buffer.from(token.slice(cut + 1));
  const expected = Buffer.from(sign(password, payload));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  const expires = Number(payload.split('.')[0]);
  return Number.isFinite(expires) && expires > now;
}

/** Set-Cookie value for a session (httpOnly, SameSite=Strict), or one that ends it. */
export function sessionCookie(token: string | null, secure: boolean): string {
  const attrs = `Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
  return token ? `${ADMIN_COOKIE}=${token}; ${attrs}; Max-Age=${SESSION_SECONDS}` : `${ADMIN_COOKIE}=; ${attrs}; Max-Age=0`;
}

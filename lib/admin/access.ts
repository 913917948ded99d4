import type { AppConfig } from '../config';
import { BadRequestError, RateLimitError, UnauthorizedError } from '../errors';
import { readCookie } from '../http/client-id';
import { clientKey } from '../http/client-key';
import type { RateLimiter } from '../http/rate-limit';
import { ADMIN_COOKIE, createSessionToken, passwordMatches, sessionCookie, verifySessionToken } from './session';

/** disabled: no ADMIN_PASSWORD; anonymous: no valid session; admin: signed in. */
export type AdminState = 'disabled' | 'anonymous' | 'admin';

/** What the admin pages say when ADMIN_PASSWORD is not set. */
export const ADMIN_DISABLED_TEXT = '管理后台未启用:请在环境变量中设置 ADMIN_PASSWORD 后重启服务。';

/** Whether the request carries a valid admin session. */
export function adminState(config: Pick<AppConfig, 'admin'>, headers: Headers): AdminState {
  const password = config.admin.password;
  if (!password) return 'disabled';
  return verifySessionToken(password, readCookie(headers, ADMIN_COOKIE)) ? 'admin' : 'anonymous';
}

/** Throws UnauthorizedError (401) unless the request carries a valid admin session. */
export function requireAdmin(config: Pick<AppConfig, 'admin'>, request: Request): void {
  const state = adminState(config, request.headers);
  if (state === 'disabled') throw new UnauthorizedError(ADMIN_DISABLED_TEXT);
  if (state === 'anonymous') throw new UnauthorizedError();
}

/**
 * Checks the password (constant time, rate-limited per client) and returns the Set-Cookie
 * value of a new session. A wrong password is a 401 that says only that.
 */
export function logIn(config: Pick<AppConfig, 'admin'>, limiter: RateLimiter, request: Request, given: unknown): string {
  const password = config.admin.password;
  if (!password) throw new UnauthorizedError(ADMIN_DISABLED_TEXT);
  const decision = limiter(`login:${clientKey(request.headers)}`);
  if (!decision.ok) throw new RateLimitError(decision.retryAfterSeconds);
  if (typeof given !== 'string' || given.length === 0 || given.length > 500) throw new BadRequestError('请输入管理密码。');
  if (!passwordMatches(given, password)) throw new UnauthorizedError('密码不正确。');
  return sessionCookie(createSessionToken(password), new URL(request.url).protocol === 'https:');
}

/** The Set-Cookie value that ends the session. */
export function logOut(request: Request): string {
  return sessionCookie(null, new URL(request.url).protocol === 'https:');
}

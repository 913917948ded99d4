import { apiMethods } from './api-routes';

/**
 * What the server refuses before any route sees a request: methods no route uses, API paths no
 * route serves and URLs that cannot be decoded. Pure, so server.ts (before Next) and proxy.ts
 * (inside Next, for `next dev`; pages only, so there the API's 404 and 405 are Next's own) apply
 * the same rules. Refusals are JSON `{ error: { code, message } }` like every API error.
 */

/** A refusal the server sends itself: status, our error JSON, and extra headers. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  headers?: Record<string, string>;
  /** On /v1: the body is in OpenAI's error shape too (`type`, `param`), as its clients parse it. */
  openai?: boolean;
}

/** Pages are read (GET, HEAD); POST stays for Next's server actions. */
const PAGE_METHODS = ['GET', 'HEAD', 'POST'];

const isApi = (pathname: string) => pathname.startsWith('/api/') || pathname === '/api' || pathname.startsWith('/v1/') || pathname === '/v1';

export const refusals = {
  methodNotAllowed: (allow: string[]): Refusal => ({
    status: 405,
    code: 'method_not_allowed',
    message: '不支持该请求方法。',
    headers: { allow: allow.join(', ') },
  }),
  noSuchApi: (): Refusal => ({ status: 404, code: 'not_found', message: '没有这个接口,请检查请求地址。' }),
  badUrl: (): Refusal => ({ status: 400, code: 'bad_request', message: '请求地址格式有误,请检查链接是否完整。' }),
  badRequest: (): Refusal => ({ status: 400, code: 'bad_request', message: '请求格式有误。' }),
  expectationFailed: (): Refusal => ({ status: 417, code: 'bad_request', message: '不支持请求中的 Expect 头。' }),
  headersTooLarge: (): Refusal => ({ status: 431, code: 'bad_request', message: '请求头过大。' }),
  /** `seconds`: the body deadline, when that is what ran out. */
  timeout: (seconds?: number): Refusal => ({
    status: 408,
    code: 'request_timeout',
    message: seconds === undefined ? '请求未能及时送达,请检查网络后重试。' : `请求内容未在 ${seconds} 秒内送达,请检查网络后重试。`,
  }),
  tooManyInFlight: (): Refusal => ({
    status: 429,
    code: 'rate_limited',
    message: '同时进行的请求过多,请等当前请求完成后再试。',
    headers: { 'retry-after': '1' },
  }),
};

/** The path part of a request target, or null when it is not a path (absolute-form, `*`, empty). */
function pathOf(url: string): string | null {
  if (!url.startsWith('/') || url.startsWith('//')) return null;
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

/**
 * Whether the server should answer a request itself, and how: 404 for an API path no route serves,
 * 405 for a method its route, or any page, does not use (TRACE, PROPFIND, GET /api/chat …), 400 for a path that is not valid percent-encoded UTF-8
 * (`/faq/%`, overlong `%C0%AE`, a lone surrogate `%ED%A0%80`) or holds control characters.
 *
 * @example
 * screenRequest('TRACE', '/api/chat')?.status // 405
 * screenRequest('GET', '/faq/%E0%A4%A')?.status // 400
 * screenRequest('GET', '/faq/FAQ2.5') // null: hand it to Next
 */
export function screenRequest(method: string | undefined, url: string | undefined): Refusal | null {
  const path = pathOf(url ?? '');
  if (path === null) return refusals.badUrl();
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return refusals.badUrl();
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return refusals.badUrl();
  // An API path no route serves, or a method its route does not implement, is answered here in JSON (Next would send its HTML 404
  // page, or a 405 with no body).
  const allowed = isApi(path) ? apiMethods(path) : PAGE_METHODS;
  const openai = path === '/v1' || path.startsWith('/v1/') ? { openai: true } : {};
  if (!allowed) return { ...refusals.noSuchApi(), ...openai };
  if (!allowed.includes((method ?? '').toUpperCase())) return { ...refusals.methodNotAllowed(allowed), ...openai };
  return null;
}

/** The JSON body of a refusal. */
export function refusalBody(r: Refusal): string {
  return JSON.stringify({ error: { code: r.code, message: r.message, ...(r.openai ? { type: 'invalid_request_error', param: null } : {}) } });
}

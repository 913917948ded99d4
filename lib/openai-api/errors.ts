import { AppError, type ErrorCode, isAppError, RateLimitError } from '../errors';
import { endsConnection } from '../http/error-response';
import { GENERIC_ERROR_TEXT } from '../text/messages';

/** The body of every error the API returns, as OpenAI writes it: `{ error: { message, type, code, param } }`. */
export interface OpenAIErrorBody {
  error: { message: string; type: string; code: string | null; param: string | null };
}

/**
 * An error of the OpenAI-compatible API with OpenAI's `code` and `param`. The message is
 * Chinese and shown as is (`expose`); the status is OpenAI's for the same case.
 */
export class ApiError extends AppError {
  readonly param: string | null;
  readonly apiCode: string;
  constructor(code: ErrorCode, status: number, message: string, opts: { apiCode: string; param?: string | null }) {
    super(code, message, { status, expose: true });
    this.apiCode = opts.apiCode;
    this.param = opts.param ?? null;
  }
}

/** 400 for a request that does not follow the protocol; `param` names the offending field (`messages[2].content`). */
export function invalidRequest(message: string, param: string | null, apiCode = 'invalid_value'): ApiError {
  return new ApiError('bad_request', 400, message, { apiCode, param });
}

/** 401: no key, or not one of API_KEYS. The message never repeats the key. */
export function invalidApiKey(missing: boolean): ApiError {
  const message = missing ? '缺少 API 密钥:请在请求头中加入 Authorization: Bearer <密钥>。' : 'API 密钥无效:请检查密钥是否正确,或向管理员申请新的密钥。';
  return new ApiError('unauthorized', 401, message, { apiCode: 'invalid_api_key' });
}

/** 403: no API_KEYS are configured and the client is not on this machine. */
export function loopbackOnly(): ApiError {
  return new ApiError('forbidden', 403, '服务端未配置 API_KEYS,/v1 接口仅允许本机访问。如需从其他机器调用,请在服务端设置 API_KEYS 并携带密钥。', {
    apiCode: 'loopback_only',
  });
}

/** 404 for a model this server does not serve. */
export function modelNotFound(model: string, served: string): ApiError {
  return new ApiError('not_found', 404, `模型 ${model.slice(0, 100)} 不存在。本服务提供的模型:${served}(见 GET /v1/models)。`, {
    apiCode: 'model_not_found',
    param: 'model',
  });
}

/** OpenAI's `type` and `code` for an error of the rest of the app, by status. */
function classify(e: AppError): { type: string; code: string } {
  if (e instanceof ApiError) return { type: e.status >= 500 ? 'server_error' : 'invalid_request_error', code: e.apiCode };
  if (e instanceof RateLimitError) return { type: 'requests', code: 'rate_limit_exceeded' };
  if (e.status === 413) return { type: 'invalid_request_error', code: 'request_too_large' };
  if (e.status < 500) return { type: 'invalid_request_error', code: e.code };
  return { type: 'server_error', code: e.expose ? e.code : 'internal' };
}

/**
 * The one place an error of /v1/* becomes a response, in OpenAI's error shape with its
 * status (429 with Retry-After). Typed errors meant for users keep their Chinese message;
 * anything else is logged with detail and shown generically.
 */
export function openAIErrorResponse(e: unknown): Response {
  // The client went away while a non-streamed answer was being written: nobody reads this, nothing to log.
  if (e instanceof Error && e.name === 'AbortError') return new Response(null, { status: 499 });
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
  if (e instanceof RateLimitError) headers['retry-after'] = String(e.retryAfterSeconds);
  if (endsConnection(e)) headers.connection = 'close';
  let status = 500;
  let error: OpenAIErrorBody['error'] = { message: GENERIC_ERROR_TEXT, type: 'server_error', code: 'internal', param: null };
  if (isAppError(e)) {
    if (!e.expose || e.status >= 500) console.error(`[v1] ${e.code}`, e.message, e.detail ?? '', e.cause ?? '');
    status = e.status;
    error = { message: e.expose ? e.message : GENERIC_ERROR_TEXT, ...classify(e), param: e instanceof ApiError ? e.param : null };
  } else {
    console.error('[v1] unexpected error', e);
  }
  return new Response(JSON.stringify({ error } satisfies OpenAIErrorBody), { status, headers });
}

/**
 * Typed errors thrown by lib/. Only routes and CLIs decide how they are shown:
 * `expose` says whether `message` (always Chinese, user-facing) may be shown as is.
 */
export type ErrorCode =
  | 'bad_request'
  | 'payload_too_large'
  | 'request_timeout'
  | 'unsupported_media_type'
  | 'forbidden'
  | 'method_not_allowed'
  | 'rate_limited'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'index_missing'
  | 'index_corrupt'
  | 'index_stale'
  | 'corpus_invalid'
  | 'upstream_failed'
  | 'config_invalid'
  | 'not_found'
  | 'unauthorized'
  | 'store_unavailable'
  | 'internal';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly expose: boolean;
  readonly detail?: unknown;

  constructor(code: ErrorCode, message: string, opts: { status?: number; expose?: boolean; detail?: unknown; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = opts.status ?? 500;
    this.expose = opts.expose ?? this.status < 500;
    this.detail = opts.detail;
  }
}

const CLIENT_ERROR_CODES: Record<number, ErrorCode> = {
  403: 'forbidden',
  405: 'method_not_allowed',
  408: 'request_timeout',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

/** The request itself is wrong (400, or 403/405/408/413/415); the message tells the user what to fix. */
export class BadRequestError extends AppError {
  constructor(message: string, opts: { status?: number; detail?: unknown } = {}) {
    const status = opts.status ?? 400;
    super(CLIENT_ERROR_CODES[status] ?? 'bad_request', message, { status, expose: true, detail: opts.detail });
  }
}

export class RateLimitError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super('rate_limited', `请求过于频繁,请 ${retryAfterSeconds} 秒后再试。`, { status: 429, expose: true });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The search index cannot be used as it is; `code` says why. */
export class IndexError extends AppError {
  constructor(code: 'index_missing' | 'index_corrupt' | 'index_stale', message: string, opts: { detail?: unknown; cause?: unknown } = {}) {
    super(code, message, { status: 503, expose: true, ...opts });
  }
}

export interface CorpusIssue {
  line: number;
  message: string;
}

/** The FAQ file does not follow the format; every problem carries its line number. */
export class CorpusError extends AppError {
  readonly issues: CorpusIssue[];
  /** The file at fault, as given. */
  readonly file: string;
  /** `unreadable`: the file could not be read at all (it is missing), not that its text is wrong. */
  readonly unreadable: boolean;
  constructor(issues: CorpusIssue[], file = 'FAQ 文件', unreadable = false) {
    // Line 0: about the file as a whole (missing, or cut short), said without a line number.
    const lines = issues.map((i) => (i.line > 0 ? `  第 ${i.line} 行:${i.message}` : `  ${i.message}`)).join('\n');
    super('corpus_invalid', `${file} ${unreadable ? '无法读取' : '格式有误'}:\n${lines}`, {
      status: 500,
      expose: false,
      detail: issues,
    });
    this.issues = issues;
    this.file = file;
    this.unreadable = unreadable;
  }
}

/** The chat model failed (timeout, 429, 5xx, broken stream). Never exposed verbatim. */
export class UpstreamError extends AppError {
  readonly kind: 'timeout' | 'rate_limited' | 'server_error' | 'connection' | 'stream_broken' | 'other';
  constructor(kind: UpstreamError['kind'], detail?: unknown, cause?: unknown) {
    super('upstream_failed', '模型服务暂时不可用', { status: 502, expose: false, detail, cause });
    this.kind = kind;
  }
}

export class ConfigError extends AppError {
  constructor(message: string, detail?: unknown) {
    super('config_invalid', message, { status: 500, expose: false, detail });
  }
}

/** What was asked for does not exist (or is not this client's: the two are not told apart). */
export class NotFoundError extends AppError {
  constructor(message: string) {
    super('not_found', message, { status: 404, expose: true });
  }
}

/** The admin session is missing or expired, or admin access is not enabled. */
export class UnauthorizedError extends AppError {
  constructor(message = '请先登录管理后台。') {
    super('unauthorized', message, { status: 401, expose: true });
  }
}

/** The database cannot be used right now; answering goes on without it. */
export class StoreError extends AppError {
  constructor(cause?: unknown) {
    super('store_unavailable', '对话记录暂时不可用,请稍后再试。', { status: 503, expose: true, cause });
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** System errors a deployment meets, named for the log (the code stays beside the name). */
const SYSTEM_ERRORS: Record<string, string> = {
  ENOSPC: '磁盘已满',
  EROFS: '文件系统只读',
  EACCES: '没有权限',
  EPERM: '没有权限',
  ENOENT: '找不到文件或目录',
  EMFILE: '打开的文件过多',
};

/**
 * What an error says, for a log line or a status: its message, with a common system error named (「磁盘已满(ENOSPC)」); for a
 * thrown value that is no Error and has no message (PGlite's file system throws such objects), its fields, never
 * 「[object Object]」 (round 25, a fresh-clone check: a full disk was logged as that).
 */
export function errorText(e: unknown): string {
  const fields = typeof e === 'object' && e !== null ? (e as { code?: unknown; message?: unknown }) : {};
  const message = typeof fields.message === 'string' && fields.message !== '' ? fields.message : undefined;
  const code = typeof fields.code === 'string' ? fields.code : undefined;
  const named = code ? SYSTEM_ERRORS[code] : undefined;
  if (named) return message ? `${named}(${code}):${message}` : `${named}(${code})`;
  if (message) return message;
  if (typeof e !== 'object' || e === null) return String(e);
  try {
    const json = JSON.stringify(e, Object.getOwnPropertyNames(e));
    return json && json !== '{}' ? json : '未知错误(没有错误信息)';
  } catch {
    return '未知错误(没有错误信息)';
  }
}

import path from 'node:path';
import proxyaddr from 'proxy-addr';
import { z } from 'zod';
import { ConfigError } from './errors';
import { oneEditApart } from './text/edit-distance';

const int = (def: number, min = 0, max = Number.MAX_SAFE_INTEGER) => z.coerce.number().int().min(min).max(max).default(def);
/** An optional integer; an empty value counts as unset (coercion would read it as 0). */
const optionalInt = (min: number) => z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(min).optional());
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** Every environment variable the project reads; documented in .env.example. */
const envSchema = z.object({
  CORPUS_FILE: z.string().default('corpus/faq.txt'),
  // The companion files default to their names beside CORPUS_FILE (see companionFile).
  RELATED_FILE: optionalString,
  DICTIONARY_FILE: optionalString,
  SYNONYMS_FILE: optionalString,
  THESAURUS_FILE: optionalString,
  GENERATED_FILE: optionalString,
  INDEX_DIR: z.string().default('.data/index'),
  EMBEDDINGS: z.enum(['local', 'openai']).default('local'),
  EMBEDDING_DIM: int(512, 16),
  HNSW_EF: int(256, 1),
  VECTOR_SEARCH: z.enum(['auto', 'hnsw']).default('auto'),
  SEARCH_THREAD: z
    .string()
    .default('true')
    .transform((v) => !/^(false|0|off|no)$/i.test(v.trim())),
  OPENAI_API_KEY: optionalString,
  // A value that is not a URL would only fail at every answer, degraded to offline (round 26's fresh-clone check).
  OPENAI_BASE_URL: optionalString.refine(
    (v) => v === undefined || (/^https?:\/\/[^\s/]/i.test(v) && URL.canParse(v)),
    '必须是 http:// 或 https:// 开头的网址,如 http://127.0.0.1:8000/v1',
  ),
  OPENAI_CHAT_MODEL: z.string().default('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: z.string().default('text-embedding-3-small'),
  ANSWER_MODE: z.enum(['auto', 'offline', 'llm']).default('auto'),
  LLM_TIMEOUT_MS: int(20_000, 100),
  LLM_MAX_RETRIES: int(2, 0),
  LLM_TEMPERATURE: z.coerce.number().min(0).max(2).default(0.1),
  DIRECT_MATCH_THRESHOLD: z.coerce.number().min(0).max(2).default(0.9),
  MAX_BODY_BYTES: int(65_536, 1024),
  MAX_MESSAGES: int(50, 1),
  MAX_TEXT_CHARS: int(2_000, 10),
  RATE_LIMIT_PER_MINUTE: int(60, 0),
  RATE_LIMIT_BURST: int(20, 1),
  API_KEYS: optionalString,
  API_RATE_LIMIT_PER_MINUTE: optionalInt(0),
  API_RATE_LIMIT_BURST: optionalInt(1),
  API_MAX_BODY_BYTES: int(1_048_576, 1024),
  PORT: int(3000, 0, 65_535),
  HOSTNAME: z.string().default('0.0.0.0'),
  // A word proxy-addr cannot read would throw at every request and answer nothing (round 26's fresh-clone check).
  TRUST_PROXY: optionalString.refine(
    (v) => trustProxyReadable(v),
    '应为 true、false、代理层数,或逗号分隔的 IP / CIDR(如 10.0.0.0/8)及 loopback、linklocal、uniquelocal',
  ),
  HEADERS_TIMEOUT_MS: int(10_000, 100),
  BODY_TIMEOUT_MS: int(10_000, 100),
  MAX_CONCURRENT_PER_CLIENT: int(32, 0),
  ALLOWED_ORIGINS: optionalString,
  DATABASE_URL: optionalString.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), '必须以 postgres:// 开头'),
  DB_DIR: z.string().default('.data/db'),
  LOG_CONVERSATIONS: z
    .string()
    .default('true')
    .transform((v) => !/^(false|0|off|no)$/i.test(v.trim())),
  LOG_REDACT: z
    .string()
    .default('true')
    .transform((v) => !/^(false|0|off|no)$/i.test(v.trim())),
  LOG_RETENTION_DAYS: int(180, 0),
  // What leaves for the model: merchant, phone, ID and card numbers replaced by labels, as in the log (round 26's fresh-clone check).
  LLM_REDACT: z
    .string()
    .default('true')
    .transform((v) => !/^(false|0|off|no)$/i.test(v.trim())),
  ADMIN_PASSWORD: optionalString,
  ASSISTANT_NAME: z
    .string()
    .default('商户 FAQ 助手')
    .transform((v) => v.trim() || '商户 FAQ 助手')
    .refine((v) => [...v].length <= 30 && !/[\r\n]/.test(v), '至多 30 个字符,不能换行'),
});

export type Env = z.infer<typeof envSchema>;

export interface AppConfig {
  corpusFile: string;
  relatedFile: string;
  dictionaryFile: string;
  synonymsFile: string;
  thesaurusFile: string;
  generatedFile: string;
  indexDir: string;
  embeddings: { provider: 'local'; dim: number } | { provider: 'openai'; model: string; apiKey?: string; baseURL?: string };
  hnswEf: number;
  /** `auto`: a local-embedder index of up to EXACT_SEARCH_MAX_CHUNKS chunks is searched exactly (its vectors are sparse), others through HNSW; `hnsw`: always HNSW. */
  vectorSearch: 'auto' | 'hnsw';
  /** The server retrieves on a worker thread of its own (local embedder only), beside the HTTP work. */
  searchThread: boolean;
  /** Null when no model is configured or ANSWER_MODE=offline. */
  /** `redact`: the question and the conversation sent to the model with identifying numbers replaced by labels (LLM_REDACT; on unless false). */
  llm: null | { model: string; apiKey?: string; baseURL?: string; timeoutMs: number; maxRetries: number; temperature: number; redact?: boolean };
  directMatchThreshold: number;
  limits: { maxBodyBytes: number; maxMessages: number; maxTextChars: number };
  /**
   * Origins (scheme://host[:port]) besides the server's own from which browsers may post to the
   * API; a browser post from any other origin is refused with 403.
   */
  allowedOrigins: string[];
  rateLimit: { perMinute: number; burst: number };
  /**
   * The OpenAI-compatible API (/v1/*): bearer keys (none: loopback clients only), its per-key rate limit, and its body cap,
   * larger than the chat's: a front-end sends the whole conversation every time (its latest turns are read).
   */
  api: { keys: string[]; rateLimit: { perMinute: number; burst: number }; maxBodyBytes: number };
  server: {
    port: number;
    hostname: string;
    /**
     * Which proxies are trusted to say who the client is (X-Forwarded-For), in proxy-addr's terms:
     * false (default: the socket address is the client), true (trust all), a hop count, or a
     * comma-separated list of addresses, CIDR ranges or loopback/linklocal/uniquelocal.
     */
    trustProxy: boolean | number | string[];
    /** A request's headers must arrive within this. */
    headersTimeoutMs: number;
    /** A request's body must arrive within this (slow drips are cut with 408). */
    bodyTimeoutMs: number;
    /** Requests one client may have in flight at once (0: no limit); more are refused with 429. */
    maxConcurrentPerClient: number;
  };
  /** Where conversations, feedback and added alternatives live: embedded PGlite (a directory, or memory) or a shared PostgreSQL. */
  store: StoreConfig;
  /** Conversation log: on (default) or off; redact merchant, phone and ID-card numbers before storing; delete after this many days (0 keeps them). */
  log: { enabled: boolean; redact: boolean; retentionDays: number };
  /** The admin pages are closed unless a password is set. */
  admin: { password?: string };
  /** What the app calls itself in the header and page titles: 商户 FAQ 助手 by default, another team's name for another FAQ. */
  assistantName: string;
}

/** The database: PGlite in `dataDir` (null: in memory), or PostgreSQL at `url`. */
export type StoreConfig = { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string };

/** TRUST_PROXY as text -> proxy-addr's trust setting. */
export function parseTrustProxy(value: string | undefined): boolean | number | string[] {
  const v = value?.trim().toLowerCase();
  if (!v || v === 'false' || v === '0' || v === 'off' || v === 'no') return false;
  if (v === 'true' || v === 'on' || v === 'yes') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Whether TRUST_PROXY's addresses are ones proxy-addr reads. */
function trustProxyReadable(value: string | undefined): boolean {
  const trust = parseTrustProxy(value);
  if (!Array.isArray(trust)) return true;
  try {
    proxyaddr.compile(trust);
    return true;
  } catch {
    return false;
  }
}

/** API_KEYS as text -> the keys: comma-separated, blanks dropped, repeats removed. */
export function parseApiKeys(value: string | undefined): string[] {
  return [
    ...new Set(
      (value ?? '')
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
    ),
  ];
}

/** What is wrong with one variable, in Chinese for whoever deploys (zod's own messages are English). */
function issueText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'number' ? '应为数字' : issue.expected === 'int' ? '应为整数' : `类型不对(应为 ${issue.expected})`;
    case 'invalid_value':
      return `只能是 ${issue.values.map(String).join('、')} 之一`;
    case 'too_small':
      return `不能小于 ${String(issue.minimum)}`;
    case 'too_big':
      return `不能大于 ${String(issue.maximum)}`;
    case 'custom':
      return issue.message;
    default:
      return `取值无效(${issue.message})`;
  }
}

/**
 * Parses an environment into the one typed config object; nothing else reads `process.env`.
 * Relative paths are resolved against `cwd`.
 */
export function parseConfig(env: Record<string, string | undefined>, cwd = process.cwd()): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')} ${issueText(i)}`).join(';');
    throw new ConfigError(`环境变量配置有误:${detail}`, parsed.error.issues);
  }
  const e = parsed.data;
  const apiKeys = parseApiKeys(e.API_KEYS);
  // A short key is guessable; saying so at startup beats finding out later. The key itself is never echoed.
  if (apiKeys.some((k) => k.length < 16)) throw new ConfigError('环境变量配置有误:API_KEYS 中每个密钥至少 16 个字符。');
  const llmConfigured = e.OPENAI_API_KEY !== undefined || e.OPENAI_BASE_URL !== undefined;
  // Embeddings from a model need a model endpoint: without one, every question would get 503 (round 26's fresh-clone check).
  if (e.EMBEDDINGS === 'openai' && !llmConfigured)
    throw new ConfigError('环境变量配置有误:EMBEDDINGS=openai 需要同时配置 OPENAI_API_KEY 或 OPENAI_BASE_URL(离线请用 EMBEDDINGS=local)。');
  // ANSWER_MODE=llm with no model to call would start healthy and then wait out the deadline on every question (check27 M7).
  if (e.ANSWER_MODE === 'llm' && !llmConfigured)
    throw new ConfigError('环境变量配置有误:ANSWER_MODE=llm 需要同时配置 OPENAI_API_KEY 或 OPENAI_BASE_URL(不接模型请用 ANSWER_MODE=auto 或 offline)。');
  const useLlm = e.ANSWER_MODE === 'llm' || (e.ANSWER_MODE === 'auto' && llmConfigured);
  const corpusFile = path.resolve(cwd, e.CORPUS_FILE);
  // A companion file is the one named, else the one of its name beside the FAQ: another FAQ given by CORPUS_FILE alone
  // starts bare instead of picking up this FAQ's alternative questions, which are keyed by ids every FAQ has.
  const companionFile = (given: string | undefined, name: string) =>
    given === undefined ? path.join(path.dirname(corpusFile), name) : path.resolve(cwd, given);
  return {
    corpusFile,
    relatedFile: companionFile(e.RELATED_FILE, 'related.json'),
    dictionaryFile: companionFile(e.DICTIONARY_FILE, 'dictionary.txt'),
    synonymsFile: companionFile(e.SYNONYMS_FILE, 'synonyms.txt'),
    thesaurusFile: companionFile(e.THESAURUS_FILE, 'thesaurus.txt'),
    generatedFile: companionFile(e.GENERATED_FILE, 'related.generated.json'),
    indexDir: path.resolve(cwd, e.INDEX_DIR),
    embeddings:
      e.EMBEDDINGS === 'local'
        ? { provider: 'local', dim: e.EMBEDDING_DIM }
        : { provider: 'openai', model: e.OPENAI_EMBEDDING_MODEL, apiKey: e.OPENAI_API_KEY, baseURL: e.OPENAI_BASE_URL },
    hnswEf: e.HNSW_EF,
    vectorSearch: e.VECTOR_SEARCH,
    searchThread: e.SEARCH_THREAD,
    llm: useLlm
      ? {
          model: e.OPENAI_CHAT_MODEL,
          apiKey: e.OPENAI_API_KEY,
          baseURL: e.OPENAI_BASE_URL,
          timeoutMs: e.LLM_TIMEOUT_MS,
          maxRetries: e.LLM_MAX_RETRIES,
          temperature: e.LLM_TEMPERATURE,
          redact: e.LLM_REDACT,
        }
      : null,
    directMatchThreshold: e.DIRECT_MATCH_THRESHOLD,
    limits: { maxBodyBytes: e.MAX_BODY_BYTES, maxMessages: e.MAX_MESSAGES, maxTextChars: e.MAX_TEXT_CHARS },
    allowedOrigins: (e.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim().replace(/\/+$/, '').toLowerCase())
      .filter(Boolean),
    rateLimit: { perMinute: e.RATE_LIMIT_PER_MINUTE, burst: e.RATE_LIMIT_BURST },
    api: {
      keys: apiKeys,
      rateLimit: { perMinute: e.API_RATE_LIMIT_PER_MINUTE ?? e.RATE_LIMIT_PER_MINUTE, burst: e.API_RATE_LIMIT_BURST ?? e.RATE_LIMIT_BURST },
      maxBodyBytes: Math.max(e.API_MAX_BODY_BYTES, e.MAX_BODY_BYTES),
    },
    server: {
      port: e.PORT,
      hostname: e.HOSTNAME,
      trustProxy: parseTrustProxy(e.TRUST_PROXY),
      headersTimeoutMs: e.HEADERS_TIMEOUT_MS,
      bodyTimeoutMs: e.BODY_TIMEOUT_MS,
      maxConcurrentPerClient: e.MAX_CONCURRENT_PER_CLIENT,
    },
    store: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: e.DB_DIR === ':memory:' ? null : path.resolve(cwd, e.DB_DIR) },
    log: { enabled: e.LOG_CONVERSATIONS, redact: e.LOG_REDACT, retentionDays: e.LOG_RETENTION_DAYS },
    admin: { password: e.ADMIN_PASSWORD },
    assistantName: e.ASSISTANT_NAME,
  };
}

/** The config of this process's environment; the one place `process.env` is read. */
export function configFromEnv(overrides: Record<string, string> = {}): AppConfig {
  return parseConfig({ ...process.env, ...overrides });
}

/**
 * Whether `DEBUG` asks for detail: any value but empty, `0`, `false`, `off` or `no`. The
 * command-line tools then print stack traces. Read apart from the config so a broken config
 * can still be reported in detail.
 */
export function debugFromEnv(env: Record<string, string | undefined> = process.env): boolean {
  const v = env.DEBUG?.trim().toLowerCase();
  return !!v && !['0', 'false', 'off', 'no'].includes(v);
}

/** The same config answering only offline (`offline`), or as configured (`llm`). */
export function withAnswerMode(config: AppConfig, mode: 'offline' | 'llm'): AppConfig {
  return mode === 'offline' ? { ...config, llm: null } : config;
}

/**
 * Environment variables set for this app under a misspelt name (DATABSE_URL, OPENAI_BASEURL, ADMIN_PASSWROD): one edit from a
 * name it reads, which then stays unset and is silently defaulted (the embedded database instead of the shared one, offline
 * instead of the model, the admin pages closed). Each with the name meant, for a warning at start (round 25, a fresh-clone check).
 */
export function misspeltVariables(env: Record<string, string | undefined>): { name: string; meant: string }[] {
  const known = Object.keys(envSchema.shape);
  return Object.keys(env)
    .filter((name) => /^[A-Z][A-Z0-9_]{5,}$/.test(name) && !known.includes(name))
    .flatMap((name) => {
      const meant = known.find((k) => k.length >= 6 && oneEditApart(name, k));
      return meant ? [{ name, meant }] : [];
    });
}

/**
 * What the server runs on, for its start line: the database (PostgreSQL's host, never its password; or the embedded one's
 * directory) and the answer mode (offline, or the model's name), so a deployment that fell back to a default says so.
 */
export function runningOn(config: AppConfig): string {
  const host = (url: string) => {
    try {
      return new URL(url).host;
    } catch {
      return '?';
    }
  };
  const store = config.store.kind === 'postgres' ? `PostgreSQL(${host(config.store.url)})` : `内嵌 PGlite(${config.store.dataDir ?? '内存'})`;
  return `数据库:${store};回答:${config.llm ? `模型 ${config.llm.model}` : '离线'}`;
}

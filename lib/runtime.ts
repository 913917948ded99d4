import type { AnswerDeps } from './answer/answer';
import { type AppConfig, configFromEnv } from './config';
import { type ConversationLog, createConversationLog } from './conversations/log';
import { createRateLimiter, type RateLimiter } from './http/rate-limit';
import type { KnowledgeBase } from './knowledge/knowledge-base';
import { createKnowledgeService, type KnowledgeService, type KnowledgeServiceDeps } from './knowledge/service';
import { createLlmClient } from './llm/model';
import type { LlmClient } from './llm/types';
import { type ApiAccess, createApiAccess } from './openai-api/auth';
import { createStore, type Store } from './store/store';

/**
 * The app's long-lived parts, built once from one config: the knowledge base (with its
 * tokenizer and retriever), the chat model client and the rate limiter. Routes, scripts,
 * evals and tests take theirs from here.
 */
export interface Runtime {
  config: AppConfig;
  knowledge: KnowledgeService;
  /** Null when no model is configured or ANSWER_MODE=offline. */
  llm: LlmClient | null;
  rateLimiter: RateLimiter;
  /** Who may call the OpenAI-compatible API (/v1/*): API_KEYS or loopback only, with a rate limit per key. */
  openaiApi: ApiAccess;
  /** Admin sign-in attempts per client: a few a minute, so the password cannot be guessed by brute force. */
  loginLimiter: RateLimiter;
  /** The database (conversations, feedback, added alternatives); null when a test runs without one. */
  store: Store | null;
  /** Records every answered question in the store, off the request path; null without a store or with LOG_CONVERSATIONS=false. */
  conversationLog: ConversationLog | null;
  /** What the answer function needs, over a given knowledge base. */
  answerDeps(kb: KnowledgeBase): AnswerDeps;
  /** How answers are produced, for the UI's badge and /api/health. */
  mode(): { mode: 'offline' | 'llm'; model?: string };
  /** The server is stopping: model calls in flight are abandoned, their answers finish offline. */
  stop(): void;
  close(): Promise<void>;
}

export interface RuntimeOverrides {
  llm?: LlmClient | null;
  knowledge?: KnowledgeServiceDeps;
  /** The store to use; null runs without one (no conversation log). Default: the configured one. */
  store?: Store | null;
  /** Poll the FAQ files and rebuild on edits, and expire old log entries (the server does; scripts and tests do not). */
  watch?: boolean;
}

/** How long a knowledge-base load waits for the database's alternatives before going on without them. */
const ALTERNATIVES_TIMEOUT_MS = 5_000;
const PURGE_EVERY_MS = 6 * 3_600_000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Expires log entries past the retention period: soon after start, then every few hours. */
function schedulePurge(store: Store, days: number): NodeJS.Timeout[] {
  const purge = () =>
    void store.purgeOlderThan(days).then(
      (n) => n > 0 && console.info(`[store] 已删除 ${n} 条超过 ${days} 天的对话记录`),
      () => {},
    );
  const first = setTimeout(purge, 30_000);
  const every = setInterval(purge, PURGE_EVERY_MS);
  first.unref();
  every.unref();
  return [first, every];
}

/**
 * The composition root: builds every long-lived part from the config.
 *
 * @example
 * const runtime = createRuntime(parseConfig(process.env));
 * const kb = await runtime.knowledge.get();
 * const result = await answerQuestion({ question: '挥卡报03' }, runtime.answerDeps(kb));
 */
export function createRuntime(config: AppConfig, overrides: RuntimeOverrides = {}): Runtime {
  const store = overrides.store !== undefined ? overrides.store : createStore(config.store);
  const knowledge = createKnowledgeService(config, {
    ...(store ? { extraAlternatives: () => withTimeout(store.alternatives(), ALTERNATIVES_TIMEOUT_MS) } : {}),
    ...overrides.knowledge,
  });
  // Any instance adding alternatives (LISTEN/NOTIFY on PostgreSQL, in-process on PGlite) re-indexes this one.
  const unsubscribe = store?.onAlternativesChanged(() => void knowledge.refresh());
  const conversationLog = store && config.log.enabled ? createConversationLog(store, { redact: config.log.redact }) : null;
  const timers = overrides.watch && store && config.log.retentionDays > 0 ? schedulePurge(store, config.log.retentionDays) : [];
  if (overrides.watch) knowledge.watch();
  // Aborted when the server is told to stop: answers waiting on the model finish offline before the process exits.
  const stopping = new AbortController();
  const llm = overrides.llm !== undefined ? overrides.llm : config.llm ? createLlmClient(config.llm, { stopping: stopping.signal }) : null;
  const rateLimiter = createRateLimiter(config.rateLimit);
  const openaiApi = createApiAccess(config.api);
  return {
    config,
    knowledge,
    llm,
    rateLimiter,
    openaiApi,
    loginLimiter: createRateLimiter({ perMinute: 10, burst: 5 }),
    store,
    conversationLog,
    answerDeps: (kb) => ({ retrieve: kb.retrieve, coverage: kb.retrieve.coverage, llm, directMatchThreshold: config.directMatchThreshold }),
    mode: () => (llm ? { mode: 'llm', model: llm.model } : { mode: 'offline' }),
    stop: () => stopping.abort(),
    async close() {
      stopping.abort();
      knowledge.close();
      unsubscribe?.();
      for (const t of timers) clearTimeout(t);
      await conversationLog?.flush();
      await store?.close();
    },
  };
}

const holder = globalThis as typeof globalThis & { __faqRuntime?: Runtime };

/**
 * The server's runtime, built on first use from the environment. Next.js may load this
 * module more than once (dev reloads, several route bundles), so the one instance lives on
 * globalThis: the only process-wide holder in the app.
 */
export function getRuntime(): Runtime {
  holder.__faqRuntime ??= createRuntime(configFromEnv(), { watch: true });
  return holder.__faqRuntime;
}

/** Installs a runtime as the server's (tests that drive routes in-process; a custom server). Returns the previous one. */
export function setRuntime(runtime: Runtime | undefined): Runtime | undefined {
  const previous = holder.__faqRuntime;
  holder.__faqRuntime = runtime;
  return previous;
}

/** The server is stopping: answers waiting on the model finish with the offline answer at once (they would be cut at exit). */
export function stopRuntime(): void {
  holder.__faqRuntime?.stop();
}

/** Closes the server's runtime, if one was built (server shutdown): writes what the log still holds and closes the database. */
export async function closeRuntime(): Promise<void> {
  const runtime = holder.__faqRuntime;
  holder.__faqRuntime = undefined;
  await runtime?.close();
}

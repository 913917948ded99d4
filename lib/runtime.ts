import type { AnswerDeps } from './answer/answer';
import { type AppConfig, configFromEnv } from './config';
import { createRateLimiter, type RateLimiter } from './http/rate-limit';
import type { KnowledgeBase } from './knowledge/knowledge-base';
import { createKnowledgeService, type KnowledgeService, type KnowledgeServiceDeps } from './knowledge/service';
import { createLlmClient } from './llm/model';
import type { LlmClient } from './llm/types';
import { type ApiAccess, createApiAccess } from './openai-api/auth';

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
  /** What the answer function needs, over a given knowledge base. */
  answerDeps(kb: KnowledgeBase): AnswerDeps;
  /** How answers are produced, for the UI's badge and /api/health. */
  mode(): { mode: 'offline' | 'llm'; model?: string };
  close(): Promise<void>;
}

export interface RuntimeOverrides {
  llm?: LlmClient | null;
  knowledge?: KnowledgeServiceDeps;
  /** Poll the FAQ files and rebuild on edits (the server does; scripts and tests do not). */
  watch?: boolean;
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
  const knowledge = createKnowledgeService(config, overrides.knowledge);
  if (overrides.watch) knowledge.watch();
  const llm = overrides.llm !== undefined ? overrides.llm : config.llm ? createLlmClient(config.llm) : null;
  const rateLimiter = createRateLimiter(config.rateLimit);
  const openaiApi = createApiAccess(config.api);
  return {
    config,
    knowledge,
    llm,
    rateLimiter,
    openaiApi,
    answerDeps: (kb) => ({ retrieve: kb.retrieve, coverage: kb.retrieve.coverage, llm, directMatchThreshold: config.directMatchThreshold }),
    mode: () => (llm ? { mode: 'llm', model: llm.model } : { mode: 'offline' }),
    async close() {
      knowledge.close();
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

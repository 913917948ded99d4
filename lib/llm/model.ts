import { toBaseMessages } from '@ai-sdk/langchain';
import { type BaseMessage, HumanMessage, SystemMessage } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import type { AppConfig } from '../config';
import { UpstreamError } from '../errors';
import { redact } from '../text/redact';
import type { BuiltPrompt } from './prompts';
import { buildAnswerPromptV3, buildCondensePromptV1 } from './prompts';
import type { CallLimits, ChatTurn, LlmClient } from './types';

type LlmConfig = NonNullable<AppConfig['llm']>;

/** The prompt as LangChain messages; earlier turns go through the AI SDK's LangChain adapter. */
async function toMessages(p: BuiltPrompt): Promise<BaseMessage[]> {
  const history = await toBaseMessages(p.history.map((t, i) => ({ id: `h${i}`, role: t.role, parts: [{ type: 'text' as const, text: t.text }] })));
  return [new SystemMessage(p.system), ...history, new HumanMessage(p.user)];
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((c) => (typeof c === 'string' ? c : typeof c?.text === 'string' ? c.text : '')).join('');
  return '';
}

/** Maps whatever the client threw to an UpstreamError; the original stays in `cause`, never in the message. */
export function toUpstreamError(e: unknown, ctx: { deadlineHit: boolean; stalled: boolean; started: boolean }): UpstreamError {
  if (e instanceof UpstreamError) return e;
  const err = e as { status?: number; name?: string; code?: string; cause?: { code?: string } } | undefined;
  const status = err?.status;
  const code = err?.code ?? err?.cause?.code;
  const detail = { status, name: err?.name, code };
  if (ctx.deadlineHit || ctx.stalled) return new UpstreamError('timeout', detail, e);
  if (status === 429) return new UpstreamError('rate_limited', detail, e);
  if (typeof status === 'number' && status >= 500) return new UpstreamError('server_error', detail, e);
  const connectionFailed =
    ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND'].includes(code ?? '') || (e as object | undefined)?.constructor?.name === 'APIConnectionError';
  if (connectionFailed) {
    return new UpstreamError(ctx.started ? 'stream_broken' : 'connection', detail, e);
  }
  if (ctx.started) return new UpstreamError('stream_broken', detail, e);
  return new UpstreamError('other', detail, e);
}

/**
 * Runs `fn` with a signal that fires on the caller's abort, at the request's deadline,
 * when nothing has arrived for `stallMs` (a stalled stream), or when the server is `stopping`.
 */
async function* withDeadline<T>(
  stallMs: number,
  limits: CallLimits,
  fn: (signal: AbortSignal) => Promise<AsyncIterable<T>>,
  stopping?: AbortSignal,
): AsyncGenerator<T> {
  const outer = limits.signal;
  const controller = new AbortController();
  const ctx = { deadlineHit: false, stalled: false, started: false };
  const remaining = Math.max(0, (limits.deadline ?? Date.now() + stallMs) - Date.now());
  const deadline = setTimeout(() => {
    ctx.deadlineHit = true;
    controller.abort();
  }, remaining);
  const timeoutMs = Math.min(stallMs, remaining);
  let idle: NodeJS.Timeout | undefined;
  const touch = () => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      ctx.stalled = true;
      controller.abort();
    }, timeoutMs);
  };
  const onAbort = () => controller.abort();
  outer?.addEventListener('abort', onAbort, { once: true });
  // The server is stopping: the answer goes on offline at once instead of being cut when the process exits.
  stopping?.addEventListener('abort', onAbort, { once: true });
  if (stopping?.aborted) controller.abort();
  try {
    touch();
    for await (const item of await fn(controller.signal)) {
      ctx.started = true;
      touch();
      yield item;
    }
  } catch (e) {
    if (outer?.aborted) throw e;
    const failed = toUpstreamError(e, ctx);
    // The user gets the offline answer with a notice; the operator learns why (the kind and the HTTP status, no text of the
    // conversation, no key).
    console.warn(`[llm] 模型调用失败(${failed.kind}),已改用离线答案`, JSON.stringify(failed.detail ?? {}));
    throw failed;
  } finally {
    clearTimeout(deadline);
    clearTimeout(idle);
    outer?.removeEventListener('abort', onAbort);
    stopping?.removeEventListener('abort', onAbort);
  }
}

/**
 * The chat model through LangChain's ChatOpenAI, against any OpenAI-compatible endpoint
 * (OpenAI, DeepSeek, Qwen compatible mode, Ollama, vLLM). Retries 429/5xx with backoff
 * (LangChain's caller), all within one overall deadline, so a request never hangs.
 */
export function createLlmClient(config: LlmConfig, opts: { stopping?: AbortSignal } = {}): LlmClient {
  const chat = new ChatOpenAI({
    model: config.model,
    // Ollama and vLLM need no key, but the client insists on one.
    apiKey: config.apiKey ?? 'not-needed',
    configuration: config.baseURL ? { baseURL: config.baseURL } : undefined,
    temperature: config.temperature,
    maxRetries: config.maxRetries,
    timeout: config.timeoutMs,
    streaming: true,
  });
  // Merchant, phone, ID and card numbers stay on the server (LLM_REDACT): no FAQ answer needs them.
  const shared = (text: string) => (config.redact !== false ? redact(text) : text);
  const sharedTurns = (history: ChatTurn[]) => history.map((t) => ({ ...t, text: shared(t.text) }));
  return {
    model: config.model,
    timeoutMs: config.timeoutMs,
    async condense(question, history, limits = {}) {
      if (history.length === 0) return question;
      const prompt = buildCondensePromptV1({ question: shared(question), history: sharedTurns(history) });
      let text = '';
      const messages = await toMessages(prompt);
      for await (const chunk of withDeadline(config.timeoutMs, limits, (s) => chat.stream(messages, { signal: s }), opts.stopping))
        text += textOf(chunk.content);
      const rewritten = text.trim().split('\n')[0]!.trim();
      return rewritten === '' ? question : rewritten.slice(0, 500);
    },
    async generate(prompt, limits = {}) {
      let text = '';
      const messages = await toMessages(prompt);
      for await (const chunk of withDeadline(config.timeoutMs, limits, (s) => chat.stream(messages, { signal: s }), opts.stopping))
        text += textOf(chunk.content);
      return text;
    },
    async *streamAnswer(question, hits, history, limits = {}) {
      const prompt = buildAnswerPromptV3({ question: shared(question), hits, history: history && sharedTurns(history), hedge: limits.hedge });
      const messages = await toMessages(prompt);
      for await (const chunk of withDeadline(config.timeoutMs, limits, (s) => chat.stream(messages, { signal: s }), opts.stopping)) {
        const text = textOf(chunk.content);
        if (text) yield text;
      }
    },
  };
}

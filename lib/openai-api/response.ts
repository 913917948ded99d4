import { randomUUID } from 'node:crypto';
import { type AnswerNotice, type AnswerResult, type Decision, FALLBACK_NOTICES } from '../answer/types';
import { titleOf } from '../corpus/schema';
import { SUGGESTIONS_HEADING } from '../text/messages';
import { MODEL_ID } from './request';
import type { Usage } from './usage';

/** A cited entry, as the `citations` extension field lists it. */
export interface ApiCitation {
  /** As cited in the content: `[FAQ2.5]` -> `FAQ2.5`. */
  id: string;
  /** The entry's category name, e.g. 普通POS类. */
  category: string;
  question: string;
  /** The entry's page: `/faq/FAQ2.5`, absolute when the request named its host. */
  url: string;
}

/** An entry offered as 「您是不是想问」 (hedge and refuse). */
export interface ApiSuggestion {
  id: string;
  question: string;
  url: string;
}

/**
 * The fields this server adds to OpenAI's assistant message (non-streamed) and to the delta of
 * the final chunk, the one with `finish_reason: "stop"` (streamed; the `openai` SDK's stream
 * helper merges them into its final message, as it does any delta field).
 */
export interface AnswerExtension {
  citations: ApiCitation[];
  decision: Decision;
  notices: AnswerNotice[];
  suggestions: ApiSuggestion[];
}

/** What every response of one request shares. */
export interface ReplyContext {
  id: string;
  created: number;
  /** `http://host:port` when the request named its host, else '' (relative URLs). */
  baseUrl: string;
}

export function newReplyContext(baseUrl: string): ReplyContext {
  return { id: `chatcmpl-${randomUUID().replaceAll('-', '')}`, created: Math.floor(Date.now() / 1000), baseUrl };
}

const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The origin entry URLs are written against: the request's Host (and X-Forwarded-Proto), or '' when absent or odd. */
export function publicBaseUrl(request: Request): string {
  const host = request.headers.get('host')?.trim();
  if (!host || !HOST.test(host)) return '';
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  const proto = forwarded === 'https' || forwarded === 'http' ? `${forwarded}:` : new URL(request.url).protocol;
  return `${proto}//${host}`;
}

/** The structured fields of an answer: its cited entries (in citation order), decision, notices and suggestions. */
export function extensionOf(result: AnswerResult, baseUrl: string): AnswerExtension {
  const citations = result.citations.flatMap((id) => {
    const entry = result.cited.find((e) => e.ids.includes(id));
    return entry ? [{ id, category: entry.category.name, question: titleOf(entry), url: `${baseUrl}/faq/${id}` }] : [];
  });
  const suggestions = result.suggestions.map((s) => ({ id: s.id, question: s.question, url: `${baseUrl}/faq/${s.id}` }));
  return { citations, decision: result.decision, notices: result.notices, suggestions };
}

/**
 * The 「您是不是想问」 lines appended to the content, so front-ends that show only the content
 * show them too: plain questions, never `[FAQx.y]` (they are not citations). '' when none.
 */
export function suggestionsText(result: AnswerResult): string {
  if (result.suggestions.length === 0) return '';
  return `\n\n${SUGGESTIONS_HEADING}\n${result.suggestions.map((s) => `- ${s.question}`).join('\n')}`;
}

const FALLBACKS = new Set<string>(FALLBACK_NOTICES);

/**
 * Why the answer is not the model's (the model failed, timed out, invented an entry), as quoted lines before it: front-ends such as
 * Open WebUI and LobeChat show the content alone, never the `notices` extension field (round 25, a fresh-clone check). Empty for
 * an answer with nothing to explain.
 */
export function fallbackText(result: AnswerResult, told: ReadonlySet<string> = new Set()): string {
  return result.notices
    .filter((n) => isFallback(n) && !told.has(n.code))
    .map(quotedNotice)
    .join('');
}

/** Whether a notice says the answer is not the model's. */
export const isFallback = (n: AnswerNotice) => FALLBACKS.has(n.code);
/** A notice as a quoted line of the content. */
export const quotedNotice = (n: AnswerNotice) => `> ${n.message}\n\n`;

/** The assistant message's content: why it is not the model's answer (if so), the answer with its inline citations, then the suggestions. */
export function contentOf(result: AnswerResult): string {
  return fallbackText(result) + result.text + suggestionsText(result);
}

/**
 * The content asked for with `response_format: { type: "json_object" }`: the answer (its text, inline citations included) and
 * the extension fields, as one JSON object: `{ answer, citations, decision, notices, suggestions }`.
 */
export function jsonContentOf(result: AnswerResult, baseUrl: string): string {
  return JSON.stringify({ answer: result.text, ...extensionOf(result, baseUrl) });
}

/** A non-streamed `chat.completion` of an answer: its message carries the extension fields. */
export function toChatCompletion(result: AnswerResult, ctx: ReplyContext, content: string, usage: Usage) {
  return completionOf(ctx, content, usage, extensionOf(result, ctx.baseUrl));
}

/** A non-streamed `chat.completion` whose message is `content` (and `extra` fields). */
export function completionOf<E extends object>(ctx: ReplyContext, content: string, usage: Usage, extra?: E) {
  return {
    id: ctx.id,
    object: 'chat.completion' as const,
    created: ctx.created,
    model: MODEL_ID,
    choices: [
      {
        index: 0,
        message: { role: 'assistant' as const, content, refusal: null, ...extra },
        logprobs: null,
        finish_reason: 'stop' as const,
      },
    ],
    usage,
  };
}

/** One `chat.completion.chunk`; with include_usage every chunk carries `usage: null` until the last, as OpenAI's do. */
export function toChunk(ctx: ReplyContext, delta: object | null, opts: { finish?: 'stop'; usage?: Usage | null } = {}) {
  return {
    id: ctx.id,
    object: 'chat.completion.chunk' as const,
    created: ctx.created,
    model: MODEL_ID,
    choices: delta === null ? [] : [{ index: 0, delta, logprobs: null, finish_reason: opts.finish ?? null }],
    ...(opts.usage === undefined ? {} : { usage: opts.usage }),
  };
}

import type { AnswerEvent, AnswerResult } from '../answer/types';
import { ANSWER_FAILED_TEXT } from '../text/messages';
import type { OpenAIErrorBody } from './errors';
import { extensionOf, fallbackText, isFallback, jsonContentOf, quotedNotice, type ReplyContext, suggestionsText, toChunk } from './response';
import { usageOf } from './usage';

/** Headers of a streamed reply; X-Accel-Buffering keeps nginx from holding the stream back. */
export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-store',
  'x-accel-buffering': 'no',
} as const;

/** The end of an SSE body, and one event. */
export const DONE = 'data: [DONE]\n\n';
export const sse = (data: unknown) => `data: ${JSON.stringify(data)}\n\n`;

export function isAbort(e: unknown): boolean {
  return e instanceof Error && (e.name === 'AbortError' || e.name === 'TimeoutError');
}

/**
 * Answer events -> OpenAI `chat.completion.chunk` events (each a complete `data: …\n\n` string):
 * - start: the role chunk (`delta: { role: "assistant", content: "" }`);
 * - text-delta: a content chunk, as the citation guard releases the model's text;
 * - done: the whole answer when nothing was streamed (offline; after a model that failed before any text, why, quoted, first); when streamed text was withdrawn
 *   (`replace`: the model failed mid-answer), a rule, the notice and the answer that replaces it,
 *   since a sent chunk cannot be taken back; then the suggestions as plain lines; then the final
 *   chunk, `finish_reason: "stop"`, whose delta carries the extension fields; with include_usage
 *   a chunk with `usage` and no choices; then `[DONE]`.
 */
export function createChunkWriter(ctx: ReplyContext, opts: { includeUsage: boolean; userTexts: string[]; json?: boolean }) {
  let content = '';
  /** Fallback notices already in the content (sent as they came, before any text): not repeated at the end. */
  const told = new Set<string>();
  /** Whether any of the answer's own text was sent (the notices told are not). */
  let answered = false;
  const usageNull = opts.includeUsage ? { usage: null } : {};
  const text = (delta: string) => {
    content += delta;
    return sse(toChunk(ctx, { content: delta }, usageNull));
  };
  const finish = (result: AnswerResult, replace: boolean): string => {
    let out = '';
    // JSON (response_format json_object): the whole object in one chunk, once the answer is complete and checked.
    if (opts.json) out += text(jsonContentOf(result, ctx.baseUrl));
    else if (!answered) out += text(`${fallbackText(result, told)}${result.text}`);
    else if (replace) out += text(`\n\n---\n\n${fallbackText(result, told)}${result.text}`);
    const suggestions = opts.json ? '' : suggestionsText(result);
    if (suggestions) out += text(suggestions);
    out += sse(toChunk(ctx, extensionOf(result, ctx.baseUrl), { finish: 'stop', ...usageNull }));
    if (opts.includeUsage) out += sse(toChunk(ctx, null, { usage: usageOf(opts.userTexts, content) }));
    return out;
  };
  return {
    start: (): string => sse(toChunk(ctx, { role: 'assistant', content: '' }, usageNull)),
    map(ev: AnswerEvent): string {
      if (ev.type === 'text-delta') {
        if (!ev.delta || opts.json) return '';
        answered = true;
        return text(ev.delta);
      }
      // A model that failed before any text: why, first, before the offline answer that follows as text.
      if (ev.type === 'notice' && !answered && !opts.json && isFallback(ev.notice)) {
        told.add(ev.notice.code);
        return text(quotedNotice(ev.notice));
      }
      if (ev.type === 'done') return finish(ev.result, ev.replace);
      return '';
    },
    /** An error after the stream began: OpenAI's error event (the `openai` SDK throws it as an APIError). */
    fail(): string {
      const body: OpenAIErrorBody = { error: { message: ANSWER_FAILED_TEXT, type: 'server_error', code: 'internal', param: null } };
      return sse(body);
    },
    end: (): string => DONE,
  };
}

type ChunkWriter = ReturnType<typeof createChunkWriter>;

/** The whole SSE body at once, for answers that are complete at once (offline): no stream pipeline per request. */
export async function bufferedSse(events: AsyncIterable<AnswerEvent>, writer: ChunkWriter, onError: (e: unknown) => void): Promise<string> {
  let out = writer.start();
  try {
    for await (const ev of events) out += writer.map(ev);
  } catch (e) {
    onError(e);
    out += writer.fail();
  }
  return out + writer.end();
}

/**
 * The SSE body as a stream, pulled as the client reads (LLM mode). When the client goes away the
 * stream is cancelled: `onCancel` aborts the answer (and with it the model call), and the events
 * are closed.
 */
export function streamedSse(events: AsyncIterable<AnswerEvent>, writer: ChunkWriter, hooks: { onError: (e: unknown) => void; onCancel: () => void }) {
  const it = events[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  let started = false;
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(writer.start()));
        return;
      }
      try {
        // Events that send nothing (retrieval, notices) are skipped here: pull must enqueue or close.
        for (;;) {
          const next = await it.next();
          if (next.done) {
            controller.enqueue(encoder.encode(writer.end()));
            controller.close();
            return;
          }
          const out = writer.map(next.value);
          if (out) return controller.enqueue(encoder.encode(out));
        }
      } catch (e) {
        if (cancelled) return;
        if (!isAbort(e)) hooks.onError(e);
        controller.enqueue(encoder.encode(writer.fail() + writer.end()));
        controller.close();
      }
    },
    async cancel() {
      cancelled = true;
      hooks.onCancel();
      // Run to the end, as the chat does: the answer stopped by the cancel is completed offline and recorded (`interrupted`).
      for (let next = await it.next().catch(() => null); next && !next.done; next = await it.next().catch(() => null));
    },
  });
}

import { createUIMessageStream, createUIMessageStreamResponse, UI_MESSAGE_STREAM_HEADERS, type UIMessageChunk } from 'ai';
import { toShownEntry } from '@/lib/answer/extractive';
import type { AnswerEvent, AnswerResult, RetrievalResult } from '@/lib/answer/types';
import { titleOf } from '@/lib/corpus/schema';
import { ANSWER_FAILED_TEXT as FAILED_TEXT } from '@/lib/text/messages';
import type { FaqDataParts, FaqUIMessage } from './ui-types';

const TEXT_ID = 'answer';
type Chunk = UIMessageChunk<never, FaqDataParts>;

function sourcesOf(retrieval: RetrievalResult): FaqDataParts['sources'] {
  return { entries: retrieval.hits.map((h) => ({ ...toShownEntry(h.entry), scores: { ...h.scores } })) };
}

function isAbort(e: unknown): boolean {
  return e instanceof Error && (e.name === 'AbortError' || e.name === 'TimeoutError');
}

/**
 * Maps answer events to UI message chunks, as `useChat` reads them:
 * - `retrieval`: `data-meta` {mode, model, noAnswer}, one `source-document` per hit
 *   (title `[FAQ2.5] question`), and when streamed `data-sources` with every hit's full
 *   entry, so citation chips open without another request;
 * - `text-delta`: one text part (`text-start` … `text-end`);
 * - `notice`: `data-notice`;
 * - `done`: `data-answer` with the final text, citations and the cited entries not sent before.
 * `fail` ends the message with a Chinese error text instead of a blank reply.
 */
/** Per-response options: the stored exchange's id goes into the final data part, for feedback. */
export interface StreamOptions {
  exchangeId?: string;
}

function answerPart(r: AnswerResult, replace: boolean, exchangeId: string | undefined, sent: ReadonlySet<string>): FaqDataParts['answer'] {
  return {
    ...(replace ? { text: r.text } : {}),
    citations: r.citations,
    cited: r.cited.filter((e) => !e.ids.some((id) => sent.has(id))).map(({ solution: _, ...shown }) => shown),
    notices: r.notices,
    mode: r.mode,
    model: r.model,
    decision: r.decision,
    suggestions: r.suggestions,
    replace,
    exchangeId,
  };
}

/**
 * `allHits`: send every hit's entry up front (`data-sources`), as a streamed answer must: the model may cite any of
 * them before the final part. A buffered answer is complete when it goes out, so it carries only the entries it cites,
 * in the final part: the chat opens nothing else, and the other hits' entries were most of the response's bytes.
 */
export function createChunkMapper(opts: StreamOptions = {}, { allHits = true }: { allHits?: boolean } = {}) {
  let textOpen = false;
  /** Entries already sent in full (data-sources): the final part does not repeat them. */
  const sent = new Set<string>();
  const text = (delta: string): Chunk[] => {
    const out: Chunk[] = textOpen ? [] : [{ type: 'text-start', id: TEXT_ID }];
    textOpen = true;
    out.push({ type: 'text-delta', id: TEXT_ID, delta });
    return out;
  };
  return {
    start: (): Chunk[] => [{ type: 'start' }],
    map(ev: AnswerEvent): Chunk[] {
      if (ev.type === 'retrieval') {
        if (allHits) for (const h of ev.retrieval.hits) for (const id of h.entry.ids) sent.add(id);
        return [
          { type: 'data-meta', data: { mode: ev.mode, model: ev.model, decision: ev.retrieval.decision } },
          ...ev.retrieval.hits.map(
            (h): Chunk => ({ type: 'source-document', sourceId: h.id, mediaType: 'text/plain', title: `[${h.id}] ${titleOf(h.entry)}` }),
          ),
          ...(allHits ? [{ type: 'data-sources', data: sourcesOf(ev.retrieval) } as Chunk] : []),
        ];
      }
      if (ev.type === 'text-delta') return text(ev.delta);
      if (ev.type === 'notice') return [{ type: 'data-notice', data: ev.notice }];
      const r = ev.result;
      return [
        // Nothing streamed: the text part still carries the answer, so it is in the chat history.
        ...(textOpen ? [] : text(r.text)),
        { type: 'data-answer', data: answerPart(r, ev.replace, opts.exchangeId, sent) },
      ];
    },
    fail(e: unknown): Chunk[] {
      if (!isAbort(e)) console.error('[chat] answering failed', e);
      return [...text(textOpen ? `\n\n${FAILED_TEXT}` : FAILED_TEXT), { type: 'data-notice', data: { code: 'upstream_failed', message: FAILED_TEXT } }];
    },
    end: (finishReason: 'stop' | 'error'): Chunk[] => [...(textOpen ? [{ type: 'text-end', id: TEXT_ID } as Chunk] : []), { type: 'finish', finishReason }],
  };
}

/** Streams answer events as the AI SDK's UI message stream (LLM mode: text as the model writes it). */
export function toFaqUIMessageStream(events: AsyncIterable<AnswerEvent>, opts: StreamOptions = {}): ReadableStream<UIMessageChunk> {
  return createUIMessageStream<FaqUIMessage>({
    execute: async ({ writer }) => {
      const chunks = createChunkMapper(opts);
      chunks.start().forEach((c) => writer.write(c));
      let finish: 'stop' | 'error' = 'stop';
      try {
        for await (const ev of events) chunks.map(ev).forEach((c) => writer.write(c));
      } catch (e) {
        finish = 'error';
        chunks.fail(e).forEach((c) => writer.write(c));
      }
      chunks.end(finish).forEach((c) => writer.write(c));
    },
    onError: () => FAILED_TEXT,
  });
}

/**
 * The whole UI message stream as one response body, for answers that are complete at once
 * (offline mode composes them in well under a millisecond): same protocol and headers as the
 * streamed response, without a stream pipeline per request.
 */
export async function toFaqUIMessageResponse(events: AsyncIterable<AnswerEvent>, opts: StreamOptions = {}): Promise<Response> {
  const chunks = createChunkMapper(opts, { allHits: false });
  const out = chunks.start();
  let finish: 'stop' | 'error' = 'stop';
  try {
    for await (const ev of events) out.push(...chunks.map(ev));
  } catch (e) {
    finish = 'error';
    out.push(...chunks.fail(e));
  }
  out.push(...chunks.end(finish));
  const body = `${out.map((c) => `data: ${JSON.stringify(c)}\n\n`).join('')}data: [DONE]\n\n`;
  return new Response(body, { headers: { ...UI_MESSAGE_STREAM_HEADERS, 'cache-control': 'no-store' } });
}

/** The response for an answer: buffered when no model streams it, streamed otherwise. */
export function answerResponse(events: AsyncIterable<AnswerEvent>, streamed: boolean, opts: StreamOptions = {}): Promise<Response> | Response {
  return streamed
    ? createUIMessageStreamResponse({ stream: toFaqUIMessageStream(events, opts), headers: { 'cache-control': 'no-store' } })
    : toFaqUIMessageResponse(events, opts);
}

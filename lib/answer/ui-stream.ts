import { createUIMessageStream, type UIMessageChunk } from 'ai';
import { toCitedEntry } from './extractive';
import type { AnswerEvent, RetrievalResult } from './types';
import type { FaqDataParts, FaqUIMessage } from './ui-types';

const FAILED_TEXT = '抱歉,生成答案时出现问题,请稍后重试。如问题紧急,请直接查阅 FAQ 或联系通联业务同事。';
const TEXT_ID = 'answer';

function sourcesOf(retrieval: RetrievalResult): FaqDataParts['sources'] {
  return { entries: retrieval.hits.map((h) => ({ ...toCitedEntry(h.entry), scores: { ...h.scores } })) };
}

function isAbort(e: unknown): boolean {
  return e instanceof Error && (e.name === 'AbortError' || e.name === 'TimeoutError');
}

/**
 * Turns answer events into the AI SDK's UI message stream, as `useChat` reads it:
 * - `retrieval`: `data-meta` {mode, model, noAnswer}, one `source-document` per hit
 *   (title `[FAQ2.5] question`), and `data-sources` with every hit's full entry, so
 *   citation chips open without another request;
 * - `text-delta`: one text part (`text-start` … `text-end`);
 * - `notice`: `data-notice`;
 * - `done`: `data-answer` with the final text, citations and cited entries.
 * A failure midway still ends the message cleanly with a Chinese error text and notice.
 */
export function toFaqUIMessageStream(events: AsyncIterable<AnswerEvent>): ReadableStream<UIMessageChunk> {
  return createUIMessageStream<FaqUIMessage>({
    execute: async ({ writer }) => {
      let textOpen = false;
      const writeText = (delta: string) => {
        if (!textOpen) writer.write({ type: 'text-start', id: TEXT_ID });
        textOpen = true;
        writer.write({ type: 'text-delta', id: TEXT_ID, delta });
      };
      writer.write({ type: 'start' });
      let finishReason: 'stop' | 'error' = 'stop';
      try {
        for await (const ev of events) {
          if (ev.type === 'retrieval') {
            writer.write({ type: 'data-meta', data: { mode: ev.mode, model: ev.model, noAnswer: ev.retrieval.noAnswer } });
            for (const h of ev.retrieval.hits) {
              writer.write({ type: 'source-document', sourceId: h.id, mediaType: 'text/plain', title: `[${h.id}] ${h.entry.question.split('\n')[0]}` });
            }
            writer.write({ type: 'data-sources', data: sourcesOf(ev.retrieval) });
          } else if (ev.type === 'text-delta') {
            writeText(ev.delta);
          } else if (ev.type === 'notice') {
            writer.write({ type: 'data-notice', data: ev.notice });
          } else {
            const r = ev.result;
            // Nothing streamed: the text part still carries the answer, so it is in the chat history.
            if (!textOpen) writeText(r.text);
            writer.write({
              type: 'data-answer',
              data: { text: r.text, citations: r.citations, cited: r.cited, notices: r.notices, mode: r.mode, model: r.model, noAnswer: r.noAnswer, replace: ev.replace },
            });
          }
        }
      } catch (e) {
        finishReason = 'error';
        if (!isAbort(e)) console.error('[chat] answering failed', e);
        writeText(textOpen ? `\n\n${FAILED_TEXT}` : FAILED_TEXT);
        writer.write({ type: 'data-notice', data: { code: 'upstream_failed', message: FAILED_TEXT } });
      }
      if (textOpen) writer.write({ type: 'text-end', id: TEXT_ID });
      writer.write({ type: 'finish', finishReason });
    },
    onError: () => FAILED_TEXT,
  });
}

import { createUIMessageStream, type UIMessageChunk } from 'ai';
import { toCitedEntry } from './extractive';
import type { AnswerEvent } from './types';
import type { FaqUIMessage } from './ui-types';

const FAILED_TEXT = '抱歉,生成答案时出现问题,请稍后重试。如问题紧急,请直接查阅 FAQ 或联系通联业务同事。';

/**
 * Turns answer events into the AI SDK's UI message stream: retrieved entries as
 * `source-document` parts plus a `data-sources` part, the text as it is produced, notices,
 * and a final `data-answer` part. A failure mid-way still ends the message with a Chinese
 * error text, never a blank reply.
 */
export function toFaqUIMessageStream(events: AsyncIterable<AnswerEvent>): ReadableStream<UIMessageChunk> {
  return createUIMessageStream<FaqUIMessage>({
    execute: async ({ writer }) => {
      const textId = 'answer';
      let textOpen = false;
      const openText = () => {
        if (!textOpen) writer.write({ type: 'text-start', id: textId });
        textOpen = true;
      };
      try {
        for await (const ev of events) {
          if (ev.type === 'retrieval') {
            writer.write({ type: 'data-meta', data: { mode: ev.mode, model: ev.model, noAnswer: ev.retrieval.noAnswer } });
            for (const h of ev.retrieval.hits) {
              writer.write({ type: 'source-document', sourceId: h.id, mediaType: 'text/plain', title: `[${h.id}] ${h.entry.question.split('\n')[0]}` });
            }
            writer.write({
              type: 'data-sources',
              data: { entries: ev.retrieval.hits.map((h) => ({ ...toCitedEntry(h.entry), scores: { vector: h.scores.vector, keyword: h.scores.keyword, fused: h.scores.fused } })) },
            });
          } else if (ev.type === 'text-delta') {
            openText();
            writer.write({ type: 'text-delta', id: textId, delta: ev.delta });
          } else if (ev.type === 'notice') {
            writer.write({ type: 'data-notice', data: ev.notice });
          } else {
            const r = ev.result;
            if (!textOpen && !ev.replace) {
              openText();
              writer.write({ type: 'text-delta', id: textId, delta: r.text });
            }
            writer.write({
              type: 'data-answer',
              data: { text: r.text, citations: r.citations, cited: r.cited, notices: r.notices, mode: r.mode, model: r.model, noAnswer: r.noAnswer, replace: ev.replace },
            });
          }
        }
      } catch (e) {
        console.error('[chat] answering failed', e);
        openText();
        writer.write({ type: 'text-delta', id: textId, delta: textOpen ? `\n\n${FAILED_TEXT}` : FAILED_TEXT });
        writer.write({ type: 'data-notice', data: { code: 'upstream_failed', message: FAILED_TEXT } });
      } finally {
        if (textOpen) writer.write({ type: 'text-end', id: textId });
      }
    },
    onError: () => FAILED_TEXT,
  });
}

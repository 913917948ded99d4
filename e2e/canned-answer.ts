/**
 * Canned /api/chat responses with a chosen decision, built with the app's own parts (the
 * offline composer and the UI-stream writer), for browser tests that drive the hedge and
 * refusal looks whatever the retriever decides today.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toFaqUIMessageResponse } from '@/app/api/chat/ui-stream';
import { composeOfflineAnswer, suggestionsOf, toCitedEntry } from '@/lib/answer/extractive';
import type { AnswerEvent, AnswerResult, RetrievalResult } from '@/lib/answer/types';
import { parseFaq } from '@/lib/corpus/parse';
import type { Entry } from '@/lib/corpus/schema';
import { hitOf } from '@/lib/testing/fixtures';

const { entries } = parseFaq(readFileSync(path.resolve(import.meta.dirname, '../corpus/faq.txt'), 'utf8'));

function entry(id: string): Entry {
  const e = entries.find((x) => x.id === id)!;
  return { ...e, ids: [e.id], alternatives: [] };
}

/**
 * The UI message stream body (SSE) of an offline answer with `decision`: `closest` cited
 * (hedge; ignored for refuse), `suggested` offered as questions.
 */
export async function cannedResponseBody(
  question: string,
  decision: 'hedge' | 'refuse',
  closest: string,
  suggested: string[],
): Promise<{ body: string; suggestions: { id: string; question: string }[] }> {
  const hits = [closest, ...suggested].map((id, i) => hitOf(entry(id), i + 1, 0.5 - i * 0.05));
  const retrieval: RetrievalResult = {
    query: question,
    hits,
    decision,
    confidence: decision === 'hedge' ? 0.5 : 0.2,
    thresholds: { answer: 0.7, hedge: 0.4 },
    answerIds: decision === 'hedge' ? [closest] : [],
    suggestionIds: suggested,
    signals: { coverage: 0.5 },
  };
  const text = composeOfflineAnswer(retrieval);
  const result: AnswerResult = {
    question,
    standaloneQuestion: question,
    decision,
    mode: 'offline',
    text,
    citations: decision === 'hedge' ? [closest] : [],
    removedCitations: [],
    notices: [],
    retrieval,
    cited: decision === 'hedge' ? [toCitedEntry(hits[0]!.entry)] : [],
    suggestions: suggestionsOf(retrieval),
    timings: { retrievalMs: 1, totalMs: 1 },
  };
  async function* events(): AsyncIterable<AnswerEvent> {
    yield { type: 'retrieval', retrieval, standaloneQuestion: question, mode: 'offline' };
    yield { type: 'text-delta', delta: text };
    yield { type: 'done', result, replace: false };
  }
  const res = await toFaqUIMessageResponse(events());
  return { body: await res.text(), suggestions: result.suggestions };
}

import type { AnswerResult } from '../answer/types';
import { entryKey } from '../corpus/entry-key';
import type { ExchangeRecord } from '../store/types';
import { redact } from '../text/redact';

/** Who asked, in which conversation, and under which id the exchange is stored. */
export interface ExchangeContext {
  id: string;
  clientId: string;
  conversationId: string;
  userMessageId?: string;
}

/**
 * The stored form of a complete answer: question, standalone question, answer text, citations,
 * decision, the retrieval trace (entry ids and scores, not the entries' text), mode, model and
 * timings. With `redactText`, numbers that identify people or merchants are replaced first.
 */
export function exchangeRecordOf(result: AnswerResult, ctx: ExchangeContext, redactText: boolean, now = new Date()): ExchangeRecord {
  const clean = redactText ? redact : (s: string) => s;
  const r = result.retrieval;
  return {
    id: ctx.id,
    clientId: ctx.clientId,
    conversationId: ctx.conversationId,
    userMessageId: ctx.userMessageId,
    question: clean(result.question),
    standaloneQuestion: clean(result.standaloneQuestion),
    answer: clean(result.text),
    citations: result.citations,
    decision: result.decision,
    retrieval: {
      query: clean(r.query),
      hits: r.hits.map((h) => ({ id: h.id, rank: h.rank, score: h.score, scores: { ...h.scores }, coverage: h.coverage })),
      confidence: r.confidence,
      thresholds: r.thresholds,
      answerIds: r.answerIds,
      suggestionIds: r.suggestionIds,
      signals: r.signals,
      keys: Object.fromEntries(r.hits.flatMap((h) => h.entry.ids.map((id) => [id, entryKey(h.entry)]))),
    },
    notices: result.notices.map((n) => ({ code: n.code, message: n.message })),
    suggestions: result.suggestions,
    mode: result.mode,
    model: result.model,
    timings: result.timings,
    createdAt: now,
  };
}

import { randomUUID } from 'node:crypto';
import { onComplete } from '../answer/on-complete';
import type { AnswerEvent, AnswerResult } from '../answer/types';
import type { Store } from '../store/store';
import type { LogStats } from '../store/types';
import { createWriteQueue } from '../store/write-queue';
import { type ExchangeContext, exchangeRecordOf } from './record';

/** The conversation log: records complete answers without ever holding one up. */
export interface ConversationLog {
  /** Queues the exchange; false when it cannot be recorded (queue full). Returns at once. */
  record(result: AnswerResult, ctx: ExchangeContext): boolean;
  stats(): LogStats;
  /** Waits until everything queued has been written or has failed. */
  flush(): Promise<void>;
}

/** 0.5, 1, 2, 4, 8 and 16 s, then every 30 s: about five minutes in all. */
const RETRY_DELAYS_MS = [500, 1_000, 2_000, 4_000, 8_000, 16_000, ...Array<number>(9).fill(30_000)];

/**
 * A conversation log over a store: exchanges are queued and written in batches in the
 * background; a failing or slow database only costs log entries, counted in `stats`.
 */
export function createConversationLog(store: Store, opts: { redact: boolean; max?: number }): ConversationLog {
  let reported = 0;
  const queue = createWriteQueue((batch: ReturnType<typeof exchangeRecordOf>[]) => store.recordExchanges(batch), {
    max: opts.max,
    // Five minutes of a database restarting, failing over or unreachable lose no answer: round 20's check lost three answers in
    // ten seconds, round 21's every answer of a minute's outage with half a minute of retries. The queue holds 2,000 at most.
    retryDelaysMs: RETRY_DELAYS_MS,
    onError: (e, lost) => {
      // One line per failure streak is enough: the counts are in /api/health.
      if (Date.now() - reported > 60_000) console.error(`[store] 对话记录写入失败,已丢弃 ${lost} 条`, e instanceof Error ? e.message : e);
      reported = Date.now();
    },
  });
  return {
    record: (result, ctx) => queue.enqueue(exchangeRecordOf(result, ctx, opts.redact)),
    stats: queue.stats,
    flush: queue.flush,
  };
}

/** Where an answer is recorded: the conversation and the user message it answers. */
export interface RecordTarget {
  clientId: string;
  /** A new conversation of its own when the client sent none. */
  conversationId?: string;
  userMessageId?: string;
}

/**
 * Passes answer events through unchanged and, when the answer is complete, queues it in the
 * log before the final event goes out; `out.exchangeId` is set then (or left unset when the
 * log is full), so the final data part can carry it.
 *
 * @example
 * const opts: { exchangeId?: string } = {};
 * return answerResponse(recordAnswer(streamAnswer(input, deps), log, target, opts), streamed, opts);
 */
export function recordAnswer(
  events: AsyncIterable<AnswerEvent>,
  log: ConversationLog,
  target: RecordTarget,
  out: { exchangeId?: string },
): AsyncGenerator<AnswerEvent> {
  return onComplete(events, (result) => {
    const id = randomUUID();
    if (log.record(result, { ...target, id, conversationId: target.conversationId ?? randomUUID() })) out.exchangeId = id;
  });
}

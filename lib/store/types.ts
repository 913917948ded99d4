import { FEEDBACK_REASON_LABEL } from '../text/messages';
import type { RetrievalTrace } from './schema';

export type { RetrievalTrace, TraceHit } from './schema';

export type StoredDecision = 'answer' | 'hedge' | 'refuse';

/** One question and its answer, as recorded after the answer is complete. */
export interface ExchangeRecord {
  id: string;
  clientId: string;
  conversationId: string;
  /** The user message answered (useChat's message id), when the client sent one. */
  userMessageId?: string;
  question: string;
  standaloneQuestion: string;
  answer: string;
  citations: string[];
  decision: StoredDecision;
  retrieval: RetrievalTrace;
  notices: { code: string; message: string }[];
  suggestions: { id: string; question: string }[];
  mode: string;
  model?: string;
  timings: { retrievalMs: number; totalMs: number; firstTokenMs?: number };
  createdAt: Date;
}

export interface ConversationSummary {
  id: string;
  title: string;
  updatedAt: string;
  exchanges: number;
}

export type FeedbackReason = keyof typeof FEEDBACK_REASON_LABEL;
export const FEEDBACK_REASONS = Object.keys(FEEDBACK_REASON_LABEL) as [FeedbackReason, ...FeedbackReason[]];

export interface Feedback {
  vote: 1 | -1;
  reason?: FeedbackReason | null;
  comment?: string | null;
}

/** A stored exchange read back for its conversation, with this client's vote. */
export interface StoredExchange extends Omit<ExchangeRecord, 'createdAt' | 'clientId'> {
  createdAt: string;
  feedback: Feedback | null;
}

/** A refused, hedged or 👎 question, for the miss queue. */
export interface MissQuestion {
  exchangeId: string;
  question: string;
  /** A follow-up's question as it was searched, with the conversation (lib/answer/follow-up.ts); absent for a question asked alone. */
  searched?: string;
  decision: StoredDecision;
  /** The entries retrieval ranked highest (three at most), best first, with what each said then (entryKey; absent before round 26). */
  candidates: { id: string; key?: string; score?: number }[];
  /** A refusal's reading of its scope (lib/retrieval/domain.ts): the domain model's, and the FAQ's coverage; null when not recorded. */
  scope?: { domain: number | null; covered: number | null };
  createdAt: string;
  vote: 1 | -1 | null;
  reason: FeedbackReason | null;
  comment: string | null;
  resolution: 'attached' | 'uncovered' | null;
}

/** A date range, inclusive of both days' instants as given; either end may be open. */
export interface DateRange {
  from?: Date;
  to?: Date;
}

/** Aggregates over the log for the insights page. */
export interface InsightsData {
  total: number;
  perDay: { day: string; answer: number; hedge: number; refuse: number }[];
  decisions: { answer: number; hedge: number; refuse: number };
  /** Citations per entry id and what the entry said then (entryKey; null before round 26), most cited first. */
  citations: { id: string; key: string | null; count: number }[];
  feedback: { up: number; down: number; reasons: Record<string, number> };
}

/** How the conversation log is doing, for /api/health. */
export interface LogStats {
  written: number;
  failed: number;
  dropped: number;
  queued: number;
  lastError?: { message: string; at: string };
}

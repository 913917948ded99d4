import type { FaqCategory } from '../corpus/schema';
import type { ChatTurn } from '../llm/types';
import type { Decision, Hit, RetrievalResult } from '../retrieval/types';

/** offline: composed from entries; llm: written by the chat model; direct: near-exact match answered from the entry. */
export type AnswerMode = 'offline' | 'llm' | 'direct';

export type { ChatTurn };

export interface AnswerInput {
  /** The latest user message. */
  question: string;
  /** Earlier turns, oldest first, without the latest question. */
  history?: ChatTurn[];
}

/** A cited entry, for the CLI, the APIs and stored conversations: the solution as written and as Markdown. */
export interface CitedEntry {
  id: string;
  /** Every id the entry stands for (identical entries are merged). */
  ids: string[];
  category: FaqCategory;
  question: string;
  solution: string;
  /** The solution formatted as Markdown (tables, code, line breaks), or the no-solution text. */
  solutionMarkdown: string;
}

/**
 * An entry as the chat shows it behind a citation chip or source: the solution only as Markdown (the chat's stream does not send it
 * twice). `citedAs`: the id an answer of a reopened conversation cites it by, when the FAQ was renumbered since and the entry is now
 * under another id (lib/corpus/entry-key.ts).
 */
export type ShownEntry = Omit<CitedEntry, 'solution'> & { citedAs?: string };

/** An entry offered as 「您是不是想问」: clicking it asks its question. */
export interface Suggestion {
  id: string;
  question: string;
}

export type NoticeCode =
  | 'upstream_failed'
  | 'invented_replaced'
  | 'uncited_replaced'
  | 'unsafe_replaced'
  | 'abstain_overruled'
  | 'interrupted'
  | 'direct_match'
  | 'set_aside';

/** The notices that say the offline answer replaced the model's (a `/v1` stream explains the replacement with them). */
export const FALLBACK_NOTICES = [
  'upstream_failed',
  'invented_replaced',
  'uncited_replaced',
  'unsafe_replaced',
  'abstain_overruled',
  'interrupted',
] as const satisfies readonly NoticeCode[];

export interface AnswerNotice {
  code: NoticeCode;
  /** Chinese, shown to the user as is. */
  message: string;
}

export interface AnswerResult {
  question: string;
  /** The question actually searched for (follow-ups are made standalone). */
  standaloneQuestion: string;
  decision: Decision;
  mode: AnswerMode;
  /** Name of the chat model when one was used or configured. */
  model?: string;
  /** Markdown with `[FAQx.y]` citations. */
  text: string;
  /** Cited ids, in order of first citation, all from the retrieved set. */
  citations: string[];
  /** Citations the model made outside the retrieved set, removed from `text`. */
  removedCitations: string[];
  notices: AnswerNotice[];
  retrieval: RetrievalResult;
  /** The cited entries, for rendering without another request. */
  cited: CitedEntry[];
  /** 「您是不是想问」 (hedge and refuse). */
  suggestions: Suggestion[];
  timings: { retrievalMs: number; totalMs: number; firstTokenMs?: number };
}

/**
 * Streamed while answering; the last event is always `done`.
 * `text-delta`s concatenated equal `done.result.text`, except when `replace`
 * is set on `done` (the streamed text was withdrawn and `result.text` replaces it).
 */
export type AnswerEvent =
  | { type: 'retrieval'; retrieval: RetrievalResult; standaloneQuestion: string; mode: AnswerMode; model?: string }
  | { type: 'text-delta'; delta: string }
  | { type: 'notice'; notice: AnswerNotice }
  | { type: 'done'; result: AnswerResult; replace: boolean };

export type { Decision, Hit, RetrievalResult };

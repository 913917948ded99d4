import type { UIMessage } from 'ai';
import type { AnswerMode, AnswerNotice, Decision, ShownEntry, Suggestion } from '@/lib/answer/types';

/** A retrieved entry as the chat UI shows it under an answer and behind a citation chip. */
export interface SourceEntry extends ShownEntry {
  scores: { vector: number; keyword: number; fused: number };
}

/** The typed data parts of the chat's UI message stream. */
export type FaqDataParts = {
  /** Sent first: how this answer is produced and what was decided. */
  meta: { mode: AnswerMode; model?: string; decision: Decision };
  /** Sent with the retrieval: every retrieved entry, so chips open without another request. */
  sources: { entries: SourceEntry[] };
  notice: AnswerNotice;
  /** Sent last: the final answer; when `replace` is set, `text` replaces the streamed text. */
  answer: {
    /** The final text when it replaces what was streamed (`replace`); otherwise the text part already holds it and it is not sent twice. */
    text?: string;
    citations: string[];
    /** The cited entries not already sent in `data-sources` (each entry goes out once). */
    cited: ShownEntry[];
    notices: AnswerNotice[];
    mode: AnswerMode;
    model?: string;
    decision: Decision;
    /** 「您是不是想问」: clicking one asks its question. */
    suggestions: Suggestion[];
    replace: boolean;
    /** Id of the stored exchange, for feedback; absent when it could not be recorded. */
    exchangeId?: string;
    /** This browser's vote, when a stored conversation is reopened. */
    feedback?: { vote: 1 | -1; reason?: string | null; comment?: string | null } | null;
  };
};

export type FaqUIMessage = UIMessage<never, FaqDataParts>;

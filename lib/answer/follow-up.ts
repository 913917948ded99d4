import type { ChatTurn } from './types';

/** Openings and endings that mark a question as leaning on the previous one ("那退款呢?"). */
const FOLLOW_UP_START = /^(那|那么|还有|另外|如果|要是|假如|它|这个|这种|那个|同样|然后|and |what about|how about)/i;
const FOLLOW_UP_END = /呢\s*[?\uFF1F]?\s*$/;
const MAX_FOLLOW_UP_CHARS = 14;

function contentLength(q: string): number {
  return q.replace(/[\s\p{P}]/gu, '').length;
}

/** Whether a question probably needs the conversation to be understood. */
export function looksLikeFollowUp(question: string): boolean {
  const q = question.trim();
  if (contentLength(q) > MAX_FOLLOW_UP_CHARS) return false;
  return FOLLOW_UP_START.test(q) || FOLLOW_UP_END.test(q);
}

/**
 * Offline rewriting of a follow-up into a standalone question: the previous user
 * turn is prepended when the question looks like it leans on it. In LLM mode the model does this.
 *
 * @example
 * standaloneQuestion('那退款呢?', [{ role: 'user', text: '撤销多久到账' }]) // '撤销多久到账 那退款呢?'
 */
export function standaloneQuestion(question: string, history: ChatTurn[]): string {
  const previous = [...history]
    .reverse()
    .find((t) => t.role === 'user')
    ?.text.trim();
  if (!previous || !looksLikeFollowUp(question)) return question.trim();
  return `${previous} ${question.trim()}`;
}

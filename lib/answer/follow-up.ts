import type { RetrievalResult, RetrieveFn } from '../retrieval/types';
import { extractCitations } from '../text/citations';
import type { ChatTurn } from './types';

/** Openings and endings that mark a question as leaning on the previous one ("那退款呢?"). */
const FOLLOW_UP_START = /^(那|那么|还有|另外|如果|要是|假如|它|这个|这种|那个|同样|然后|其他|别的|换成|改成|and |what about|how about|what if|if )/i;
const FOLLOW_UP_END = /(呢|吗|的话|怎么样|咋样|多久|多长时间|要多久)\s*[??]?\s*$/;
/** A question this short leans on the conversation whatever its words. */
const MAX_FOLLOW_UP_CHARS = 16;

function contentLength(q: string): number {
  return q.replace(/[\s\p{P}]/gu, '').length;
}

/** Whether a question probably needs the conversation to be understood. */
export function looksLikeFollowUp(question: string): boolean {
  const q = question.trim();
  if (contentLength(q) > MAX_FOLLOW_UP_CHARS) return false;
  return FOLLOW_UP_START.test(q) || FOLLOW_UP_END.test(q) || contentLength(q) <= 8;
}

/** The previous user question and the entries the previous answer cited. */
export function previousTurn(history: ChatTurn[]): { question?: string; citedIds: string[] } {
  const question = [...history]
    .reverse()
    .find((t) => t.role === 'user')
    ?.text.trim();
  const answer = [...history].reverse().find((t) => t.role === 'assistant')?.text ?? '';
  return { question, citedIds: extractCitations(answer) };
}

/**
 * Offline rewriting of a follow-up into a standalone question: the previous user question is
 * prepended when the question looks like it leans on it. In LLM mode the model does this.
 *
 * @example
 * standaloneQuestion('那退款呢?', [{ role: 'user', text: '撤销多久到账' }]) // '撤销多久到账 那退款呢?'
 */
export function standaloneQuestion(question: string, history: ChatTurn[]): string {
  const { question: previous } = previousTurn(history);
  if (!previous || !looksLikeFollowUp(question)) return question.trim();
  return `${previous} ${question.trim()}`;
}

const RANK: Record<RetrievalResult['decision'], number> = { answer: 2, hedge: 1, refuse: 0 };

/**
 * Resolves a follow-up against the conversation, offline: the question alone and the question
 * with the previous one are both searched. The follow-up keeps the previous topic unless,
 * alone, it clearly names a new one (a confident answer on an entry the previous turn did not
 * cite, at least as sure as with the context). Returns the question searched and its retrieval.
 */
export async function resolveFollowUp(
  question: string,
  history: ChatTurn[],
  retrieve: RetrieveFn,
): Promise<{ query: string; retrieval: RetrievalResult; followUp: boolean }> {
  const combined = standaloneQuestion(question, history);
  const alone = question.trim();
  if (combined === alone) return { query: alone, retrieval: await retrieve(alone), followUp: false };
  const [withContext, standalone] = await Promise.all([retrieve(combined), retrieve(alone)]);
  const { citedIds } = previousTurn(history);
  const newTopic =
    standalone.decision === 'answer' &&
    !citedIds.includes(standalone.hits[0]?.id ?? '') &&
    (RANK[standalone.decision] > RANK[withContext.decision] || standalone.confidence >= withContext.confidence);
  return newTopic ? { query: alone, retrieval: standalone, followUp: false } : { query: combined, retrieval: withContext, followUp: true };
}

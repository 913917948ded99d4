import { NO_SOLUTION_TEXT, type KbEntry } from '../corpus/schema';
import type { Hit, RetrievalResult } from '../retrieval/types';
import { formatSolution } from './format';
import type { CitedEntry } from './types';

/** The fixed reply when the FAQ does not cover the question. */
export const NO_ANSWER_TEXT = '抱歉,FAQ 中没有找到与该问题相关的内容,无法给出可靠答案。';
export const STAFF_POINTER = '如需进一步帮助,请联系通联业务同事或客服。';

export function citationOf(id: string): string {
  return `[${id}]`;
}

/** One entry's solution, formatted, with its citation. */
export function composeEntry(entry: KbEntry): string {
  const solution = entry.answer.trim() === '' ? NO_SOLUTION_TEXT : formatSolution(entry.answer);
  return `**${entry.question.split('\n')[0]}** ${citationOf(entry.id)}\n\n${solution}`;
}

/**
 * The offline answer: each answering entry's solution with its citation, or, when
 * retrieval says `noAnswer`, the fixed reply with the closest topics as links and no citation.
 */
export function composeOfflineAnswer(retrieval: RetrievalResult): string {
  if (retrieval.noAnswer || retrieval.answerIds.length === 0) return composeNoAnswer(retrieval.hits);
  const entries = retrieval.answerIds.map((id) => retrieval.hits.find((h) => h.id === id)!.entry);
  const intro = entries.length > 1 ? '这个问题涉及以下两条 FAQ:\n\n' : '';
  return intro + entries.map(composeEntry).join('\n\n---\n\n');
}

/** The no-answer reply; the closest topics are links to the FAQ browser, never citations. */
export function composeNoAnswer(hits: Hit[]): string {
  const near = hits.filter((h) => h.scores.keyword > 0 || h.coverage > 0).slice(0, 3);
  const topics = near.length
    ? `\n\n可能相关的主题:\n${near.map((h) => `- [${h.entry.question.split('\n')[0]}](/faq/${h.id})`).join('\n')}`
    : '';
  return `${NO_ANSWER_TEXT}${topics}\n\n${STAFF_POINTER}`;
}

export function toCitedEntry(entry: KbEntry): CitedEntry {
  const answerMarkdown = entry.answer.trim() === '' ? NO_SOLUTION_TEXT : formatSolution(entry.answer);
  return { id: entry.id, ids: entry.ids, category: entry.category, question: entry.question, answer: entry.answer, answerMarkdown };
}

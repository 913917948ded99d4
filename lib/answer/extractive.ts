import { type Entry, titleOf } from '../corpus/schema';
import { isSmallTalk } from '../retrieval/demand';
import type { RetrievalResult } from '../retrieval/types';
import { citationOf } from '../text/citations';
import {
  EMPTY_ENTRY_INTRO,
  FOLLOW_UP_HEDGE_CHECK,
  FOLLOW_UP_HEDGE_INTRO,
  HEDGE_INTRO,
  NO_ANSWER_TEXT,
  NO_SOLUTION_TEXT,
  PART_NOTE,
  SMALL_TALK_REPLY_TEXT,
  STAFF_POINTER,
  THANKS_REPLY_TEXT,
  TWO_ENTRIES_INTRO,
} from '../text/messages';
import { formatSolution } from './format';
import type { CitedEntry, ShownEntry, Suggestion } from './types';

/** Formatted solutions, per entry object: a knowledge base's entries never change, a rebuild makes new ones. */
const formatted = new WeakMap<Entry, string>();

/** An entry's solution as Markdown, or the no-solution sentence when the FAQ gives none. */
export function solutionMarkdown(entry: Entry): string {
  let md = formatted.get(entry);
  if (md === undefined) {
    md = entry.solution.trim() === '' ? NO_SOLUTION_TEXT : formatSolution(entry.solution);
    formatted.set(entry, md);
  }
  return md;
}

/** One entry's solution, formatted, under its question with its citation. */
export function composeEntry(entry: Entry, body = solutionMarkdown(entry)): string {
  return `**${titleOf(entry)}** ${citationOf(entry.id)}\n\n${body}`;
}

function entriesOf(retrieval: RetrievalResult): Entry[] {
  return retrieval.answerIds.map((id) => retrieval.hits.find((h) => h.id === id)!.entry);
}

/**
 * The part of an entry that answers a follow-up (its intro, if any, and that part), under the entry's title and
 * citation; a hedge says first that the entry is only the closest.
 */
export function composePart(entry: Entry, intro: string, part: string, hedged = false): string {
  const body = [intro, part].filter((t) => t.trim() !== '').join('\n');
  const lead = hedged ? `${FOLLOW_UP_HEDGE_INTRO} ${citationOf(entry.id)},${FOLLOW_UP_HEDGE_CHECK}\n\n` : '';
  return `${lead}${PART_NOTE}\n\n${composeEntry(entry, formatSolution(body))}`;
}

/**
 * The offline answer for the retrieval's decision: each answering entry's solution with its
 * citation (answer); the closest entry introduced as such (hedge); the fixed reply with no
 * citation (refuse). Suggestions travel separately (`suggestionsOf`).
 */
export function composeOfflineAnswer(retrieval: RetrievalResult): string {
  const entries = entriesOf(retrieval);
  if (retrieval.decision === 'refuse' || entries.length === 0) return isSmallTalk(retrieval.query) ? composeSmallTalkReply(retrieval.query) : composeRefusal();
  if (retrieval.decision === 'hedge') {
    const intro = entries[0]!.solution.trim() === '' ? EMPTY_ENTRY_INTRO : HEDGE_INTRO;
    return `${intro} ${citationOf(entries[0]!.id)}:\n\n${composeEntry(entries[0]!)}`;
  }
  const intro = entries.length > 1 ? `${TWO_ENTRIES_INTRO}\n\n` : '';
  return intro + entries.map((e) => composeEntry(e)).join('\n\n---\n\n');
}

/** Thanks is answered with 不客气; other small talk with what to ask. Never a citation. */
export function composeSmallTalkReply(question: string): string {
  return THANKS.test(question) ? THANKS_REPLY_TEXT : SMALL_TALK_REPLY_TEXT;
}

const THANKS = /谢|辛苦|thank|thx/i;

/** The refusal: fixed text, never a citation. */
export function composeRefusal(): string {
  return `${NO_ANSWER_TEXT}\n\n${STAFF_POINTER}`;
}

/** The 「您是不是想问」 entries of a retrieval, as clickable questions. */
export function suggestionsOf(retrieval: RetrievalResult): Suggestion[] {
  return retrieval.suggestionIds.flatMap((id) => {
    const h = retrieval.hits.find((x) => x.id === id);
    return h ? [{ id: h.id, question: titleOf(h.entry) }] : [];
  });
}

/** An entry as the chat shows it (no raw solution: the Markdown is what the chat renders). */
export function toShownEntry(entry: Entry): ShownEntry {
  return { id: entry.id, ids: entry.ids, category: entry.category, question: entry.question, solutionMarkdown: solutionMarkdown(entry) };
}

/** A cited entry for the CLI, the APIs and the log: as shown, plus the solution as written. */
export function toCitedEntry(entry: Entry): CitedEntry {
  return { ...toShownEntry(entry), solution: entry.solution };
}

import { oneEditApart } from '../text/edit-distance';

/**
 * A speller for error codes and field names typed from memory with one slip (TRADE_CLOSD → TRADE_CLOSED, SYTEMERROR →
 * SYSTEMERROR, sub_apid → sub_appid), with the corpus's own Latin words as its dictionary. Only a code is corrected: a token
 * written in capitals or joined by underscores; ordinary English and pinyin (apple, repay, liang), whose neighbours one edit away
 * are other words, are left as typed. Within a code, a word is replaced only when it occurs nowhere in the corpus, is at least
 * MIN_LENGTH letters long, and exactly one corpus word of the same first letter is one edit away (a letter left out, added,
 * changed, or two swapped). The same for any FAQ: nothing in it names this one's vocabulary.
 *
 * @example
 * const s = createLatinSpeller(['trade', 'closed']);
 * s.correct('报 TRADE_CLOSD') // '报 TRADE_closed'
 */
export interface LatinSpeller {
  correct(text: string): string;
}

/** Shorter words have too many neighbours one edit away to be corrected safely. */
const MIN_LENGTH = 5;
/** A token of Latin letters, digits and underscores, and the words within it. */
const TOKEN = /[A-Za-z0-9_]+/g;
const WORD = /[A-Za-z]+/g;
/** A code: letters joined by an underscore, or at least MIN_LENGTH capitals and no small letter. */
const isCode = (token: string) => /[A-Za-z]_|_[A-Za-z]/.test(token) || (/[A-Z]{5}/.test(token) && !/[a-z]/.test(token));

export function createLatinSpeller(corpusWords: Iterable<string>): LatinSpeller {
  const vocabulary = new Set<string>();
  for (const w of corpusWords) if (/^[a-z]+$/.test(w) && w.length >= MIN_LENGTH - 1) vocabulary.add(w);
  const byFirst = new Map<string, string[]>();
  for (const w of vocabulary) {
    const same = byFirst.get(w[0]!);
    if (same) same.push(w);
    else byFirst.set(w[0]!, [w]);
  }
  const fix = (typed: string): string => {
    const word = typed.toLowerCase();
    if (word.length < MIN_LENGTH || vocabulary.has(word)) return typed;
    const near = (byFirst.get(word[0]!) ?? []).filter((w) => oneEditApart(word, w));
    return near.length === 1 ? near[0]! : typed;
  };
  return { correct: (text) => text.replace(TOKEN, (token) => (isCode(token) ? token.replace(WORD, fix) : token)) };
}

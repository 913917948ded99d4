import { pinyinOf, wordsByReading } from './pinyin';
import { CJK_RUN } from './tokenize';

const LONGEST = 4;

/** Corrects homophone typos against the corpus's own words; built once per knowledge base. */
export interface HomophoneCorrector {
  /** The text with each homophone typo of a corpus word replaced by that word; everything else unchanged. */
  correct(text: string): string;
}

/**
 * A noisy-channel speller with the corpus as its dictionary, for the most common typo of a
 * pinyin input method: the right syllables, the wrong character (好老版 → 好老板, 不波报 → 不播报,
 * 登陆 → 登录, 商护 → 商户). A stretch of 2–4 characters is replaced only when it occurs nowhere in
 * the corpus, a corpus word reads exactly the same (toneless pinyin), and the two share a character
 * in the same place, so real words the FAQ does not use are left alone. The same mechanism serves any
 * FAQ: nothing in it names this one's vocabulary.
 *
 * `corpusWords` maps the corpus's words to how often they occur (a keyword index's document frequencies
 * will do; other keys, such as `#` bigram terms, are ignored); `functionWords` are words such an index leaves out
 * (时候, 什么), taken when the corpus uses them.
 *
 * @example
 * const c = createHomophoneCorrector(new Map([['老板', 3], ['播报', 1]]), corpusText);
 * c.correct('好老版app不波报了') // '好老板app不播报了'
 */
export function createHomophoneCorrector(
  corpusWords: ReadonlyMap<string, number>,
  corpusText: string,
  commonWords?: (run: string) => [number, number][],
  functionWords: readonly string[] = [],
): HomophoneCorrector {
  // Function words are not indexed, yet 什么时侯 is a typo of 什么时候 all the same: those the corpus uses count as its words.
  const used = functionWords.filter((w) => corpusText.includes(w)).map((w): readonly [string, number] => [w, 1]);
  const byKey = wordsByReading(chain(used, corpusWords), LONGEST, ' ');
  // Whatever finding common words needs (jieba's dictionary, read once per process) is read now, when the knowledge
  // base opens, and not by the first question asked.
  commonWords?.('');
  const known = (s: string) => corpusText.includes(s);

  /** The corpus word this stretch is a typo of, or null. */
  const fix = (chars: string[], key: string): string | null => {
    const hit = byKey.get(key);
    if (!hit) return null;
    const target = [...hit.word];
    if (!target.some((c, i) => c === chars[i]) || hit.word === chars.join('')) return null;
    return known(chars.join('')) ? null : hit.word;
  };

  const correctRun = (run: string): string => {
    const chars = [...run];
    const readings = chars.map(pinyinOf);
    const spans = commonWords?.(run) ?? [];
    // A stretch that cuts through a common word is no typo (迁移到 holds 迁移, so 移到 is not a typo of 一到).
    const cutsWord = (from: number, to: number) => spans.some(([s, e]) => (from > s && from < e) || (to > s && to < e));
    let out = '';
    for (let i = 0; i < chars.length; ) {
      let replaced = false;
      for (let n = Math.min(LONGEST, chars.length - i); n >= 2 && !replaced; n--) {
        if (cutsWord(i, i + n)) continue;
        const word = fix(chars.slice(i, i + n), readings.slice(i, i + n).join(' '));
        if (word) {
          out += word;
          i += n;
          replaced = true;
        }
      }
      if (!replaced) out += chars[i++];
    }
    return out;
  };

  return { correct: (text) => text.replace(CJK_RUN, correctRun) };
}

function* chain<T>(...parts: Iterable<T>[]): Iterable<T> {
  for (const part of parts) yield* part;
}

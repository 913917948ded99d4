import { pinyinOf } from './pinyin';

/** Reads pinyin initials typed for a corpus word; built once per knowledge base. */
export interface InitialsReader {
  /** The text with each Latin word that abbreviates one corpus word by its pinyin initials replaced by that word. */
  read(text: string): string;
}

/** How much more often the word read must occur than the next word with the same initials. */
const DOMINANCE = 3;
/** The most initials read as one word (a word of five characters). */
const MAX_INITIALS = 5;
/** Words on their own, one space apart: not part of a code (CL-204, err_x1). */
const LATIN_RUN = /(?<![a-z0-9_-])[a-z]{2,5}(?: [a-z]{2,5})*(?![a-z0-9_-])/g;
/** Initials are consonants: an English word almost always has a vowel (and pinyin syllables starting with one are rare). */
const CONSONANTS_ONLY = /^[^aeiouv]+$/;
/** English words and chat abbreviations with no vowel. */
const ENGLISH = new Set(
  'my by why fly dry try shy sky spy cry gym sync thy myth thx pls plz ps pc tv cc sms qr pdf jpg png gif gps nfc sdk crm http https www hr mr ms dr mm ok'.split(
    ' ',
  ),
);

/**
 * Staff in a hurry abbreviate the words they type most by their pinyin initials: zfb for 支付宝, xcx for 小程序, zjgk for
 * 资金管控. A lower-case Latin word of two to five consonants that is no term of the corpus and no English word with a gloss
 * is read as the corpus word of as many characters with those initials, when one such word occurs at least twice and
 * three times as often as the next (sm could be 实名 or 扫码: it is left as typed, unless with the words after it it spells
 * one: 「sm rz」 is 实名认证). The corpus is the dictionary: nothing here names this FAQ's words.
 *
 * @example
 * const r = createInitialsReader(new Map([['资金管控', 13], ['小程序', 17]]), () => false);
 * r.read('xcx zjgk多久解冻') // '小程序 资金管控多久解冻'
 */
export function createInitialsReader(
  corpusWords: ReadonlyMap<string, number>,
  isLatinTerm: (word: string) => boolean,
  isCorpusTerm: (word: string) => boolean = (w) => corpusWords.has(w),
): InitialsReader {
  // The two commonest words per initials are all the reading needs.
  const byInitials = new Map<string, { word: string; count: number; runnerUp: number }>();
  for (const [word, count] of corpusWords) {
    if (!/^[\u3400-\u9fff]{2,5}$/.test(word)) continue;
    const key = [...word].map((c) => pinyinOf(c)[0] ?? '').join('');
    const best = byInitials.get(key);
    if (!best) byInitials.set(key, { word, count, runnerUp: 0 });
    else if (count > best.count) byInitials.set(key, { word, count, runnerUp: best.count });
    else best.runnerUp = Math.max(best.runnerUp, count);
  }
  const meaning = new Map<string, string>();
  for (const [key, best] of byInitials) if (best.count >= 2 && best.count >= DOMINANCE * best.runnerUp) meaning.set(key, best.word);
  const readable = (w: string) => CONSONANTS_ONLY.test(w) && !ENGLISH.has(w) && !isCorpusTerm(w) && !isLatinTerm(w);
  const readWord = (w: string) => (readable(w) ? (meaning.get(w) ?? w) : w);
  /** Initials typed apart (「wx sm rz」 for 微信实名认证): a word left as typed is read together with the next ones when they spell a word. */
  const readRun = (run: string) => {
    const words = run.split(' ');
    const out: string[] = [];
    for (let i = 0; i < words.length; ) {
      const read = readWord(words[i]!);
      let joined: { word: string; to: number } | undefined;
      if (read === words[i] && readable(words[i]!)) {
        for (let j = i + 1, key = words[i]!; j < words.length && key.length + words[j]!.length <= MAX_INITIALS; j++) {
          key += words[j];
          const word = readable(words[j]!) && readable(key) ? meaning.get(key) : undefined;
          if (word) joined = { word, to: j + 1 };
        }
      }
      out.push(joined?.word ?? read);
      i = joined?.to ?? i + 1;
    }
    return out.join(' ');
  };
  return { read: (text) => text.replace(LATIN_RUN, readRun) };
}

import { pinyinOf, pinyinSyllables, wordsByReading } from './pinyin';

const LONGEST_WORD = 6;
const CJK_WORD = new RegExp(`^[\\u3400-\\u9fff]{2,${LONGEST_WORD}}$`);
/** Latin words, with the spaces and apostrophes between them (pinyin is typed with or without spaces: "huika", "hui ka", "jin'e"). */
const LATIN_RUN = /[A-Za-z]+(?:['’ ]+[A-Za-z]+)*/g;
const LONGEST_SYLLABLE = 6;
/** A corpus word costs one step whatever its length; a syllable read as the corpus's commonest character of that reading costs more, so words win. */
const CHAR_COST = 1.6;
/** A syllable no corpus word has (a particle such as "le") stays as typed, at the highest cost. */
const KEEP_COST = 3;
/** The longest stretch of pinyin words read on its own when the whole run is not mostly corpus words (readGroup). */
const MAX_STRETCH_WORDS = 10;
/**
 * Question words of everyday Chinese. A keyword index drops them as stopwords, but staff type them in pinyin
 * too ("zenme", "duojiu"); read as words they keep the rest of the reading clean. Generic Chinese, not this FAQ's.
 */
const FUNCTION_WORDS = '怎么 怎么办 怎样 怎么样 什么 为什么 为啥 多久 多少 哪里 哪个 可以 能不能 是不是 有没有 没有 不了 一下 还是 已经 现在 需要 如何'.split(
  ' ',
);

/** Turns pinyin typed for Chinese words back into the corpus's words; built once per knowledge base. */
export interface PinyinTransliterator {
  /** The text with each stretch of pinyin that spells corpus words replaced by those words; everything else unchanged. */
  transliterate(text: string): string;
}

/** Whether a Latin word splits into toneless pinyin syllables ("huika" yes, "refund" no). */
function isPinyin(word: string, syllables: Set<string>): boolean {
  const ok = [true];
  for (let i = 0; i < word.length; i++) {
    if (!ok[i]) continue;
    for (let n = 1; n <= LONGEST_SYLLABLE && i + n <= word.length; n++) if (syllables.has(word.slice(i, i + n))) ok[i + n] = true;
  }
  return ok[word.length] === true;
}

/**
 * Staff who cannot switch input methods in a hurry type the pinyin: 「huika bao 03 wuxiao shanghu」, 「haolaoban bu bobao」.
 * Each stretch of Latin words that are all pinyin is read against the corpus's own words (a corpus word per
 * reading, the most frequent; a lone syllable as the corpus's commonest character of that reading), choosing the
 * reading with the fewest pieces; it is replaced only when that reading is mostly corpus words of two characters or
 * more; a syllable no corpus word has stays as typed. English words with a gloss and all-capital acronyms are never
 * read as pinyin; other Latin words (app, sign) are not pinyin to begin with, or spell no corpus word. Nothing in it
 * names this FAQ's vocabulary: any FAQ gets it from its own words.
 *
 * A run of Latin words is read only when pinyin makes up two thirds of it (acronyms and the corpus's own Latin
 * terms, such as app, not counted): English that holds a pinyin-shaped word ("rename") stays English.
 *
 * `corpusWords` maps the corpus's words to how often they occur (a keyword index's document frequencies will do).
 * `isLatinTerm` says whether a lower-case Latin word is a term in its own right (an English word with a gloss);
 * `isCorpusTerm` whether the corpus uses it (default: it is one of `corpusWords`).
 *
 * @example
 * const t = createPinyinTransliterator(new Map([['挥卡', 3], ['无效', 2], ['商户', 9]]), () => false);
 * t.transliterate('huika bao 03 wuxiao shanghu') // '挥卡 bao 03 无效商户' (no corpus word reads "bao": it stays as typed)
 */
export function createPinyinTransliterator(
  corpusWords: ReadonlyMap<string, number>,
  isLatinTerm: (word: string) => boolean,
  isCorpusTerm: (word: string) => boolean = (w) => corpusWords.has(w),
): PinyinTransliterator {
  const syllables = pinyinSyllables();
  const vocabulary = new Map(corpusWords);
  for (const w of FUNCTION_WORDS) if (!vocabulary.has(w)) vocabulary.set(w, 1);
  const words = new Map([...wordsByReading(vocabulary, LONGEST_WORD, '')].map(([key, w]) => [key, { ...w, generic: !corpusWords.has(w.word) }]));
  /** How often each character occurs in the corpus's words, by reading. */
  const charCounts = new Map<string, Map<string, number>>();
  for (const [word, count] of vocabulary) {
    if (!CJK_WORD.test(word)) continue;
    const readings = [...word].map(pinyinOf);
    [...word].forEach((char, i) => {
      const byChar = charCounts.get(readings[i]!) ?? new Map<string, number>();
      charCounts.set(readings[i]!, byChar.set(char, (byChar.get(char) ?? 0) + count));
    });
  }
  const chars = new Map<string, { char: string }>();
  for (const [reading, byChar] of charCounts) chars.set(reading, { char: [...byChar].reduce((a, b) => (b[1] > a[1] ? b : a))[0] });
  let longestWord = 0;
  for (const key of words.keys()) longestWord = Math.max(longestWord, key.length);

  /** The cheapest reading of a pinyin string as corpus words and characters, or null when it is not mostly words. */
  const read = (s: string): string | null => {
    const cost: number[] = [0];
    type Piece = { from: number; text: string; kind: 'word' | 'generic' | 'char' | 'kept' };
    const back: Piece[] = [];
    for (let i = 0; i < s.length; i++) {
      if (cost[i] === undefined) continue;
      const relax = (j: number, c: number, text: string, kind: Piece['kind']) => {
        if (cost[j] === undefined || c < cost[j]!) {
          cost[j] = c;
          back[j] = { from: i, text, kind };
        }
      };
      for (let n = 2; n <= longestWord && i + n <= s.length; n++) {
        const w = words.get(s.slice(i, i + n));
        if (w) relax(i + n, cost[i]! + 1, w.word, w.generic ? 'generic' : 'word');
      }
      for (let n = 1; n <= LONGEST_SYLLABLE && i + n <= s.length; n++) {
        const syllable = s.slice(i, i + n);
        if (!syllables.has(syllable)) continue;
        const c = chars.get(syllable);
        if (c) relax(i + n, cost[i]! + CHAR_COST, c.char, 'char');
        else relax(i + n, cost[i]! + KEEP_COST, syllable, 'kept');
      }
    }
    if (cost[s.length] === undefined) return null;
    const pieces: Piece[] = [];
    for (let j = s.length; j > 0; j = back[j]!.from) pieces.unshift(back[j]!);
    // Characters count one each, a syllable kept as typed as one; only the corpus's own words make a reading worth taking.
    const size = (p: Piece) => (p.kind === 'kept' ? 1 : p.text.length);
    const inWords = pieces.filter((p) => p.kind === 'word').reduce((n, p) => n + size(p), 0);
    const total = pieces.reduce((n, p) => n + size(p), 0);
    if (inWords < 2 || inWords * 2 < total) return null;
    // Kept syllables stand apart from the Chinese around them.
    let out = '';
    for (const p of pieces) out += p.kind === 'kept' ? `${out && !out.endsWith(' ') ? ' ' : ''}${p.text} ` : p.text;
    return out.trim();
  };

  /**
   * A stretch of pinyin words read as a whole, or, when the whole is not mostly corpus words (「yige yingye zhizhao neng bang jige
   * shangjia lianxiren」: 一个, 几个 and 商家 are no corpus words), in its longest stretches that are, from the left; a word in none
   * stays as typed.
   */
  const readGroup = (parts: string[]): string[] => {
    const out: string[] = [];
    const readOf = (from: number, to: number) => read(parts.slice(from, to).join('').toLowerCase());
    const whole = readOf(0, parts.length);
    if (whole !== null) return [whole];
    for (let i = 0; i < parts.length; ) {
      // The longest stretch from i that reads, of at most MAX_STRETCH_WORDS words (parts i … end − 1): bounded, so a message of
      // hundreds of pinyin syllables costs a few reads per word, not a read per pair of words.
      let end = Math.min(parts.length, i + MAX_STRETCH_WORDS);
      let chinese = readOf(i, end);
      while (chinese === null && end > i + 1) chinese = readOf(i, --end);
      if (chinese === null) {
        out.push(parts[i]!);
        i += 1;
      } else {
        out.push(chinese);
        i = end;
      }
    }
    return out;
  };

  const convert = (run: string): string => {
    const parts = run.split(/['’ ]+/);
    const acronym = (part: string) => part.length > 1 && part === part.toUpperCase();
    const readable = (part: string) => !acronym(part) && !isLatinTerm(part.toLowerCase()) && isPinyin(part.toLowerCase(), syllables);
    // A run of English that happens to hold pinyin-shaped words ("rename", "name") is English: pinyin must make up
    // at least two thirds of the words that are neither acronyms nor the corpus's own Latin terms.
    const isReadable = parts.map(readable);
    const counted = parts.map((p, i) => ({ p, readable: isReadable[i]! })).filter(({ p }) => !acronym(p) && !isCorpusTerm(p.toLowerCase()));
    if (counted.filter((c) => c.readable).length * 3 < counted.length * 2) return run;
    const out: string[] = [];
    let group: string[] = [];
    const flush = () => {
      out.push(...readGroup(group));
      group = [];
    };
    for (const [i, part] of parts.entries()) {
      if (isReadable[i]) group.push(part);
      else {
        flush();
        out.push(part);
      }
    }
    flush();
    return out.join(' ');
  };

  return { transliterate: (text) => text.replace(LATIN_RUN, convert) };
}

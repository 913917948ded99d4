import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { SPOKEN_DIGITS } from '../text/spoken-digits';
import { toSimplified } from './simplified';

const require = createRequire(import.meta.url);

/**
 * Words that carry no topic: question words, particles, politeness. They are
 * kept out of keyword scoring and out of the coverage that decides the answer.
 */
const STOPWORDS = new Set(
  (
    '的 了 吗 呢 吧 啊 呀 哦 嘛 么 是 在 有 和 与 及 或 也 都 就 还 又 要 会 能 可以 可 该 这 那 这个 那个 这种 那种 ' +
    '怎么 怎么办 怎么样 怎样 如何 什么 为什么 为啥 啥 咋 咋办 咋回事 咋整 哪里 哪儿 哪 多少 几 是否 有没有 能不能 可不可以 ' +
    '请问 请 问 问下 问一下 一下 帮 帮忙 我 你 他 她 它 我们 你们 他们 一个 个 下 出现 显示 提示 情况 原因 问题 ' +
    '处理 解决 办 办法 方法 回事 时候 不了 不 没 没有 一直 老是 总是 现在 刚才 ' +
    '哪些 几个 知道 是不是 能否 可否 需要 要求 想 不想 先 得 还是 呗 啦 哈 整 弄 搞 看看 看下 一般 ' +
    '自己 当 最多 最少 能先 那边 这边 有点 一样 为何 到底 究竟 意思 含义 ' +
    '你好 您好 麻烦 急 急急 在线等 求助 求教 请教 谢谢 感谢 多谢 大佬 老师 各位 亲 哈喽 hello hi thanks 我这边 我们这边 就是 这个问题 ' +
    // What links a question to an order or to what was said before it (「然后告诉我…」「顺便问下…」「另外…」).
    '告诉 告诉我 然后 顺便 另外 ' +
    // The formal register's function words and framing (「兹有…烦请告知…之处理方法」「就…一事请予明确」「我司」「何种」); as jieba
    // segments them (兹因 is 兹 and 因, 现就 is 现 and 就).
    '兹 烦请 敬请 恳请 请予 予以 之 亦 惟 颇 我司 贵司 本司 我方 贵方 本方 ' +
    '事宜 一事 何种 何方 何处 何时 就此 对此 鉴于 如下 ' +
    'the a an is are was to of for in on and or how what why do does can i my me it this that with please'
  ).split(/\s+/),
);

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** A run of Chinese characters (CJK unified and compatibility ideographs). */
export const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const LATIN_RUN = /[a-z0-9_]+/g;

/** What shapes segmentation and normalisation: the domain dictionary and the synonym groups. */
export interface Vocabulary {
  dictionary: string[];
  /** Groups of equivalent words, canonical word first. */
  synonyms: string[][];
}

/**
 * Segmentation and normalisation for one vocabulary, passed to whatever needs it (keyword index,
 * embeddings, coverage). Knowledge bases of the same vocabulary may share one (tokenizerFor); two
 * vocabularies never share state.
 */
export interface Tokenizer {
  readonly vocabulary: Vocabulary;
  /** NFKC (full-width to half-width), lower case, collapsed spaces, synonyms made canonical. */
  normalize(text: string): string;
  /**
   * Segmented words, stopwords and punctuation removed. `search` mode (for indexing) also
   * emits the parts of compounds (营业执照 -> 营业, 执照, 营业执照); `precise` emits each word once.
   */
  words(text: string, mode?: 'search' | 'precise'): string[];
  /** Character n-grams (1..maxN) of every CJK run; latin words and numbers whole. */
  charGrams(text: string, maxN?: number): string[];
  /** The terms the keyword index scores: segmented words plus CJK bigrams (robust to segmentation misses). */
  keywordTerms(text: string): string[];
  /** CJK bigrams and latin words of the normalised text (synonyms made canonical). */
  bigrams(text: string): string[];
  /**
   * Where the text, as written, has words common in everyday Chinese (jieba's dictionary, the tenth most
   * frequent): [start, end) character spans, so a typo fix does not cut through 迁移 or 任何.
   */
  commonWords(text: string): [number, number][];
}

export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}

/** The stopwords of two or more Chinese characters (时候, 什么, 可以): words a typo can miss as well as any other. */
export function chineseStopwords(): string[] {
  return [...STOPWORDS].filter((w) => /^[\u3400-\u9fff]{2,}$/.test(w));
}

/** NFKC, lower case, collapsed spaces: the normalisation that needs no vocabulary. */
export function basicNormalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A code read out digit by digit after the word that announces it (报九六, 响应码零三), not a count (报三四天). */
const SPOKEN_CODE =
  /(报|码|代码|错误|提示|返回|显示|应答|响应)([零〇幺一二三四五六七八九]{2,3})(?![零〇幺一二三四五六七八九十百千万亿天个次年月日号位元块分秒周])/g;

/**
 * Codes typed as spoken digits (voice input, 「pos机报九六」) in the digits the FAQ writes them in.
 *
 * @example
 * spokenCodes('pos机报九六') // 'pos机报96'
 */
export function spokenCodes(text: string): string {
  return text.replace(SPOKEN_CODE, (_, lead: string, digits: string) => lead + [...digits].map((d) => SPOKEN_DIGITS[d]).join(''));
}

/** Only bigrams of CJK runs plus latin words, on the basic normalisation: the classic baseline tokenisation. */
export function bigrams(text: string): string[] {
  return bigramsOfNormalized(basicNormalize(text));
}

function bigramsOfNormalized(norm: string): string[] {
  const out: string[] = [];
  for (const run of norm.match(CJK_RUN) ?? []) {
    const chars = [...run];
    if (chars.length === 1) out.push(chars[0]!);
    for (let i = 0; i + 2 <= chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  for (const w of norm.match(LATIN_RUN) ?? []) out.push(w);
  return out;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Canonical form when a variant ends here. */
  target?: string;
  /** Latin variants match whole words only, so "ip" never fires inside "shipping". */
  wholeWord?: boolean;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[a-z0-9]/.test(c);

/**
 * Longest-match rewriting of every variant to its group's canonical word, by a scan over a
 * character trie: linear in the text, however many groups (a regex alternation of thousands
 * of variants is two orders of magnitude slower).
 */
function synonymRewriter(groups: string[][]): (text: string) => string {
  const root: TrieNode = { next: new Map() };
  let size = 0;
  for (const [canonical, ...variants] of groups) {
    if (!canonical) continue;
    const target = basicNormalize(canonical);
    // The canonical word maps to itself so that, longest match first, 商服平台 is not rewritten via its prefix 商服.
    // The first group naming a word wins: the hand-kept synonyms file comes before the larger thesaurus.
    for (const v of [canonical, ...variants]) {
      const form = basicNormalize(v);
      let node = root;
      for (const ch of form) {
        let child = node.next.get(ch);
        if (!child) node.next.set(ch, (child = { next: new Map() }));
        node = child;
      }
      if (node.target !== undefined) continue;
      node.target = target;
      node.wholeWord = /^[a-z0-9 _-]+$/.test(form);
      size++;
    }
  }
  if (size === 0) return (t) => t;
  return (text) => {
    const chars = [...text];
    let out = '';
    for (let i = 0; i < chars.length; ) {
      let node: TrieNode | undefined = root;
      let match: { end: number; target: string } | null = null;
      for (let j = i; j < chars.length; j++) {
        node = node.next.get(chars[j]!);
        if (!node) break;
        if (node.target !== undefined && (!node.wholeWord || (!isWordChar(chars[i - 1]) && !isWordChar(chars[j + 1]))))
          match = { end: j + 1, target: node.target };
      }
      if (match) {
        out += match.target;
        i = match.end;
      } else {
        out += chars[i];
        i++;
      }
    }
    return out;
  };
}

/** Texts whose words are remembered, per tokenizer: every chunk and entry text of a large FAQ, and recent questions. */
const WORDS_MEMO = 50_000;

/** Texts whose normalisation is remembered, per tokenizer (short texts: questions, clauses, units). */
const NORMALIZE_MEMO = 256;
const NORMALIZE_MEMO_MAX_CHARS = 512;

/** jieba's dictionary frequency from which a word counts as common: about the top tenth of its 349,000 words. */
const COMMON_FREQUENCY = 100;
let commonWordSet: Set<string> | undefined;

/** jieba's general words of 2–4 characters with at least COMMON_FREQUENCY, read once per process (about 31,000). */
function commonWordsOfDictionary(): Set<string> {
  if (commonWordSet) return commonWordSet;
  const { dict } = require('@node-rs/jieba/dict') as typeof import('@node-rs/jieba/dict');
  commonWordSet = new Set();
  for (const line of Buffer.from(dict).toString('utf8').split('\n')) {
    const [word, frequency] = line.split(' ');
    if (word && Number(frequency) >= COMMON_FREQUENCY && word.length >= 2 && word.length <= 4) commonWordSet.add(word);
  }
  return commonWordSet;
}

function commonWordSpans(words: string[]): [number, number][] {
  const common = commonWordsOfDictionary();
  const spans: [number, number][] = [];
  let at = 0;
  for (const w of words) {
    if (common.has(w)) spans.push([at, at + w.length]);
    at += w.length;
  }
  return spans;
}

function newJieba(dictionary: string[]): Jieba {
  const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  const { dict } = require('@node-rs/jieba/dict') as typeof import('@node-rs/jieba/dict');
  const jieba = JiebaClass.withDict(dict);
  const words = dictionary.filter((w) => w.trim() !== '');
  if (words.length) jieba.loadDict(Buffer.from(words.map((w) => `${w} 50000`).join('\n'), 'utf8'));
  return jieba;
}

let lastTokenizer: { key: string; tokenizer: Tokenizer } | null = null;

/**
 * The tokenizer for a vocabulary, shared with the last one asked for when the vocabulary is the same: an edit to the
 * FAQ or its alternatives rebuilds and reopens the index with the same dictionary and synonyms, and jieba's dictionary
 * and the words already segmented are worth keeping. Same vocabulary, same behaviour: nothing else is shared.
 */
export function tokenizerFor(vocabulary: Vocabulary): Tokenizer {
  const key = JSON.stringify([vocabulary.dictionary, vocabulary.synonyms]);
  if (lastTokenizer?.key !== key) lastTokenizer = { key, tokenizer: createTokenizer({ dictionary: vocabulary.dictionary, synonyms: vocabulary.synonyms }) };
  return lastTokenizer.tokenizer;
}

/**
 * Builds a tokenizer for a vocabulary (jieba with the domain dictionary, synonym rewriting).
 * Loading jieba's dictionary takes about 0.2 s, so build one per knowledge base, not per call.
 *
 * @example
 * const t = createTokenizer({ dictionary: ['收银宝'], synonyms: [['挥卡', '闪付']] });
 * t.words('闪付报03') // ['挥卡', '报', '03'] (segmentation may vary)
 */
export function createTokenizer(vocabulary: Vocabulary): Tokenizer {
  const jieba = newJieba(vocabulary.dictionary);
  const rewrite = synonymRewriter(vocabulary.synonyms);
  // One question is normalised by every search and measure it goes through (keyword terms, units,
  // embedding, coverage, about ten times): short texts' results are kept, a bounded memo of a pure function.
  const normalized = new Map<string, string>();
  const normalizeFresh = (text: string) => rewrite(spokenCodes(toSimplified(basicNormalize(text))));
  const normalize = (text: string) => {
    if (text.length > NORMALIZE_MEMO_MAX_CHARS) return normalizeFresh(text);
    let norm = normalized.get(text);
    if (norm === undefined) {
      if (normalized.size >= NORMALIZE_MEMO) normalized.clear();
      norm = normalizeFresh(text);
      normalized.set(text, norm);
    }
    return norm;
  };
  // A rebuild after an admin's edit segments the same entry texts again (index, embedder, keyword index, on both
  // threads): their words are remembered, a bounded memo of a pure function (callers never change the arrays).
  const segmented = new Map<string, string[]>();
  const words = (text: string, mode: 'search' | 'precise' = 'search') => {
    const key = `${mode === 'search' ? 's' : 'p'}${text}`;
    let out = segmented.get(key);
    if (out === undefined) {
      if (segmented.size >= WORDS_MEMO) segmented.clear();
      segmented.set(key, (out = segment(text, mode)));
    }
    return out;
  };
  const segment = (text: string, mode: 'search' | 'precise') => {
    const norm = normalize(text);
    const out: string[] = [];
    for (const w of mode === 'search' ? jieba.cutForSearch(norm, true) : jieba.cut(norm, true)) {
      const t = w.trim();
      if (t === '' || isStopword(t)) continue;
      if (CJK.test(t) || /[a-z0-9]/.test(t)) out.push(t);
    }
    return out;
  };
  const charGrams = (text: string, maxN = 2) => {
    const norm = normalize(text);
    const out: string[] = [];
    // CJK_RUN matches only BMP characters, so string indices are characters here.
    for (const run of norm.match(CJK_RUN) ?? []) for (let n = 1; n <= maxN; n++) for (let i = 0; i + n <= run.length; i++) out.push(run.slice(i, i + n));
    for (const w of norm.match(LATIN_RUN) ?? []) out.push(w);
    return out;
  };
  const keywordTerms = (text: string) => {
    const grams = bigramsOfNormalized(normalize(text)).filter((g) => [...g].length === 2 && !isStopword(g));
    return [...words(text), ...grams.map((g) => `#${g}`)];
  };
  return {
    vocabulary,
    normalize,
    words,
    charGrams,
    keywordTerms,
    bigrams: (text) => bigramsOfNormalized(normalize(text)),
    commonWords: (text) => commonWordSpans(jieba.cut(text, false)),
  };
}

import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';

const require = createRequire(import.meta.url);

/**
 * Words that carry no topic: question words, particles, politeness. They are
 * kept out of keyword scoring and out of the coverage that decides `noAnswer`.
 */
const STOPWORDS = new Set(
  (
    '的 了 吗 呢 吧 啊 呀 哦 嘛 么 是 在 有 和 与 及 或 也 都 就 还 又 要 会 能 可以 可 该 这 那 这个 那个 这种 那种 ' +
    '怎么 怎么办 怎么样 怎样 如何 什么 为什么 为啥 啥 咋 咋办 咋回事 哪里 哪儿 哪 多少 几 是否 有没有 能不能 可不可以 ' +
    '请问 请 问 问下 问一下 一下 帮 帮忙 我 你 他 她 它 我们 你们 他们 一个 个 下 出现 显示 提示 情况 原因 问题 ' +
    '处理 解决 办 办法 方法 回事 时候 不了 不 没 没有 一直 老是 总是 现在 刚才 ' +
    '哪些 几个 多少 知道 是不是 能否 可否 需要 要求 想 不想 先 得 还是 还 吧 嘛 呗 啦 哈 整 弄 搞 看看 看下 一般 ' +
    '自己 当 最多 最少 能先 那边 这边 有点 一样 为何 到底 究竟 意思 含义 ' +
    '你好 您好 麻烦 急 急急 在线等 求助 求教 请教 谢谢 感谢 多谢 大佬 老师 各位 亲 哈喽 hello hi thanks 我这边 我们这边 就是 那个 这个问题 ' +
    'the a an is are was to of for in on and or how what why do does can i my me it this that with please'
  ).split(/\s+/),
);

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const LATIN_RUN = /[a-z0-9_]+/g;

let jieba: Jieba | undefined;
let userWords: string[] = [];

/** Adds domain words (收银宝, 双免, 挥卡 …) to the segmenter; safe to call more than once. */
export function setUserDictionary(words: string[]): void {
  const fresh = words.filter((w) => w.trim() !== '' && !userWords.includes(w));
  if (fresh.length === 0) return;
  userWords = [...userWords, ...fresh];
  if (jieba) jieba.loadDict(Buffer.from(fresh.map((w) => `${w} 50000`).join('\n'), 'utf8'));
}

function getJieba(): Jieba {
  if (!jieba) {
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict') as typeof import('@node-rs/jieba/dict');
    jieba = JiebaClass.withDict(dict);
    if (userWords.length) jieba.loadDict(Buffer.from(userWords.map((w) => `${w} 50000`).join('\n'), 'utf8'));
  }
  return jieba;
}

let synonymPattern: RegExp | null = null;
let canonicalOf = new Map<string, string>();

/**
 * Rewrites synonyms to one canonical word before matching ("闪付" -> "挥卡"), in
 * questions and entries alike. Groups are lists whose first word is canonical.
 */
export function setSynonyms(groups: string[][]): void {
  canonicalOf = new Map();
  for (const [canonical, ...variants] of groups) {
    if (!canonical) continue;
    const target = canonical.normalize('NFKC').toLowerCase();
    // The canonical word maps to itself so that, longest match first, "商服平台" is not rewritten via its prefix "商服".
    for (const v of [canonical, ...variants]) canonicalOf.set(v.normalize('NFKC').toLowerCase(), target);
  }
  // Latin variants match whole words only, so "ip" never fires inside "shipping".
  const variants = [...canonicalOf.keys()]
    .sort((a, b) => b.length - a.length)
    .map((v) => {
      const escaped = v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return /^[a-z0-9 _-]+$/.test(v) ? `(?<![a-z0-9])${escaped}(?![a-z0-9])` : escaped;
    });
  synonymPattern = variants.length ? new RegExp(variants.join('|'), 'g') : null;
}

/** NFKC (full-width to half-width), lower case, collapsed spaces, synonyms made canonical. */
export function normalizeText(text: string): string {
  const base = text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return synonymPattern ? base.replace(synonymPattern, (m) => canonicalOf.get(m) ?? m) : base;
}

export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}

/**
 * Segmented words, stopwords and punctuation removed. `search` mode (the default, for
 * indexing) also emits the parts of compounds ("营业执照" -> 营业, 执照, 营业执照); `precise`
 * mode emits each word once, for weighing how much of a question an entry covers.
 */
export function words(text: string, mode: 'search' | 'precise' = 'search'): string[] {
  const norm = normalizeText(text);
  const out: string[] = [];
  const jb = getJieba();
  for (const w of mode === 'search' ? jb.cutForSearch(norm, true) : jb.cut(norm, true)) {
    const t = w.trim();
    if (t === '' || isStopword(t)) continue;
    if (CJK.test(t) || /[a-z0-9]/.test(t)) out.push(t);
  }
  return out;
}

/** Character unigrams and bigrams of every CJK run; latin words and numbers whole. */
export function charGrams(text: string, maxN = 2): string[] {
  const norm = normalizeText(text);
  const out: string[] = [];
  for (const run of norm.match(CJK_RUN) ?? []) {
    const chars = [...run];
    for (let n = 1; n <= maxN; n++) {
      for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(''));
    }
  }
  for (const w of norm.match(LATIN_RUN) ?? []) out.push(w);
  return out;
}

/** Only bigrams of CJK runs plus latin words: the classic baseline tokenisation. */
export function bigrams(text: string): string[] {
  const norm = normalizeText(text);
  const out: string[] = [];
  for (const run of norm.match(CJK_RUN) ?? []) {
    const chars = [...run];
    if (chars.length === 1) out.push(chars[0]!);
    for (let i = 0; i + 2 <= chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  for (const w of norm.match(LATIN_RUN) ?? []) out.push(w);
  return out;
}

/** The terms the keyword index scores: segmented words plus CJK bigrams (robust to segmentation misses). */
export function keywordTerms(text: string): string[] {
  const ws = words(text);
  const grams = bigrams(text).filter((g) => [...g].length === 2 && !isStopword(g));
  return [...ws, ...grams.map((g) => `#${g}`)];
}

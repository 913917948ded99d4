import { Embeddings } from '@langchain/core/embeddings';
import { pinyinBigrams } from './pinyin';
import type { Tokenizer } from './tokenize';

/**
 * The local embedding space's version: its word features are the tokenizer's words, stopwords removed, so a change to either
 * (round 14: 告诉, 然后, 顺便, 另外 became stopwords; round 18: the formal register's 兹, 烦请, 我司, 之 …) makes an index built
 * before it stale, and it is rebuilt.
 */
export const LOCAL_EMBEDDER_VERSION = 'local-ngram-tfidf-v5';

/** What a fitted local embedder needs to be rebuilt identically at query time. */
export interface LocalEmbedderState {
  version: string;
  dim: number;
  /** Number of texts the IDF was fitted on. */
  docs: number;
  /** Feature -> inverse document frequency. Unseen features get `maxIdf`. */
  idf: Record<string, number>;
  maxIdf: number;
}

/** Identifies the local embedding space of a dimension. */
export function localEmbedderId(dim: number): string {
  return `${LOCAL_EMBEDDER_VERSION}/d${dim}`;
}

/** FNV-1a, 32 bit: fast, stable across platforms and runs. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Weighted features of a text: CJK character 1-3 grams, latin words, segmented words, pinyin syllable bigrams. */
export function features(text: string, tokenizer: Tokenizer): Map<string, number> {
  const out = new Map<string, number>();
  const add = (f: string, w: number) => out.set(f, (out.get(f) ?? 0) + w);
  for (const g of tokenizer.charGrams(text, 3)) add(`c:${g}`, [...g].length === 1 ? 0.25 : 1);
  for (const w of tokenizer.words(text)) add(`w:${w}`, 1);
  for (const p of pinyinBigrams(tokenizer.normalize(text))) add(`p:${p}`, PINYIN_WEIGHT);
  return out;
}

/** Pinyin features only rescue homophone typos; they must not outvote the characters themselves. */
const PINYIN_WEIGHT = 0.5;

/** IDF is fitted on at most this many texts: a fixed, evenly spread sample beyond that is as good and keeps 100k-entry ingests fast. */
export const MAX_FIT_TEXTS = 20_000;

/** Fits IDF over the texts being indexed (or an evenly spaced, deterministic sample of them). */
export function fitLocalEmbedder(texts: string[], dim: number, tokenizer: Tokenizer): LocalEmbedderState {
  const step = Math.max(1, texts.length / MAX_FIT_TEXTS);
  const sample: string[] = [];
  for (let i = 0; i < texts.length; i += step) sample.push(texts[Math.floor(i)]!);
  const df = new Map<string, number>();
  for (const t of sample) for (const f of features(t, tokenizer).keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const n = Math.max(sample.length, 1);
  const idf: Record<string, number> = {};
  for (const [f, d] of df) idf[f] = Math.log(1 + n / d);
  return { version: LOCAL_EMBEDDER_VERSION, dim, docs: n, idf, maxIdf: Math.log(1 + n) };
}

/**
 * Offline embeddings derived from the text itself: hashed TF-IDF of character
 * n-grams and segmented words, signed feature hashing into `dim` buckets, L2-normalised.
 * Deterministic; a real LangChain `Embeddings`, so HNSWLib uses it like any other.
 *
 * @example
 * const state = fitLocalEmbedder(chunkTexts, 512, tokenizer);
 * const emb = new LocalHashEmbeddings(state, tokenizer);
 * const v = await emb.embedQuery('挥卡报03');
 */
export class LocalHashEmbeddings extends Embeddings {
  readonly state: LocalEmbedderState;
  private readonly tokenizer: Tokenizer;

  constructor(state: LocalEmbedderState, tokenizer: Tokenizer) {
    super({});
    this.state = state;
    this.tokenizer = tokenizer;
  }

  /** Identifies the embedding space; an index built by another embedder is stale. */
  get id(): string {
    return localEmbedderId(this.state.dim);
  }

  embedSync(text: string): number[] {
    const { dim, idf, maxIdf } = this.state;
    const v = new Float64Array(dim);
    for (const [f, tf] of features(this.tokenizer.normalize(text), this.tokenizer)) {
      const h = fnv1a(f);
      const w = (tf >= 1 ? 1 + Math.log(tf) : tf) * (idf[f] ?? maxIdf);
      v[h % dim]! += h & 0x80000000 ? -w : w;
    }
    let norm = 0;
    for (let i = 0; i < dim; i++) norm += v[i]! * v[i]!;
    norm = Math.sqrt(norm) || 1;
    const out = new Array<number>(dim);
    for (let i = 0; i < dim; i++) out[i] = v[i]! / norm;
    return out;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embedSync(t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embedSync(text);
  }
}

import { keywordTerms } from './tokenize';

export interface Bm25Options {
  k1?: number;
  b?: number;
  /** Tokeniser; defaults to segmented words plus CJK bigrams. */
  tokenize?: (text: string) => string[];
}

export interface KeywordHit {
  index: number;
  score: number;
}

/**
 * Okapi BM25 over an in-memory inverted index. Documents are given as weighted
 * fields (e.g. the question counts twice), so a term in the question outweighs one deep in the answer.
 */
export class Bm25Index {
  private readonly k1: number;
  private readonly b: number;
  readonly tokenize: (text: string) => string[];
  private readonly postings = new Map<string, { doc: number; tf: number }[]>();
  private readonly docLen: number[] = [];
  private avgLen = 0;
  /** Document frequency of each term, for IDF-weighted coverage. */
  readonly df = new Map<string, number>();

  constructor(docs: { text: string; weight: number }[][], opts: Bm25Options = {}) {
    this.k1 = opts.k1 ?? 1.2;
    this.b = opts.b ?? 0.75;
    this.tokenize = opts.tokenize ?? keywordTerms;
    docs.forEach((fields, doc) => {
      const tf = new Map<string, number>();
      let len = 0;
      for (const { text, weight } of fields) {
        for (const t of this.tokenize(text)) {
          tf.set(t, (tf.get(t) ?? 0) + weight);
          len += weight;
        }
      }
      this.docLen.push(len);
      for (const [term, f] of tf) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push({ doc, tf: f });
        this.df.set(term, (this.df.get(term) ?? 0) + 1);
      }
    });
    this.avgLen = this.docLen.reduce((a, b) => a + b, 0) / Math.max(this.docLen.length, 1);
  }

  get size(): number {
    return this.docLen.length;
  }

  idf(term: string): number {
    const n = this.size;
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Top `k` documents for the query, best first; documents with score 0 are left out. */
  search(query: string, k: number): KeywordHit[] {
    const scores = new Map<number, number>();
    const terms = new Map<string, number>();
    for (const t of this.tokenize(query)) terms.set(t, (terms.get(t) ?? 0) + 1);
    for (const [term, qtf] of terms) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term);
      for (const { doc, tf } of list) {
        const norm = tf + this.k1 * (1 - this.b + (this.b * this.docLen[doc]!) / this.avgLen);
        scores.set(doc, (scores.get(doc) ?? 0) + qtf * idf * ((tf * (this.k1 + 1)) / norm));
      }
    }
    return topK(scores, k);
  }
}

/** The k largest entries of a score map, without sorting everything. */
export function topK(scores: Map<number, number>, k: number): KeywordHit[] {
  const all: KeywordHit[] = [];
  for (const [index, score] of scores) if (score > 0) all.push({ index, score });
  if (all.length > k * 8) {
    // Partial selection keeps 100k-document queries fast.
    let threshold = -Infinity;
    const heap: number[] = [];
    for (const h of all) {
      if (heap.length < k) {
        heap.push(h.score);
        if (heap.length === k) threshold = Math.min(...heap);
      } else if (h.score > threshold) {
        heap[heap.indexOf(threshold)] = h.score;
        threshold = Math.min(...heap);
      }
    }
    return all.filter((h) => h.score >= threshold).sort((a, b) => b.score - a.score).slice(0, k);
  }
  return all.sort((a, b) => b.score - a.score).slice(0, k);
}

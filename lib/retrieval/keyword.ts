export interface Bm25Options {
  k1?: number;
  b?: number;
  /** Terms of a text, e.g. a tokenizer's keywordTerms (segmented words plus CJK bigrams). */
  tokenize: (text: string) => string[];
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
  /** term -> parallel arrays of documents and (weighted) term frequencies; typed for speed at 100k documents. */
  private readonly postings = new Map<string, { docs: Int32Array; tfs: Float32Array }>();
  /** Per-query score accumulator, reused: no allocation proportional to the corpus per query. */
  private scores: Float64Array = new Float64Array(0);
  private readonly docLen: number[] = [];
  private avgLen = 0;
  /** BM25's length normalisation of each document, k1 · (1 − b + b · len / avgLen): fixed once the index is built. */
  private lengthNorm: Float64Array = new Float64Array(0);
  /** Document frequency of each term, for IDF-weighted coverage. */
  readonly df = new Map<string, number>();

  constructor(docs: { text: string; weight: number }[][], opts: Bm25Options) {
    this.k1 = opts.k1 ?? 1.2;
    this.b = opts.b ?? 0.75;
    this.tokenize = opts.tokenize;
    const building = new Map<string, { docs: number[]; tfs: number[] }>();
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
        let list = building.get(term);
        if (!list) building.set(term, (list = { docs: [], tfs: [] }));
        list.docs.push(doc);
        list.tfs.push(f);
      }
    });
    for (const [term, list] of building) {
      this.postings.set(term, { docs: Int32Array.from(list.docs), tfs: Float32Array.from(list.tfs) });
      this.df.set(term, list.docs.length);
    }
    this.avgLen = this.docLen.reduce((a, b) => a + b, 0) / Math.max(this.docLen.length, 1);
    this.lengthNorm = Float64Array.from(this.docLen, (len) => this.k1 * (1 - this.b + (this.b * len) / this.avgLen));
    this.scores = new Float64Array(this.docLen.length);
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
    return this.searchTerms(this.tokenize(query), k);
  }

  /** As `search`, for a query already split into this index's terms (a caller that needs them too). */
  searchTerms(queryTerms: readonly string[], k: number): KeywordHit[] {
    const scores = this.scores;
    const lengthNorm = this.lengthNorm;
    const touched: number[] = [];
    const terms = new Map<string, number>();
    for (const t of queryTerms) terms.set(t, (terms.get(t) ?? 0) + 1);
    for (const [term, qtf] of terms) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term);
      const { docs, tfs } = list;
      for (let j = 0; j < docs.length; j++) {
        const doc = docs[j]!;
        const tf = tfs[j]!;
        const norm = tf + lengthNorm[doc]!;
        if (scores[doc] === 0) touched.push(doc);
        scores[doc]! += qtf * idf * ((tf * (this.k1 + 1)) / norm);
      }
    }
    const hits = topK(touched, scores, k);
    for (const doc of touched) scores[doc] = 0;
    return hits;
  }
}

/** The k best of the touched documents, best first (ties by document order), without sorting them all. */
export function topK(touched: number[], scores: Float64Array, k: number): KeywordHit[] {
  const best: KeywordHit[] = [];
  for (const index of touched) {
    const score = scores[index]!;
    if (score <= 0) continue;
    if (best.length === k && score <= best[k - 1]!.score) continue;
    let pos = best.length < k ? best.length : k - 1;
    while (pos > 0 && best[pos - 1]!.score < score) pos--;
    best.splice(pos, 0, { index, score });
    if (best.length > k) best.pop();
  }
  return best;
}

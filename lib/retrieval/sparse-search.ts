/** One stored vector: the caller's label for it and its (L2-normalised) components. */
export interface StoredVector {
  label: number;
  vector: ArrayLike<number>;
}

/** A neighbour found: the stored vector's label and its cosine similarity to the query. */
export interface SparseHit {
  label: number;
  similarity: number;
}

export interface SparseSearch {
  /** The `k` stored vectors most similar to `query` (cosine; both sides L2-normalised), best first; only those sharing a component with it. */
  search(query: ArrayLike<number>, k: number): SparseHit[];
  size: number;
}

/**
 * Exact nearest neighbours for sparse vectors, by an inverted list per dimension: a query
 * only touches the stored vectors that share one of its non-zero components. The local
 * embedder's vectors are hashed n-grams (about 50 of 512 components set), so at FAQ scale
 * this is exact and several times cheaper than an HNSW walk at a high ef, which has to
 * compute full 512-component distances for most of the graph.
 *
 * @example
 * const s = createSparseSearch([{ label: 0, vector: [0.6, 0, 0.8] }, { label: 1, vector: [0, 1, 0] }]);
 * s.search([1, 0, 0], 1); // [{ label: 0, similarity: 0.6 }]
 */
export function createSparseSearch(vectors: Iterable<StoredVector>): SparseSearch {
  // One pass keeps each vector's non-zero components only (a few dozen of hundreds), so a large
  // index is never held densely; a second lays them out per dimension.
  const labelList: number[] = [];
  const rowDims: Int32Array[] = [];
  const rowValues: Float32Array[] = [];
  let dim = 0;
  for (const { label, vector } of vectors) {
    const dims: number[] = [];
    for (let d = 0; d < vector.length; d++) if (vector[d] !== 0) dims.push(d);
    labelList.push(label);
    rowDims.push(Int32Array.from(dims));
    rowValues.push(Float32Array.from(dims, (d) => vector[d]!));
    dim = Math.max(dim, vector.length);
  }
  const start = new Int32Array(dim + 1);
  for (const dims of rowDims) for (const d of dims) start[d + 1]!++;
  for (let d = 0; d < dim; d++) start[d + 1]! += start[d]!;
  // CSR layout: the stored vectors with a non-zero d are rows[start[d] .. start[d + 1]).
  const rows = new Int32Array(start[dim]!);
  const values = new Float32Array(start[dim]!);
  const fill = start.slice(0, dim);
  rowDims.forEach((dims, row) => {
    dims.forEach((d, i) => {
      const at = fill[d]!++;
      rows[at] = row;
      values[at] = rowValues[row]![i]!;
    });
  });
  const labels = Int32Array.from(labelList);
  const scores = new Float64Array(labels.length);

  return {
    size: labels.length,
    search(query, k) {
      scores.fill(0);
      const limit = Math.min(query.length, dim);
      for (let d = 0; d < limit; d++) {
        const q = query[d]!;
        if (q === 0) continue;
        for (let at = start[d]!, end = start[d + 1]!; at < end; at++) scores[rows[at]!]! += q * values[at]!;
      }
      return topRows(scores, k).map((row) => ({ label: labels[row]!, similarity: scores[row]! }));
    },
  };
}

/** The `k` rows with the highest non-zero score, best first (ties: lower row first). */
export function topRows(scores: Float64Array, k: number): number[] {
  // A min-heap of the best k so far, rows and their scores side by side: its root is the weakest kept row
  // (lower score, or the same score and a higher row).
  const capacity = Math.max(0, k);
  const rows = new Int32Array(capacity);
  const vals = new Float64Array(capacity);
  let size = 0;
  /** Moves (row, x) down from slot i of the heap's first `end` slots to where it belongs. */
  const siftDown = (i: number, row: number, x: number, end: number) => {
    for (;;) {
      const l = 2 * i + 1;
      if (l >= end) break;
      let m = l;
      if (l + 1 < end) {
        const a = vals[l + 1]!;
        const b = vals[l]!;
        if (a < b || (a === b && rows[l + 1]! > rows[l]!)) m = l + 1;
      }
      const mv = vals[m]!;
      if (!(mv < x || (mv === x && rows[m]! > row))) break;
      rows[i] = rows[m]!;
      vals[i] = mv;
      i = m;
    }
    rows[i] = row;
    vals[i] = x;
  };
  for (let row = 0; row < scores.length; row++) {
    const x = scores[row]!;
    if (x === 0) continue;
    if (size < k) {
      let c = size++;
      while (c > 0) {
        const p = (c - 1) >> 1;
        const pv = vals[p]!;
        if (!(x < pv || (x === pv && row > rows[p]!))) break;
        rows[c] = rows[p]!;
        vals[c] = pv;
        c = p;
      }
      rows[c] = row;
      vals[c] = x;
    } else if (k > 0 && x > vals[0]!) siftDown(0, row, x, size);
  }
  // Taking the root (the weakest) off again and again lists the kept rows from the back.
  const out = new Array<number>(size);
  for (let end = size - 1; end >= 0; end--) {
    out[end] = rows[0]!;
    siftDown(0, rows[end]!, vals[end]!, end);
  }
  return out;
}

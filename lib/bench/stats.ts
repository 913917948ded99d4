/** Latency percentiles in milliseconds, rounded to 0.01. */
export function latencyStats(samples: number[]): { p50: number; p95: number; p99: number; mean: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]! : 0);
  const r = (x: number) => Math.round(x * 100) / 100;
  return { p50: r(at(50)), p95: r(at(95)), p99: r(at(99)), mean: r(s.reduce((a, b) => a + b, 0) / Math.max(s.length, 1)) };
}

/** Share of the exact top-k that the approximate top-k found (by id). */
export function recallAtK(approx: number[], exact: number[]): number {
  if (exact.length === 0) return 1;
  const set = new Set(approx);
  return exact.filter((x) => set.has(x)).length / exact.length;
}

/**
 * k-NN recall as ann-benchmarks counts it: an approximate neighbour is correct when it is
 * no farther than the exact k-th neighbour (plus a small epsilon), so exact ties between
 * near-identical vectors do not count as misses.
 */
export function distanceRecall(approxDistances: number[], exactKthDistance: number, k: number, epsilon = 1e-3): number {
  return approxDistances.filter((d) => d <= exactKthDistance + epsilon).length / k;
}

/** Exact top-k by cosine over unit vectors stored row-major in one Float32Array; ids best first. */
export function bruteForceTopK(matrix: Float32Array, dim: number, query: number[], k: number): number[] {
  return bruteForceNeighbours(matrix, dim, query, k).map((b) => b.i);
}

/** Exact top-k with cosine distances (1 - similarity), best first. */
export function bruteForceNeighbours(matrix: Float32Array, dim: number, query: number[], k: number): { i: number; d: number }[] {
  const n = matrix.length / dim;
  const best: { i: number; s: number }[] = [];
  for (let i = 0; i < n; i++) {
    let s = 0;
    const off = i * dim;
    for (let d = 0; d < dim; d++) s += matrix[off + d]! * query[d]!;
    if (best.length === k && s <= best[k - 1]!.s) continue;
    let pos = best.length < k ? best.length : k - 1;
    while (pos > 0 && best[pos - 1]!.s < s) pos--;
    best.splice(pos, 0, { i, s });
    if (best.length > k) best.pop();
  }
  return best.map((b) => ({ i: b.i, d: 1 - b.s }));
}

import { describe, expect, it } from 'vitest';
import { createSparseSearch, topRows } from './sparse-search';

/** A deterministic pseudo-random generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function sparseUnit(rand: () => number, dim: number, nonZero: number): number[] {
  const v = new Array<number>(dim).fill(0);
  for (let i = 0; i < nonZero; i++) v[Math.floor(rand() * dim)] = rand() * 2 - 1;
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('createSparseSearch', () => {
  it('finds exactly the neighbours a full scan finds, best first', () => {
    const rand = rng(7);
    const stored = Array.from({ length: 600 }, (_, i) => ({ label: 1000 + i, vector: sparseUnit(rand, 128, 12) }));
    const search = createSparseSearch(stored);
    for (let q = 0; q < 40; q++) {
      const query = sparseUnit(rand, 128, 8);
      const truth = stored
        .map((s) => ({ label: s.label, similarity: dot(query, s.vector) }))
        .filter((h) => h.similarity !== 0)
        .sort((a, b) => b.similarity - a.similarity || a.label - b.label)
        .slice(0, 25);
      const got = search.search(query, 25);
      expect(got.map((h) => h.label)).toEqual(truth.map((h) => h.label));
      got.forEach((h, i) => expect(h.similarity).toBeCloseTo(truth[i]!.similarity, 5));
    }
  });

  it('returns only vectors sharing a component with the query, and nothing for k = 0', () => {
    const search = createSparseSearch([
      { label: 0, vector: [0.6, 0, 0.8] },
      { label: 1, vector: [0, 1, 0] },
    ]);
    expect(search.search([1, 0, 0], 5)).toEqual([{ label: 0, similarity: expect.closeTo(0.6, 6) }]);
    expect(search.search([0, 0, 0], 5)).toEqual([]);
    expect(search.search([1, 1, 0], 0)).toEqual([]);
  });

  it('keeps negative similarities in order after the positive ones', () => {
    const search = createSparseSearch([
      { label: 5, vector: [-1, 0] },
      { label: 6, vector: [0.5, Math.sqrt(0.75)] },
    ]);
    expect(search.search([1, 0], 2).map((h) => h.label)).toEqual([6, 5]);
  });
});

describe('topRows', () => {
  it('gives the k best non-zero rows, best first, ties to the lower row, as a full sort does', () => {
    const random = rng(7);
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + Math.floor(random() * 300);
      // Few distinct values, so ties are common; about a third zero; some negative.
      const scores = Float64Array.from({ length: n }, () => (random() < 0.33 ? 0 : Math.round(random() * 20 - 4) / 4));
      const sorted = [...scores.keys()].filter((r) => scores[r] !== 0).sort((a, b) => scores[b]! - scores[a]! || a - b);
      for (const k of [0, 1, 5, 80, n + 5]) expect(topRows(scores, k), `n ${n} k ${k}`).toEqual(sorted.slice(0, k));
    }
  });
});

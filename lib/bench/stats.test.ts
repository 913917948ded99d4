import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeEntries } from '../corpus/merge';
import { parseFaq } from '../corpus/parse';
import { bruteForceTopK, distanceRecall, latencyStats, recallAtK } from './stats';
import { syntheticCorpus, syntheticQueries } from './synthetic';

const real = mergeEntries(parseFaq(readFileSync(path.resolve(import.meta.dirname, '../../corpus/faq.txt'), 'utf8')).entries, {}).entries;

describe('bench helpers', () => {
  it('computes percentiles and recall', () => {
    expect(latencyStats([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toMatchObject({ p50: 5, p95: 10, p99: 10, mean: 5.5 });
    expect(recallAtK([1, 2, 3], [1, 2, 4, 5])).toBe(0.5);
  });

  it('finds the exact nearest vectors by brute force', () => {
    const m = new Float32Array([1, 0, 0, 1, 0.6, 0.8]);
    expect(bruteForceTopK(m, 2, [0.8, 0.6], 2)).toEqual([2, 0]);
  });

  it('generates the same varied corpus for the same seed', () => {
    const a = syntheticCorpus(real, 500);
    const b = syntheticCorpus(real, 500);
    expect(a).toEqual(b);
    expect(new Set(a.map((e) => e.id)).size).toBe(500);
    expect(new Set(a.map((e) => e.question)).size).toBeGreaterThan(490);
    expect(syntheticCorpus(real, 500, 1)[0]!.question).not.toBe(a[0]!.question);
    expect(syntheticQueries(a, 5)).toEqual(syntheticQueries(a, 5));
  });
});

describe('distance recall', () => {
  it('counts an approximate neighbour as found when it is as close as the exact k-th one', () => {
    expect(distanceRecall([0.1, 0.2, 0.3], 0.2, 3)).toBeCloseTo(2 / 3);
    expect(distanceRecall([0.1, 0.2, 0.2], 0.2, 3)).toBe(1);
  });
});

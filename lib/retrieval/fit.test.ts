import { describe, expect, it } from 'vitest';
import { chooseThresholds, groupedFolds } from './fit';

describe('fitting helpers', () => {
  it('puts rows with the same key in the same fold, round robin over keys', () => {
    const f = groupedFolds(['a', 'b', 'c', 'a', 'b', 'd'], 2);
    expect(f).toEqual([
      [0, 2, 3],
      [1, 4, 5],
    ]);
  });

  it('chooses the lowest probability at which answers are precise enough', () => {
    const scored = [
      { p: 0.9, correct: true, inScope: true },
      { p: 0.8, correct: true, inScope: true },
      { p: 0.7, correct: false, inScope: true },
      { p: 0.6, correct: true, inScope: true },
    ];
    expect(chooseThresholds(scored, { precision: 1, maxRefused: 0 }).answer).toBe(0.8);
    expect(chooseThresholds(scored, { precision: 0.75, maxRefused: 0 }).answer).toBe(0.6);
  });
});

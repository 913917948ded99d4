import { describe, expect, it } from 'vitest';
import { chooseThresholds, fitRanker, groupedFolds } from './fit';

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

  it('refuses starting weights of another length than the features (a signal added since the base model would stay unlearned)', () => {
    const examples = [
      {
        candidates: [
          [1, 0, 1],
          [0, 1, 0],
        ],
        correct: 0,
        inScope: true,
        group: 'g',
        kind: 'k',
      },
    ];
    expect(() => fitRanker(examples, 3, { init: [0.5, 0.5] })).toThrow(/2 starting weights for 3 features/);
    expect(fitRanker(examples, 3, { init: [0.5, 0.5, 0], iterations: 5 })).toHaveLength(3);
  });
});

import { describe, expect, it } from 'vitest';
import { oneEditApart } from './edit-distance';

describe('oneEditApart', () => {
  it('finds one insertion, deletion, substitution or swap of neighbours, and nothing more', () => {
    for (const [a, b] of [
      ['closd', 'closed'],
      ['closeed', 'closed'],
      ['clised', 'closed'],
      ['colsed', 'closed'],
    ])
      expect(oneEditApart(a!, b!), `${a} ${b}`).toBe(true);
    for (const [a, b] of [
      ['closed', 'closed'],
      ['clsd', 'closed'],
      ['cloeds', 'closed'],
      ['closedxy', 'closed'],
    ])
      expect(oneEditApart(a!, b!), `${a} ${b}`).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { MARKER_FORMS, NOT_MARKERS } from '../testing/citation-markers';
import { citationOf, extractCitations, normalizeCitations, replaceCitations } from './citations';

describe('citation markers', () => {
  it.each(MARKER_FORMS)('%s cites %j', (marker, ids) => {
    expect(extractCitations(`退款到账时间见 ${marker}。`)).toEqual(ids);
    expect(normalizeCitations(`见${marker}。`)).toBe(`见${ids.map(citationOf).join('')}。`);
    expect(replaceCitations(marker, (found, m) => `<${found.join('+')}|${m}>`)).toBe(`<${ids.join('+')}|${marker}>`);
  });

  it.each(NOT_MARKERS)('%s is not a citation', (text) => {
    expect(extractCitations(`见 ${text} 说明`)).toEqual([]);
  });

  it('lists ids in order of first appearance, without repeats', () => {
    expect(extractCitations('[FAQ2.6] 与 [FAQ2.5、FAQ2.6] 及【FAQ2.5】')).toEqual(['FAQ2.6', 'FAQ2.5']);
  });

  it('keeps no state between calls', () => {
    expect(extractCitations('[FAQ1.1]')).toEqual(['FAQ1.1']);
    expect(extractCitations('[FAQ1.1]')).toEqual(['FAQ1.1']);
  });
});

import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../errors';
import type { MissCluster } from './cluster';
import { missViewQuery, parseMissView, viewMisses } from './miss-view';

function cluster(label: string, over: Partial<MissCluster> = {}): MissCluster {
  return {
    key: label,
    label,
    count: 1,
    lastSeen: '2026-12-01T00:00:00.000Z',
    wordings: [{ text: label, count: 1, lastSeen: '2026-12-01T00:00:00.000Z', exchangeIds: [`x-${label}`] }],
    exchangeIds: [`x-${label}`],
    kinds: { refuse: 1, hedge: 0, down: 0 },
    comments: [],
    candidates: [],
    uncovered: false,
    offDomain: false,
    ...over,
  };
}

describe('the miss queue, filtered and paged', () => {
  const clusters = [
    cluster('退款多久到账', { candidates: [{ id: 'FAQ2.6', count: 2 }] }),
    cluster('好老板不播报', { kinds: { refuse: 0, hedge: 2, down: 0 } }),
    cluster('码牌坏了', { uncovered: true }),
    cluster('手续费多少', {
      kinds: { refuse: 0, hedge: 0, down: 1 },
      wordings: [{ text: '退货手续费退吗', count: 1, lastSeen: '2026-12-01T00:00:00.000Z', exchangeIds: ['y'] }],
    }),
  ];

  it('finds words in the label or any wording, an entry id among the candidates, one way of being missed, open clusters only', () => {
    expect(viewMisses(clusters, { q: '退', open: false, page: 1 }).shown.map((c) => c.label)).toEqual(['退款多久到账', '手续费多少']);
    expect(viewMisses(clusters, { q: 'faq2.6', open: false, page: 1 }).shown.map((c) => c.label)).toEqual(['退款多久到账']);
    expect(viewMisses(clusters, { kind: 'hedge', open: false, page: 1 }).shown.map((c) => c.label)).toEqual(['好老板不播报']);
    expect(viewMisses(clusters, { kind: 'down', open: false, page: 1 }).shown.map((c) => c.label)).toEqual(['手续费多少']);
    expect(viewMisses(clusters, { open: true, page: 1 }).matching).toBe(3);
  });

  it('pages what matches, the last page when asked past it', () => {
    const many = Array.from({ length: 7 }, (_, i) => cluster(`问题${i}`));
    expect(viewMisses(many, { open: false, page: 1 }, 3)).toMatchObject({ matching: 7, page: 1, pages: 3 });
    expect(viewMisses(many, { open: false, page: 3 }, 3).shown.map((c) => c.label)).toEqual(['问题6']);
    expect(viewMisses(many, { open: false, page: 9 }, 3)).toMatchObject({ page: 3, pages: 3 });
    expect(viewMisses([], { open: false, page: 1 }, 3)).toMatchObject({ shown: [], matching: 0, page: 1, pages: 1 });
  });

  it('reads a view from the query string, and rejects a bad one in Chinese', () => {
    expect(parseMissView(new URLSearchParams('q=+退款+&kind=refuse&open=1&page=2'))).toEqual({ q: '退款', kind: 'refuse', open: true, page: 2 });
    expect(parseMissView(new URLSearchParams('q=&kind=&page='))).toEqual({ open: false, page: 1 });
    for (const bad of ['kind=all', 'page=0', 'page=x', `q=${'长'.repeat(201)}`]) {
      expect(() => parseMissView(new URLSearchParams(bad))).toThrow(BadRequestError);
    }
    expect(() => parseMissView(new URLSearchParams('kind=all'))).toThrow(/筛选条件有误/);
  });

  it('writes the query string back for the links between pages, without what is not set', () => {
    const view = { q: '退款', kind: 'hedge' as const, open: true, page: 2 };
    expect(missViewQuery(view, { from: '2026-12-01' }, 3)).toBe('from=2026-12-01&q=%E9%80%80%E6%AC%BE&kind=hedge&open=1&page=3');
    expect(missViewQuery({ open: false, page: 1 }, {})).toBe('');
  });
});

import { z } from 'zod';
import { BadRequestError } from '../errors';
import { cleanTyped } from '../text/typed-text';
import type { MissCluster } from './cluster';

/** Clusters on one page of /admin/misses (the export has them all). */
export const MISS_PAGE_SIZE = 50;

/** What part of the miss queue an admin looks at: words to find, one way of being missed, open clusters only, a page. */
export interface MissView {
  /** Words any wording or the label contains (「退款」), or a candidate entry's id (「FAQ2.5」, the whole id). */
  q?: string;
  /** Only clusters with questions refused, hedged, or answered and voted 👎. */
  kind?: 'refuse' | 'hedge' | 'down';
  /** Leave out clusters already marked 「FAQ 确实未覆盖」. */
  open: boolean;
  /** 1-based. */
  page: number;
}

const viewSchema = z.object({
  q: z.string().max(200).transform(cleanTyped).optional(),
  kind: z.enum(['refuse', 'hedge', 'down']).optional(),
  open: z.enum(['1', '0']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});

/** `?q=退款&kind=refuse&open=1&page=2`; empty values count as not given. */
export function parseMissView(params: URLSearchParams): MissView {
  const given = Object.fromEntries(['q', 'kind', 'open', 'page'].flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : [])));
  const parsed = viewSchema.safeParse(given);
  if (!parsed.success) throw new BadRequestError('筛选条件有误:kind 只能是 refuse、hedge 或 down,page 应为正整数,关键词不超过 200 字。');
  const { q, kind, open, page } = parsed.data;
  return { ...(q ? { q } : {}), ...(kind ? { kind } : {}), open: open === '1', page: page ?? 1 };
}

/** The clusters a view asks for, and the page of them it shows (the last page when `page` is past it). */
export function viewMisses<C extends MissCluster>(
  clusters: C[],
  view: MissView,
  size = MISS_PAGE_SIZE,
): { shown: C[]; matching: number; page: number; pages: number } {
  const needle = view.q?.toLowerCase();
  const matching = clusters.filter(
    (c) =>
      (!view.kind || c.kinds[view.kind] > 0) &&
      (!view.open || !c.uncovered) &&
      (!needle ||
        c.label.toLowerCase().includes(needle) ||
        c.wordings.some((w) => w.text.toLowerCase().includes(needle)) ||
        c.candidates.some((cand) => cand.id.toLowerCase() === needle)),
  );
  const pages = Math.max(1, Math.ceil(matching.length / size));
  const page = Math.min(view.page, pages);
  return { shown: matching.slice((page - 1) * size, page * size), matching: matching.length, page, pages };
}

/** The query string of a view (and a date range), for links between its pages. */
export function missViewQuery(view: MissView, range: { from?: string; to?: string }, page = view.page): string {
  const entries: [string, string | undefined][] = [
    ['from', range.from],
    ['to', range.to],
    ['q', view.q],
    ['kind', view.kind],
    ['open', view.open ? '1' : undefined],
    ['page', page > 1 ? String(page) : undefined],
  ];
  return new URLSearchParams(entries.filter((e): e is [string, string] => e[1] !== undefined)).toString();
}

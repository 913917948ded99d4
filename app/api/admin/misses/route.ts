import { parseMissView, viewMisses } from '@/lib/admin/miss-view';
import { missQueue } from '@/lib/admin/misses';
import { adminView } from '../admin-action';
import { parseRange } from '../schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * GET /api/admin/misses?from=YYYY-MM-DD&to=YYYY-MM-DD[&q=…&kind=refuse|hedge|down&open=1&page=N]: the miss queue, clustered,
 * largest first, filtered by the view (lib/admin/miss-view.ts); all of it, or one page of it when `page` is given. `capped`: the
 * range has more misses than are read at once, and only the newest (and, with `q`, older ones containing it) are in. Admin only.
 */
export const GET = adminView(async (params, { store, kb }) => {
  const view = parseMissView(params);
  const { clusters: all, capped } = await missQueue(store, kb, parseRange(params), view.q);
  const { shown, matching, page, pages } = viewMisses(all, view, params.get('page') ? undefined : Math.max(all.length, 1));
  return { clusters: shown, total: all.length, matching, page, pages, capped };
});

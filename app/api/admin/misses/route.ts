import { requireAdmin } from '@/lib/admin/access';
import { parseMissView, viewMisses } from '@/lib/admin/miss-view';
import { missQueue } from '@/lib/admin/misses';
import { StoreError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/error-response';
import { getRuntime } from '@/lib/runtime';
import { parseRange } from '../schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * GET /api/admin/misses?from=YYYY-MM-DD&to=YYYY-MM-DD[&q=…&kind=refuse|hedge|down&open=1&page=N]: the miss queue, clustered,
 * largest first, filtered by the view (lib/admin/miss-view.ts); all of it, or one page of it when `page` is given. Admin only.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const rt = getRuntime();
    requireAdmin(rt.config, request);
    if (!rt.store) throw new StoreError();
    const params = new URL(request.url).searchParams;
    const view = parseMissView(params);
    const all = await missQueue(rt.store, await rt.knowledge.get(), parseRange(params));
    const { shown, matching, page, pages } = viewMisses(all, view, params.get('page') ? undefined : Math.max(all.length, 1));
    return Response.json({ clusters: shown, total: all.length, matching, page, pages }, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}

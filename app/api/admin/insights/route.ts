import { requireAdmin } from '@/lib/admin/access';
import { insightsView } from '@/lib/admin/insights';
import { StoreError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/error-response';
import { getRuntime } from '@/lib/runtime';
import { parseRange } from '../schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/admin/insights?from&to: questions per day, decisions, citations, 👎 rate, largest miss clusters. Admin only. */
export async function GET(request: Request): Promise<Response> {
  try {
    const rt = getRuntime();
    requireAdmin(rt.config, request);
    if (!rt.store) throw new StoreError();
    const view = await insightsView(rt.store, await rt.knowledge.get(), parseRange(new URL(request.url).searchParams));
    return Response.json(view, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}

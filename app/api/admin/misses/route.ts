import { requireAdmin } from '@/lib/admin/access';
import { missQueue } from '@/lib/admin/misses';
import { StoreError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/error-response';
import { getRuntime } from '@/lib/runtime';
import { parseRange } from '../schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/admin/misses?from=YYYY-MM-DD&to=YYYY-MM-DD: the miss queue, clustered, largest first. Admin only. */
export async function GET(request: Request): Promise<Response> {
  try {
    const rt = getRuntime();
    requireAdmin(rt.config, request);
    if (!rt.store) throw new StoreError();
    const clusters = await missQueue(rt.store, await rt.knowledge.get(), parseRange(new URL(request.url).searchParams));
    return Response.json({ clusters }, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}

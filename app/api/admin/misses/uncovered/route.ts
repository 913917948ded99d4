import { requireAdmin } from '@/lib/admin/access';
import { markUncovered } from '@/lib/admin/misses';
import { StoreError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/error-response';
import { readJsonBody } from '@/lib/http/read-body';
import { getRuntime } from '@/lib/runtime';
import { parseExchangeIds } from '../../schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** POST /api/admin/misses/uncovered `{ exchangeIds }`: 「FAQ 确实未覆盖」, marked for the FAQ's authors. Admin only. */
export async function POST(request: Request): Promise<Response> {
  try {
    const rt = getRuntime();
    requireAdmin(rt.config, request);
    if (!rt.store) throw new StoreError();
    const marked = await markUncovered(rt.store, parseExchangeIds(await readJsonBody(request, 1_048_576)));
    return Response.json({ marked }, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}

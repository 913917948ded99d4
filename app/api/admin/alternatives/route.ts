import { requireAdmin } from '@/lib/admin/access';
import { addedAlternatives } from '@/lib/admin/misses';
import { StoreError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/error-response';
import { getRuntime } from '@/lib/runtime';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/admin/alternatives: every entry's alternative questions added by admins, in the FAQ's order. Admin only. */
export async function GET(request: Request): Promise<Response> {
  try {
    const rt = getRuntime();
    requireAdmin(rt.config, request);
    if (!rt.store) throw new StoreError();
    const entries = await addedAlternatives(rt.store, await rt.knowledge.get());
    return Response.json({ entries }, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}

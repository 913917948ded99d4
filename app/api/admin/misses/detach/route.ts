import { requireAdmin } from '@/lib/admin/access';
import { detachFromEntry } from '@/lib/admin/misses';
import { StoreError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/error-response';
import { readJsonBody } from '@/lib/http/read-body';
import { getRuntime } from '@/lib/runtime';
import { parseAttach } from '../../schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** POST /api/admin/misses/detach: 撤销 an attach: the questions leave the entry (re-indexed) and return to the queue. Admin only. */
export async function POST(request: Request): Promise<Response> {
  try {
    const rt = getRuntime();
    requireAdmin(rt.config, request);
    if (!rt.store) throw new StoreError();
    const input = parseAttach(await readJsonBody(request, 1_048_576));
    return Response.json(await detachFromEntry({ store: rt.store, knowledge: rt.knowledge }, input), { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}

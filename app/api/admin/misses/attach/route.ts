import { requireAdmin } from '@/lib/admin/access';
import { attachToEntry } from '@/lib/admin/misses';
import { StoreError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/error-response';
import { readJsonBody } from '@/lib/http/read-body';
import { getRuntime } from '@/lib/runtime';
import { parseAttach } from '../../schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** POST /api/admin/misses/attach: 「作为 FAQx.y 的相似问题」, re-indexed, with each question before and after. Admin only. */
export async function POST(request: Request): Promise<Response> {
  try {
    const rt = getRuntime();
    requireAdmin(rt.config, request);
    if (!rt.store) throw new StoreError();
    const input = parseAttach(await readJsonBody(request, 1_048_576));
    return Response.json(await attachToEntry({ store: rt.store, knowledge: rt.knowledge }, input), { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}

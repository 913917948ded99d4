import { requireAdmin } from '@/lib/admin/access';
import { chinaTime, missQueueCsv, missQueueXlsx } from '@/lib/admin/export';
import { missQueue } from '@/lib/admin/misses';
import { BadRequestError, StoreError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/error-response';
import { getRuntime } from '@/lib/runtime';
import { parseRange } from '../../schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** GET /api/admin/misses/export?format=csv|xlsx&from&to: the miss queue for the FAQ's authors. Admin only. */
export async function GET(request: Request): Promise<Response> {
  try {
    const rt = getRuntime();
    requireAdmin(rt.config, request);
    if (!rt.store) throw new StoreError();
    const params = new URL(request.url).searchParams;
    const format = params.get('format') ?? 'csv';
    if (format !== 'csv' && format !== 'xlsx') throw new BadRequestError('format 只能是 csv 或 xlsx。');
    const queue = await missQueue(rt.store, await rt.knowledge.get(), parseRange(params));
    const name = `miss-queue-${chinaTime(new Date()).slice(0, 10)}.${format}`;
    const headers = { 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' };
    if (format === 'csv') return new Response(missQueueCsv(queue), { headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' } });
    return new Response(new Uint8Array(await missQueueXlsx(queue)), { headers: { ...headers, 'content-type': XLSX } });
  } catch (e) {
    return errorResponse(e);
  }
}

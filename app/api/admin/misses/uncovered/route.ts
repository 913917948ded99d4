import { markUncovered } from '@/lib/admin/misses';
import { adminAction } from '../../admin-action';
import { parseExchangeIds } from '../../schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** POST /api/admin/misses/uncovered `{ exchangeIds }`: 「FAQ 确实未覆盖」, marked for the FAQ's authors. Admin only. */
export const POST = adminAction(parseExchangeIds, async (ids, { store }) => ({ marked: await markUncovered(store, ids) }));

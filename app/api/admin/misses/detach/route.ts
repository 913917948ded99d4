import { detachFromEntry } from '@/lib/admin/misses';
import { adminAction } from '../../admin-action';
import { parseDetach } from '../../schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * POST /api/admin/misses/detach: 撤销 an attach: the questions leave the entry (re-indexed) and return to the queue. Without
 * `exchangeIds` (the list of added alternatives), the attached questions are found by their words. Admin only.
 */
export const POST = adminAction(parseDetach, (input, deps) => detachFromEntry(deps, input));

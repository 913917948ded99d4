import { detachFromEntry } from '@/lib/admin/misses';
import { adminAction } from '../../admin-action';
import { parseAttach } from '../../schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** POST /api/admin/misses/detach: 撤销 an attach: the questions leave the entry (re-indexed) and return to the queue. Admin only. */
export const POST = adminAction(parseAttach, (input, deps) => detachFromEntry(deps, input));

import { attachToEntry } from '@/lib/admin/misses';
import { adminAction } from '../../admin-action';
import { parseAttach } from '../../schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** POST /api/admin/misses/attach: 「作为 FAQx.y 的相似问题」, re-indexed, with each question before and after. Admin only. */
export const POST = adminAction(parseAttach, (input, deps) => attachToEntry(deps, input));

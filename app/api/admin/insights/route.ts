import { insightsView } from '@/lib/admin/insights';
import { adminView } from '../admin-action';
import { parseRange } from '../schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/admin/insights?from&to: questions per day, decisions, citations, 👎 rate, largest miss clusters. Admin only. */
export const GET = adminView((params, { store, kb }) => insightsView(store, kb, parseRange(params)));

import { addedAlternatives } from '@/lib/admin/misses';
import { adminView } from '../admin-action';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/admin/alternatives: every entry's alternative questions added by admins, in the FAQ's order. Admin only. */
export const GET = adminView(async (_params, { store, kb }) => ({ entries: await addedAlternatives(store, kb) }));

import { logOut } from '@/lib/admin/access';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** POST /api/admin/logout: ends the admin session. */
export async function POST(request: Request): Promise<Response> {
  return new Response(null, { status: 204, headers: { 'set-cookie': logOut(request), 'cache-control': 'no-store' } });
}

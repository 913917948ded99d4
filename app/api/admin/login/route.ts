import { logIn } from '@/lib/admin/access';
import { errorResponse } from '@/lib/http/error-response';
import { readJsonBody } from '@/lib/http/read-body';
import { getRuntime } from '@/lib/runtime';
import { parsePassword } from '../schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** POST /api/admin/login `{ password }`: a signed, httpOnly session cookie; rate-limited per client. */
export async function POST(request: Request): Promise<Response> {
  try {
    const rt = getRuntime();
    const password = parsePassword(await readJsonBody(request, 4_096));
    const cookie = logIn(rt.config, rt.loginLimiter, request, password);
    return new Response(null, { status: 204, headers: { 'set-cookie': cookie, 'cache-control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}

import { conversationsOf } from '@/lib/conversations/service';
import { BadRequestError } from '@/lib/errors';
import { readClientId } from '@/lib/http/client-id';
import { errorResponse } from '@/lib/http/error-response';
import { getRuntime } from '@/lib/runtime';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `?offset=N`: where the page starts; 0 when absent. */
function offsetOf(request: Request): number {
  const given = new URL(request.url).searchParams.get('offset');
  if (given === null || given === '') return 0;
  if (!/^\d{1,6}$/.test(given)) throw new BadRequestError('offset 应为 0 到 999999 之间的整数。');
  return Number(given);
}

/**
 * GET /api/conversations[?offset=N]: this browser's conversations (by its client-id cookie), most recent first, fifty at a time;
 * `more` says whether there are older ones (the next page starts at offset + 50).
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const rt = getRuntime();
    const page = await conversationsOf({ store: rt.store, log: rt.conversationLog }, readClientId(request.headers), offsetOf(request));
    return Response.json(page, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}

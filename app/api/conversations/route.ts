import { conversationsOf } from '@/lib/conversations/service';
import { readClientId } from '@/lib/http/client-id';
import { errorResponse } from '@/lib/http/error-response';
import { getRuntime } from '@/lib/runtime';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/conversations: this browser's conversations (by its client-id cookie), most recent first. */
export async function GET(request: Request): Promise<Response> {
  try {
    const rt = getRuntime();
    const conversations = await conversationsOf({ store: rt.store, log: rt.conversationLog }, readClientId(request.headers));
    return Response.json({ conversations }, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}

import { voteOn } from '@/lib/conversations/service';
import { readClientId } from '@/lib/http/client-id';
import { errorResponse } from '@/lib/http/error-response';
import { enforceRateLimit, guardBrowserPost } from '@/lib/http/guard';
import { readJsonBody } from '@/lib/http/read-body';
import { getRuntime } from '@/lib/runtime';
import { parseFeedback } from './schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** POST /api/feedback: 👍/👎 (with a reason) on one of this browser's answers; voting again replaces the vote. */
export async function POST(request: Request): Promise<Response> {
  try {
    const rt = getRuntime();
    enforceRateLimit(request, rt.rateLimiter);
    guardBrowserPost(request, rt.config.allowedOrigins);
    const { exchangeId, feedback } = parseFeedback(await readJsonBody(request, 8_192));
    await voteOn({ store: rt.store, log: rt.conversationLog, redact: rt.config.log.redact }, readClientId(request.headers), exchangeId, feedback);
    return Response.json({ ok: true }, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}

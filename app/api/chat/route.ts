import { createUIMessageStreamResponse } from 'ai';
import { getDefaultAnswerDeps, streamAnswer } from '@/lib/answer/answer';
import { toFaqUIMessageStream } from '@/lib/answer/ui-stream';
import { getConfig } from '@/lib/config';
import { errorResponse } from '@/lib/http/error-response';
import { enforceRateLimit } from '@/lib/http/guard';
import { readJsonBody } from '@/lib/http/read-body';
import { parseChatRequest } from './schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** POST /api/chat: what useChat sends in, a streamed, cited answer out. */
export async function POST(request: Request): Promise<Response> {
  try {
    const config = getConfig();
    enforceRateLimit(request, config);
    const body = await readJsonBody(request, config.limits.maxBodyBytes);
    const input = parseChatRequest(body, config.limits);
    const deps = await getDefaultAnswerDeps();
    const stream = toFaqUIMessageStream(streamAnswer(input, deps, request.signal));
    return createUIMessageStreamResponse({ stream, headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}

import { getDefaultAnswerDeps, streamAnswer } from '@/lib/answer/answer';
import { answerResponse } from '@/lib/answer/ui-stream';
import { getConfig } from '@/lib/config';
import { errorResponse } from '@/lib/http/error-response';
import { enforceRateLimit } from '@/lib/http/guard';
import { readJsonBody } from '@/lib/http/read-body';
import { parseChatRequest } from './schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** POST /api/chat: what useChat sends in, a cited answer out as an AI SDK UI message stream. */
export async function POST(request: Request): Promise<Response> {
  try {
    const config = getConfig();
    enforceRateLimit(request, config);
    const body = await readJsonBody(request, config.limits.maxBodyBytes);
    const input = parseChatRequest(body, config.limits);
    const deps = await getDefaultAnswerDeps();
    return await answerResponse(streamAnswer(input, deps, request.signal), deps.llm !== null);
  } catch (e) {
    return errorResponse(e);
  }
}

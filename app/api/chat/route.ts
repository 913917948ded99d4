import { streamAnswer } from '@/lib/answer/answer';
import { errorResponse } from '@/lib/http/error-response';
import { enforceRateLimit, guardBrowserPost } from '@/lib/http/guard';
import { readJsonBody } from '@/lib/http/read-body';
import { getRuntime } from '@/lib/runtime';
import { parseChatRequest } from './schema';
import { answerResponse } from './ui-stream';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** POST /api/chat: what useChat sends in, a cited answer out as an AI SDK UI message stream. */
export async function POST(request: Request): Promise<Response> {
  try {
    const rt = getRuntime();
    guardBrowserPost(request, rt.config.allowedOrigins);
    enforceRateLimit(request, rt.rateLimiter);
    const body = await readJsonBody(request, rt.config.limits.maxBodyBytes, rt.config.server.bodyTimeoutMs);
    const input = parseChatRequest(body, rt.config.limits);
    const deps = rt.answerDeps(await rt.knowledge.get());
    return await answerResponse(streamAnswer(input, deps, request.signal), deps.llm !== null);
  } catch (e) {
    return errorResponse(e);
  }
}

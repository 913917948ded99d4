import { streamAnswer } from '@/lib/answer/answer';
import { recordAnswer } from '@/lib/conversations/log';
import { clientIdentity } from '@/lib/http/client-id';
import { errorResponse } from '@/lib/http/error-response';
import { enforceRateLimit, guardBrowserPost } from '@/lib/http/guard';
import { readJsonBody } from '@/lib/http/read-body';
import { getRuntime } from '@/lib/runtime';
import { parseChatRequest } from './schema';
import { answerResponse, type StreamOptions } from './ui-stream';

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
    const client = clientIdentity(request);
    const events = streamAnswer(input, deps, request.signal);
    // The log is written after the answer is complete, off the request path; its id goes into the final part.
    const opts: StreamOptions = {};
    const target = { clientId: client.clientId, conversationId: input.conversationId, userMessageId: input.userMessageId };
    const response = await answerResponse(rt.conversationLog ? recordAnswer(events, rt.conversationLog, target, opts) : events, deps.llm !== null, opts);
    if (client.setCookie) response.headers.append('set-cookie', client.setCookie);
    return response;
  } catch (e) {
    return errorResponse(e);
  }
}

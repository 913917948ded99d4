import type { AnswerResult } from '@/lib/answer/types';
import { requireJson } from '@/lib/http/guard';
import { readJsonBody } from '@/lib/http/read-body';
import { clientTaskReply, clientTaskResponse } from '@/lib/openai-api/client-task';
import { completionResponse } from '@/lib/openai-api/completion';
import { openAIErrorResponse } from '@/lib/openai-api/errors';
import { apiExchange } from '@/lib/openai-api/exchange';
import { parseCompletionRequest } from '@/lib/openai-api/request';
import { publicBaseUrl } from '@/lib/openai-api/response';
import { getRuntime } from '@/lib/runtime';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** POST /v1/chat/completions: OpenAI's chat completions (streamed or not), answered from the FAQ with its citations. */
export async function POST(request: Request): Promise<Response> {
  try {
    const rt = getRuntime();
    // Before the body is read: an unknown caller costs a header check, not a body.
    const caller = rt.openaiApi.admit(request.headers);
    // Without keys, a web page a staff member opens could post to this machine's API as a CORS "simple request" (a form, text/plain)
    // and write into the log; JSON needs a preflight, which it does not get. With keys, the bearer header does the same.
    if (rt.openaiApi.auth === 'loopback-only') requireJson(request);
    const body = await readJsonBody(request, rt.config.api.maxBodyBytes);
    const req = parseCompletionRequest(body, rt.config.limits);
    // A front-end's housekeeping (Open WebUI's title and tag prompts) is no staff question: not searched, not logged.
    const task = clientTaskReply(req.input.question);
    if (task !== null) return clientTaskResponse(req, task, publicBaseUrl(request));
    const deps = rt.answerDeps(await rt.knowledge.get());
    // Logged like the chat's answers (redacted, kept LOG_RETENTION_DAYS), so the miss queue sees what API users could not get.
    const log = rt.conversationLog;
    const onAnswered = log ? (result: AnswerResult) => void log.record(result, apiExchange(caller, req)) : undefined;
    return await completionResponse(req, deps, { signal: request.signal, baseUrl: publicBaseUrl(request), caller, onAnswered });
  } catch (e) {
    return openAIErrorResponse(e);
  }
}

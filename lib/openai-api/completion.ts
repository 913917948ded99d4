import { type AnswerDeps, answerQuestion, streamAnswer } from '../answer/answer';
import { onComplete } from '../answer/on-complete';
import type { AnswerEvent, AnswerResult } from '../answer/types';
import type { CompletionRequest } from './request';
import { contentOf, jsonContentOf, newReplyContext, toChatCompletion } from './response';
import { bufferedSse, createChunkWriter, isAbort, SSE_HEADERS, streamedSse } from './stream';
import { usageOf } from './usage';

export interface CompletionContext {
  /** The request's signal: aborted when the client goes away. */
  signal: AbortSignal;
  /** Origin for entry URLs ('' for relative ones), from publicBaseUrl(request). */
  baseUrl: string;
  /** Who asked (`key:3fa9c0d1` or `ip:127.0.0.1`), for logs; never the key. */
  caller: string;
  /** Called with each complete answer (the conversation log: the miss queue and insights see API questions too). */
  onAnswered?: (result: AnswerResult) => void;
}

/** The answer's events, with the complete answer handed to `onAnswered` when there is one to hand it to. */
const tapped = (events: AsyncIterable<AnswerEvent>, onAnswered?: (result: AnswerResult) => void) => (onAnswered ? onComplete(events, onAnswered) : events);

/**
 * Answers an OpenAI chat-completions request with the one answer function (retrieval,
 * decision, citation guard, offline or LLM mode, fallback notices):
 * - not streamed: a `chat.completion` whose message carries the extension fields;
 * - streamed offline: the whole SSE body at once (the answer is complete at once);
 * - streamed by the model: SSE as the model writes; a client that disconnects aborts the answer
 *   and the model call;
 * - `response_format: { type: "json_object" }`: the content is the answer as one JSON object, sent whole (streamed: in one
 *   chunk, once the answer is complete).
 *
 * @example
 * const req = parseCompletionRequest(await readJsonBody(request, max), limits);
 * return completionResponse(req, runtime.answerDeps(kb), { signal: request.signal, baseUrl: publicBaseUrl(request), caller });
 */
export async function completionResponse(req: CompletionRequest, deps: AnswerDeps, ctx: CompletionContext): Promise<Response> {
  const reply = newReplyContext(ctx.baseUrl);
  if (!req.stream) {
    const result = await answerQuestion(req.input, deps, ctx.signal);
    ctx.onAnswered?.(result);
    const content = req.json ? jsonContentOf(result, reply.baseUrl) : contentOf(result);
    return Response.json(toChatCompletion(result, reply, content, usageOf(req.userTexts, content)), { headers: { 'cache-control': 'no-store' } });
  }
  const writer = createChunkWriter(reply, { includeUsage: req.includeUsage, userTexts: req.userTexts, json: req.json });
  const onError = (e: unknown) => console.error(`[v1] ${ctx.caller} answering failed`, e);
  if (deps.llm === null) {
    return new Response(await bufferedSse(tapped(streamAnswer(req.input, deps, ctx.signal), ctx.onAnswered), writer, onError), { headers: SSE_HEADERS });
  }
  // Aborted by the request's signal or when the response stream is cancelled, whichever the platform reports first.
  const cancel = new AbortController();
  const signal = AbortSignal.any([ctx.signal, cancel.signal]);
  const body = streamedSse(tapped(streamAnswer(req.input, deps, signal), ctx.onAnswered), writer, {
    onError: (e) => !isAbort(e) && onError(e),
    onCancel: () => cancel.abort(),
  });
  return new Response(body, { headers: SSE_HEADERS });
}

import type { CompletionRequest } from './request';
import { completionOf, newReplyContext, toChunk } from './response';
import { DONE, SSE_HEADERS, sse } from './stream';
import { usageOf } from './usage';

/**
 * A chat front-end's own housekeeping, sent to the chat model as if a user asked it: Open WebUI's title, tags, follow-up and
 * search-query prompts (「### Task: … JSON format: { "title": … } … <chat_history> … </chat_history>」), LobeChat's topic title
 * (「…请总结上述对话为10个字以内的标题…」, answered with the title alone). They are no staff
 * question: answered at once with the JSON the front-end expects, never searched, never logged (a fresh-clone check found
 * them filling the miss queue and the insights).
 */
const TASK = /^###\s*Task:/i;
/** LobeChat's topic-title prompt: the conversation as 「user: …」「assistant: …」 lines, then the request for a short title. */
const LOBE_TITLE = /请总结上述对话为\s*(\d+)\s*个字以内的标题/;
const HISTORY = /<chat_history>([\s\S]*?)<\/chat_history>/i;
/** Characters of the first question kept as a conversation's title. */
const TITLE_CHARS = 20;

/**
 * The JSON content a front-end's task prompt expects, or null when the text is a question. Pure.
 *
 * @example
 * clientTaskReply('### Task:\n…JSON format: { "title": "…" }\n<chat_history>\nUSER: 挥卡报03怎么办\n</chat_history>') // '{"title":"挥卡报03怎么办"}'
 */
export function clientTaskReply(text: string): string | null {
  const lobe = LOBE_TITLE.exec(text);
  if (lobe) {
    const first = /^\s*user:\s*(.+)$/im.exec(text)?.[1] ?? '';
    const words = first.replace(/[\p{P}\p{S}\s]+/gu, '');
    return [...words].slice(0, Math.min(Number(lobe[1]), TITLE_CHARS)).join('') || 'FAQ 问答';
  }
  const history = HISTORY.exec(text);
  if (!TASK.test(text.trim()) || !history) return null;
  const key = /JSON format:[^{]*\{\s*"(\w+)"/i.exec(text)?.[1]?.toLowerCase();
  if (key === 'title') {
    const first = /^\s*USER:\s*(.+)$/im.exec(history[1]!)?.[1]?.trim() ?? '';
    return JSON.stringify({ title: [...first].slice(0, TITLE_CHARS).join('') || 'FAQ 问答' });
  }
  if (key === 'tags') return JSON.stringify({ tags: ['FAQ 问答'] });
  if (key === 'follow_ups' || key === 'queries') return JSON.stringify({ [key]: [] });
  return '{}';
}

/** The reply to a front-end's task, streamed or not, in OpenAI's shapes. */
export function clientTaskResponse(req: CompletionRequest, content: string, baseUrl: string): Response {
  const ctx = newReplyContext(baseUrl);
  const usage = usageOf(req.userTexts, content);
  if (!req.stream) return Response.json(completionOf(ctx, content, usage), { headers: { 'cache-control': 'no-store' } });
  const usageNull = req.includeUsage ? { usage: null } : {};
  const chunks = [
    toChunk(ctx, { role: 'assistant', content: '' }, usageNull),
    toChunk(ctx, { content }, usageNull),
    toChunk(ctx, {}, { finish: 'stop', ...usageNull }),
    ...(req.includeUsage ? [toChunk(ctx, null, { usage })] : []),
  ];
  return new Response(chunks.map(sse).join('') + DONE, { headers: SSE_HEADERS });
}

import { z } from 'zod';
import type { AnswerInput, ChatTurn } from '@/lib/answer/types';
import type { AppConfig } from '@/lib/config';
import { BadRequestError } from '@/lib/errors';
import { questionTooLongText } from '@/lib/text/messages';
import { cleanTyped, hasControlCharacters } from '@/lib/text/typed-text';

const textPart = z.object({ type: z.literal('text'), text: z.string() });
/** Other part types useChat may send back (sources, data parts) are accepted and ignored. */
const otherPart = z.looseObject({
  type: z
    .string()
    .max(100)
    .refine((t) => t !== 'text'),
});

/** An id useChat made: short, and no control character (a NUL cannot be stored, and held back everyone's log). */
const clientId = z
  .string()
  .max(200)
  .refine((id) => !hasControlCharacters(id));

const schemas = new WeakMap<AppConfig['limits'], ReturnType<typeof buildSchema>>();

/** What `useChat` sends: `{ id?, messages: UIMessage[], trigger?, messageId? }`; built once per limits. */
export function chatRequestSchema(limits: AppConfig['limits']) {
  let schema = schemas.get(limits);
  if (!schema) schemas.set(limits, (schema = buildSchema(limits)));
  return schema;
}

function buildSchema(limits: AppConfig['limits']) {
  const message = z.object({
    id: clientId.optional(),
    role: z.enum(['user', 'assistant', 'system']),
    parts: z.array(z.union([textPart, otherPart])).max(200),
  });
  return z.looseObject({
    id: clientId.optional(),
    messages: z.array(message).min(1).max(limits.maxMessages),
  });
}

/** Text parts joined; lone surrogates made well-formed and control characters dropped. */
function textOf(parts: { type: string; text?: unknown }[]): string {
  return cleanTyped(
    parts
      .filter((p): p is { type: 'text'; text: string } => p.type === 'text' && typeof p.text === 'string')
      .map((p) => p.text)
      .join('\n'),
  );
}

/** The answer input, and where the exchange is recorded: useChat's chat id and the question's message id. */
export type ChatRequest = AnswerInput & { conversationId?: string; userMessageId?: string };

/**
 * Validates a chat request and turns it into the answer input. Every failure is a
 * BadRequestError with a Chinese message saying what is wrong.
 */
export function parseChatRequest(body: unknown, limits: AppConfig['limits']): ChatRequest {
  const parsed = chatRequestSchema(limits).safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.join('.') || '请求体';
    if (issue.path[0] === 'messages' && issue.path.length === 1 && issue.code === 'too_big') {
      throw new BadRequestError(`对话消息过多(上限 ${limits.maxMessages} 条),请开始新的对话。`);
    }
    throw new BadRequestError(`请求格式错误:${where} 不符合要求,需要 { messages: [{ role, parts: [{ type: "text", text }] }] }。`);
  }
  const messages = parsed.data.messages;
  const last = messages.at(-1)!;
  if (last.role !== 'user') throw new BadRequestError('最后一条消息必须来自用户。');
  const question = textOf(last.parts);
  if (question === '') throw new BadRequestError('问题不能为空,请输入要咨询的内容。');
  if (question.length > limits.maxTextChars) throw new BadRequestError(questionTooLongText(limits.maxTextChars));
  const history: ChatTurn[] = messages
    .slice(0, -1)
    .filter((m) => m.role !== 'system')
    .map((m) => ({ role: m.role as ChatTurn['role'], text: textOf(m.parts).slice(0, limits.maxTextChars) }))
    .filter((t) => t.text !== '');
  return { question, history, conversationId: parsed.data.id, userMessageId: last.id };
}

import { z } from 'zod';
import type { AnswerInput, ChatTurn } from '../answer/types';
import type { AppConfig } from '../config';
import { cleanTyped } from '../text/typed-text';
import { invalidRequest, modelNotFound } from './errors';

/** The one model this server serves: the FAQ knowledge base. */
export const MODEL_ID = 'faq-assistant';

/** A content part: text is read (`text`, or the Responses API's `input_text` some SDKs send), every other kind (image_url, input_audio, file) is ignored. */
const part = z.looseObject({ type: z.string().max(100), text: z.unknown().optional() });

const message = z.looseObject({
  role: z.string().max(50),
  content: z.union([z.string(), z.array(part).max(500), z.null()]).optional(),
});

/**
 * OpenAI's chat-completions request as clients send it (the `openai` SDK, LangChain, Open WebUI,
 * LobeChat). Loose: fields we do not use (`tools`, `user`, `top_p`, `seed`, vendor
 * extensions) are accepted and ignored; `n` must be 1. `response_format` `json_object` is honoured, `json_schema` refused (400). `temperature` and `max_tokens` are validated and not
 * applied: answers are deterministic and never cut (a cut answer could lose its citation).
 */
/** Messages one request may carry at most (the latest `maxMessages` of them are read). */
const MAX_MESSAGES = 2_000;

const requestSchema = z.looseObject({
  model: z.string().max(200),
  messages: z.array(message).min(1).max(MAX_MESSAGES),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().nullish() }).nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  max_tokens: z.number().int().min(1).nullish(),
  max_completion_tokens: z.number().int().min(1).nullish(),
  // One answer per request: `n` other than 1 (0, or several choices) would be answered with one choice the client did not ask for.
  n: z.literal(1).nullish(),
  response_format: z.looseObject({ type: z.enum(['text', 'json_object', 'json_schema']) }).nullish(),
});

/** A parsed request: what to answer, and how to send it. */
export interface CompletionRequest {
  stream: boolean;
  /** `response_format: { type: "json_object" }`: the message content is the answer as a JSON object (ANSWER_JSON). */
  json: boolean;
  includeUsage: boolean;
  input: AnswerInput;
  /** The text of the user's messages as sent, for `usage.prompt_tokens`. */
  userTexts: string[];
}

const SPOKEN = new Set(['user', 'assistant']);
/** Roles that carry no turn of the conversation: dropped. A client's system prompt never replaces ours. */
const IGNORED = new Set(['system', 'developer', 'tool', 'function']);

function textOf(content: z.infer<typeof message>['content']): string {
  const raw =
    typeof content === 'string'
      ? content
      : (content ?? [])
          .filter((p) => (p.type === 'text' || p.type === 'input_text') && typeof p.text === 'string')
          .map((p) => p.text as string)
          .join('\n');
  return cleanTyped(raw);
}

/** What each parameter must be, said to the client whose request has it wrong. */
const EXPECTED: Record<string, string> = {
  model: '应为模型名称字符串',
  messages: `应为 1 到 ${MAX_MESSAGES} 条 { role, content } 消息的数组`,
  'messages[]': '应为 { role, content } 消息',
  'messages[].role': '应为 system、developer、user、assistant、tool 或 function',
  'messages[].content': '应为字符串,或 [{ type: "text", text }] 形式的内容数组',
  stream: '应为 true 或 false',
  stream_options: '应为 { include_usage: true|false }',
  temperature: '应为 0 到 2 之间的数',
  max_tokens: '应为正整数',
  max_completion_tokens: '应为正整数',
  n: '只能为 1(每次请求生成一个回答)',
  response_format: '应为 { type: "text" } 或 { type: "json_object" }',
};

function paramOf(path: PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
}

/**
 * Validates a chat-completions request and turns it into the answer input: the last user
 * message is the question, earlier user and assistant turns (the latest `maxMessages`) the
 * history; system, developer and tool messages are dropped. Throws ApiError (400, or 404 for
 * a model we do not serve) with a Chinese message and the offending `param`.
 */
export function parseCompletionRequest(body: unknown, limits: AppConfig['limits']): CompletionRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidRequest('请求体必须是 JSON 对象:{ model, messages }。', null);
  for (const key of ['model', 'messages'] as const) {
    if ((body as Record<string, unknown>)[key] === undefined) throw invalidRequest(`缺少必填参数 ${key}。`, key, 'missing_required_parameter');
  }
  const parsed = requestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const param = paramOf(issue.path) || null;
    // What the parameter must be, by its path without indices (messages[3].content → messages[].content), else by its top level.
    const general = issue.path.map((k, i) => (typeof k === 'number' ? '[]' : i > 0 ? `.${String(k)}` : String(k))).join('');
    const expected = EXPECTED[general] ?? EXPECTED[String(issue.path[0] ?? '')] ?? '需要 { model, messages: [{ role, content }] } 格式的 OpenAI 请求';
    throw invalidRequest(`参数 ${param ?? '请求体'} 不符合要求:${expected}。`, param);
  }
  const req = parsed.data;
  if (req.model !== MODEL_ID) throw modelNotFound(req.model, MODEL_ID);
  // A schema of the client's own cannot be honoured: the answer has one shape (json_object). Said, not ignored.
  if (req.response_format?.type === 'json_schema')
    throw invalidRequest('不支持 response_format 的 json_schema 类型:回答只有一种结构,请改用 { type: "json_object" } 或 { type: "text" }。', 'response_format');

  const turns: ChatTurn[] = [];
  req.messages.forEach((m, i) => {
    if (IGNORED.has(m.role)) return;
    if (!SPOKEN.has(m.role))
      throw invalidRequest(
        `messages[${i}].role 的值 ${m.role.slice(0, 50)} 无效:应为 system、developer、user、assistant、tool 或 function。`,
        `messages[${i}].role`,
      );
    turns.push({ role: m.role as ChatTurn['role'], text: textOf(m.content) });
  });
  const last = turns.at(-1);
  if (last?.role !== 'user') throw invalidRequest('最后一条对话消息必须来自用户(role 为 user)。', 'messages');
  if (last.text === '') throw invalidRequest('问题不能为空,请输入要咨询的内容(只支持文字)。', 'messages');
  if (last.text.length > limits.maxTextChars) throw invalidRequest(`问题过长(上限 ${limits.maxTextChars} 字),请精简后重试。`, 'messages');

  // Front-ends send the whole conversation every time: a long one keeps its latest turns instead of failing.
  const earlier = turns.slice(0, -1).filter((t) => t.text !== '');
  const history = earlier
    .slice(Math.max(0, earlier.length - (limits.maxMessages - 1)))
    .map((t) => ({ role: t.role, text: t.text.slice(0, limits.maxTextChars) }));
  return {
    stream: req.stream === true,
    json: req.response_format?.type === 'json_object',
    includeUsage: req.stream === true && req.stream_options?.include_usage === true,
    input: { question: last.text, history },
    userTexts: turns.filter((t) => t.role === 'user').map((t) => t.text),
  };
}

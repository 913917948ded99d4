/**
 * The request LobeChat (github.com/lobehub/lobe-chat) sends to an OpenAI-compatible provider,
 * rebuilt from its source for the API tests:
 *
 * - packages/model-runtime/src/core/openaiCompatibleFactory/index.ts, `chat()`: the payload is
 *   `{ ...payload, stream: payload.stream ?? true }`, then
 *   `finalPayload = { ...postPayload, messages, user: options?.user,
 *     stream_options: postPayload.stream ? { include_usage: true } : undefined }`, sent with
 *   `client.chat.completions.create(finalPayload, { headers: { Accept: '*\/*' } })`.
 * - packages/model-runtime/src/types/chat.ts, `ChatStreamPayload`: model, messages, temperature,
 *   top_p, frequency_penalty, presence_penalty, max_tokens, stream, plus LobeChat's own fields
 *   (provider, enabledSearch, …) that travel along in `...payload`.
 * - packages/model-runtime/src/core/contextBuilders/openai.ts, `convertOpenAIMessages`: each
 *   message as `{ content, role }`, content a string or content parts (`text`, `image_url`).
 *
 * The agent's system role comes first (LobeChat's default assistant has one); a user message
 * with an attached image is sent as parts.
 */
export function lobeChatBody(question: string) {
  return {
    model: 'faq-assistant',
    provider: 'openai',
    enabledSearch: false,
    frequency_penalty: 0,
    presence_penalty: 0,
    temperature: 1,
    top_p: 1,
    max_tokens: 4096,
    stream: true,
    messages: [
      { role: 'system', content: 'You are a helpful assistant. 请用中文回答。' },
      { role: 'user', content: '你好' },
      { role: 'assistant', content: '你好,有什么可以帮您?' },
      {
        role: 'user',
        content: [
          { type: 'text', text: question },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'auto' } },
        ],
      },
    ],
    user: 'lobe-user-0b1c',
    stream_options: { include_usage: true },
  };
}

/** Headers as the openai SDK inside LobeChat sends them, with LobeChat's `Accept: *\/*`. */
export const LOBECHAT_HEADERS = { accept: '*/*', 'content-type': 'application/json', 'user-agent': 'OpenAI/JS 4.104.0' };

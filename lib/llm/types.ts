import type { ChatTurn } from '../answer/types';
import type { Hit } from '../retrieval/types';

/**
 * The chat model as the answer layer uses it. `createLlmClient(config)` in
 * lib/llm/model.ts builds the real one (ChatOpenAI); tests may pass their own.
 * Every method throws `UpstreamError` on timeout, 429, 5xx, refused connection or a broken stream.
 */
export interface LlmClient {
  /** Model name, shown in the UI's mode badge. */
  readonly model: string;
  /** Rewrites a follow-up ("那退款呢?") into a standalone question using the conversation. */
  condense(question: string, history: ChatTurn[], signal?: AbortSignal): Promise<string>;
  /** Streams the model's raw answer (with `[FAQx.y]` markers) for the question, allowed only the given hits. */
  streamAnswer(question: string, hits: Hit[], history: ChatTurn[], signal?: AbortSignal): AsyncIterable<string>;
}

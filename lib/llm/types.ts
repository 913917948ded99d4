import type { Hit } from '../retrieval/types';

/** One earlier turn of a conversation, as plain text. */
export interface ChatTurn {
  role: 'user' | 'assistant';
  text: string;
}

/** A prompt as built by a versioned, pure prompt builder (lib/llm/prompts.ts). */
export interface BuiltPrompt {
  version: string;
  system: string;
  /** Earlier turns, oldest first, as plain text. */
  history: ChatTurn[];
  user: string;
}

/** How long a model call may take: the caller's abort and one deadline for the whole request. */
export interface CallLimits {
  signal?: AbortSignal;
  /** Epoch milliseconds by which every model call of this request must be done (rewrite, retries, answer). */
  deadline?: number;
}

/**
 * The chat model as the answer layer uses it. `createLlmClient(config)` in
 * lib/llm/model.ts builds the real one (ChatOpenAI); tests may pass their own.
 * Every method throws `UpstreamError` on timeout, 429, 5xx, refused connection or a broken stream.
 */
export interface LlmClient {
  /** Model name, shown in the UI's mode badge. */
  readonly model: string;
  /** The per-request budget in milliseconds (LLM_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /** Rewrites a follow-up ("那退款呢?") into a standalone question using the conversation. */
  condense(question: string, history: ChatTurn[], limits?: CallLimits): Promise<string>;
  /** The model's whole reply to a built prompt (enrichment, judging). */
  generate(prompt: BuiltPrompt, limits?: CallLimits): Promise<string>;
  /** Streams the model's raw answer (with `[FAQx.y]` markers) for the question, allowed only the given hits. */
  streamAnswer(question: string, hits: Hit[], history: ChatTurn[], limits?: CallLimits & { hedge?: boolean }): AsyncIterable<string>;
}

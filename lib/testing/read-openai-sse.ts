/** A chat.completion.chunk as tests read it. */
export interface Chunk {
  id: string;
  object: string;
  model: string;
  choices: { index: number; delta: Record<string, any>; finish_reason: string | null }[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | null;
  error?: { message: string; type: string; code: string | null };
}

/** Test helper: an OpenAI-style SSE body -> its chunks, the concatenated content, the final delta and whether it ended with [DONE]. */
export function parseOpenAISse(raw: string) {
  const lines = raw.split('\n').filter((l) => l.startsWith('data: '));
  const done = lines.at(-1) === 'data: [DONE]';
  const chunks = lines.filter((l) => l !== 'data: [DONE]').map((l) => JSON.parse(l.slice(6)) as Chunk);
  const content = chunks.map((c) => c.choices?.[0]?.delta.content ?? '').join('');
  const final = chunks.find((c) => c.choices?.[0]?.finish_reason === 'stop');
  return { chunks, content, final: final?.choices[0]?.delta, done, usage: chunks.at(-1)?.usage ?? undefined };
}

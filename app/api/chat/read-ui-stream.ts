import type { AnswerNotice, ShownEntry } from '@/lib/answer/types';
import type { FaqDataParts } from './ui-types';

export interface ReadStream {
  chunks: { type: string; [k: string]: unknown }[];
  text: string;
  meta?: FaqDataParts['meta'];
  sources?: FaqDataParts['sources'];
  answer?: FaqDataParts['answer'];
  notices: AnswerNotice[];
  sourceIds: string[];
  /** The cited entries as the chat resolves them: from data-sources, or the final part for any not sent there. */
  cited: ShownEntry[];
}

/** Test helper: reads a UI message stream response (SSE) to the end, as a browser's useChat would. */
export async function readUIStream(response: Response): Promise<ReadStream> {
  const raw = await response.text();
  const chunks = raw
    .split('\n')
    .filter((l) => l.startsWith('data: ') && l !== 'data: [DONE]')
    .map((l) => JSON.parse(l.slice(6)) as { type: string; [k: string]: unknown });
  const dataOf = <K extends keyof FaqDataParts>(name: K) => chunks.find((c) => c.type === `data-${String(name)}`)?.data as FaqDataParts[K] | undefined;
  const sources = dataOf('sources');
  const answer = dataOf('answer');
  const known = [...(sources?.entries ?? []), ...(answer?.cited ?? [])];
  const cited = (answer?.citations ?? []).flatMap((id) => known.find((e) => e.ids.includes(id)) ?? []);
  return {
    chunks,
    text: chunks
      .filter((c) => c.type === 'text-delta')
      .map((c) => c.delta as string)
      .join(''),
    meta: dataOf('meta'),
    sources,
    answer,
    cited,
    notices: chunks.filter((c) => c.type === 'data-notice').map((c) => c.data as AnswerNotice),
    sourceIds: chunks.filter((c) => c.type === 'source-document').map((c) => c.sourceId as string),
  };
}

/** A request body as useChat sends it. */
export function chatBody(...texts: string[]): string {
  return JSON.stringify({
    id: 'chat-test',
    messages: texts.map((text, i) => ({ id: `m${i}`, role: i % 2 === 0 ? 'user' : 'assistant', parts: [{ type: 'text', text }] })),
    trigger: 'submit-message',
  });
}

import { readUIMessageStream, type UIMessageChunk } from 'ai';
import { describe, expect, it, vi } from 'vitest';
import { toCitedEntry } from '@/lib/answer/extractive';
import type { AnswerEvent, AnswerResult } from '@/lib/answer/types';
import type { Entry } from '@/lib/corpus/schema';
import type { Hit, RetrievalResult } from '@/lib/retrieval/types';
import { toFaqUIMessageStream } from './ui-stream';
import type { FaqUIMessage } from './ui-types';

const entry: Entry = {
  id: 'FAQ2.5',
  ids: ['FAQ2.5'],
  category: { id: 'FAQ2', name: '普通POS类' },
  question: 'POS插卡消费正常,但挥卡报03无效商户?\n补充说明',
  solution: '到银联平台手工报备双免白名单。',
  line: 40,
  alternatives: [],
};
const hit: Hit = { id: 'FAQ2.5', entry, rank: 1, score: 0.03, scores: { vector: 0.8, keyword: 1, fused: 0.03 }, coverage: 0.9 };
const retrieval: RetrievalResult = {
  query: '挥卡报03',
  hits: [hit],
  decision: 'answer',
  confidence: 0.9,
  thresholds: { answer: 0.8, hedge: 0.3 },
  answerIds: ['FAQ2.5'],
  suggestionIds: [],
  signals: {},
};
const text = '请到银联平台报备双免白名单 [FAQ2.5]';
const result: AnswerResult = {
  question: '挥卡报03',
  standaloneQuestion: '挥卡报03',
  decision: 'answer',
  mode: 'llm',
  model: 'gpt-test',
  text,
  citations: ['FAQ2.5'],
  removedCitations: [],
  notices: [],
  retrieval,
  cited: [toCitedEntry(entry)],
  suggestions: [],
  timings: { retrievalMs: 1, totalMs: 2 },
};

async function* events(list: AnswerEvent[], failAfter = Infinity): AsyncGenerator<AnswerEvent> {
  for (const [i, ev] of list.entries()) {
    if (i >= failAfter) throw new Error('boom: internal detail');
    yield ev;
  }
}

async function chunksOf(stream: ReadableStream<UIMessageChunk>): Promise<UIMessageChunk[]> {
  const out: UIMessageChunk[] = [];
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) out.push(r.value);
  return out;
}

async function finalMessage(stream: ReadableStream<UIMessageChunk>): Promise<FaqUIMessage> {
  let last: FaqUIMessage | undefined;
  for await (const m of readUIMessageStream<FaqUIMessage>({ stream })) last = m;
  return last!;
}

const happy: AnswerEvent[] = [
  { type: 'retrieval', retrieval, standaloneQuestion: '挥卡报03', mode: 'llm', model: 'gpt-test' },
  { type: 'text-delta', delta: '请到银联平台报备' },
  { type: 'notice', notice: { code: 'invented_replaced', message: '已改用离线答案' } },
  { type: 'text-delta', delta: '双免白名单 [FAQ2.5]' },
  { type: 'done', result, replace: false },
];

describe('toFaqUIMessageStream', () => {
  it('writes sources, meta, streamed text, notices and the final answer', async () => {
    const chunks = await chunksOf(toFaqUIMessageStream(events(happy)));
    const types = chunks.map((c) => c.type);
    expect(types.indexOf('data-meta')).toBeLessThan(types.indexOf('text-start'));
    expect(chunks.find((c) => c.type === 'source-document')).toMatchObject({
      sourceId: 'FAQ2.5',
      mediaType: 'text/plain',
      title: '[FAQ2.5] POS插卡消费正常,但挥卡报03无效商户?',
    });
    expect(types.filter((t) => t === 'text-start')).toHaveLength(1);
    expect(types.filter((t) => t === 'text-end')).toHaveLength(1);
    expect(types.indexOf('text-end')).toBeGreaterThan(types.lastIndexOf('text-delta'));

    const m = await finalMessage(toFaqUIMessageStream(events(happy)));
    expect(
      m.parts
        .filter((p) => p.type === 'text')
        .map((p) => p.text)
        .join(''),
    ).toBe(text);
    const answer = m.parts.find((p) => p.type === 'data-answer');
    expect(answer?.data).toMatchObject({ citations: ['FAQ2.5'], mode: 'llm', model: 'gpt-test', decision: 'answer', replace: false });
    // Each thing goes out once: the streamed text is not repeated, nor the cited entry already in data-sources.
    expect(answer?.data.text).toBeUndefined();
    expect(answer?.data.cited).toEqual([]);
    const sources = m.parts.find((p) => p.type === 'data-sources')?.data.entries ?? [];
    expect(sources.find((e) => e.id === 'FAQ2.5')?.solutionMarkdown).toContain('双免白名单');
    // The chat renders the Markdown: the raw solution is not sent beside it.
    expect(sources.every((e) => !('solution' in e))).toBe(true);
    expect(m.parts.find((p) => p.type === 'data-meta')?.data).toEqual({ mode: 'llm', model: 'gpt-test', decision: 'answer' });
    expect(m.parts.find((p) => p.type === 'data-notice')?.data.message).toBe('已改用离线答案');
  });

  it('still carries the text when nothing was streamed before done', async () => {
    const m = await finalMessage(toFaqUIMessageStream(events([happy[0]!, { type: 'done', result, replace: true }])));
    expect(
      m.parts
        .filter((p) => p.type === 'text')
        .map((p) => p.text)
        .join(''),
    ).toBe(text);
    // A replacing answer carries its text, which the chat shows instead of what was streamed.
    expect(m.parts.find((p) => p.type === 'data-answer')?.data).toMatchObject({ replace: true, text });
  });

  it('ends with a Chinese error text and notice when answering fails midway, never blank', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const failAfter of [0, 2]) {
      const chunks = await chunksOf(toFaqUIMessageStream(events(happy, failAfter)));
      expect(chunks.at(-1)?.type).toBe('finish');
      expect(chunks.filter((c) => c.type === 'text-end')).toHaveLength(1);
      const m = await finalMessage(toFaqUIMessageStream(events(happy, failAfter)));
      const shown = m.parts
        .filter((p) => p.type === 'text')
        .map((p) => p.text)
        .join('');
      expect(shown).toContain('生成答案时出现问题');
      expect(shown).not.toContain('boom');
      expect(m.parts.some((p) => p.type === 'data-notice')).toBe(true);
    }
    vi.restoreAllMocks();
  });
});

describe('the buffered response for complete answers', () => {
  it('carries the same chunks, in the same protocol, as the streamed one, with only the cited entries', async () => {
    const { createUIMessageStreamResponse } = await import('ai');
    const { toFaqUIMessageResponse } = await import('./ui-stream');
    const list: AnswerEvent[] = [
      { type: 'retrieval', retrieval, standaloneQuestion: '挥卡报03', mode: 'offline' },
      { type: 'text-delta', delta: text },
      { type: 'done', result: { ...result, mode: 'offline' }, replace: false },
    ];
    const streamed = await createUIMessageStreamResponse({ stream: toFaqUIMessageStream(events(list)) }).text();
    const buffered = await toFaqUIMessageResponse(events(list));
    expect(buffered.headers.get('content-type')).toBe('text/event-stream');
    expect(buffered.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    // createUIMessageStream adds a generated message id to `start`; useChat makes one when it is absent.
    const parse = (sse: string) =>
      sse
        .split('\n\n')
        .filter(Boolean)
        .map((l): { type: string; data?: { cited?: { id: string }[] } } =>
          l === 'data: [DONE]' ? { type: 'done-marker' } : { ...JSON.parse(l.slice(6)), messageId: undefined },
        );
    const b = parse(await buffered.text());
    const s = parse(streamed);
    // No data-sources (every hit's entry, up front): the final part carries the entry the answer cites instead.
    const rest = (xs: typeof b) => xs.filter((c) => c.type !== 'data-sources' && c.type !== 'data-answer');
    expect(b.some((c) => c.type === 'data-sources')).toBe(false);
    expect(rest(b)).toEqual(rest(s));
    const answerOf = (xs: typeof b) => xs.find((c) => c.type === 'data-answer')?.data;
    expect(answerOf(s)?.cited).toEqual([]);
    expect(answerOf(b)?.cited?.map((e) => e.id)).toEqual(['FAQ2.5']);
    expect({ ...answerOf(b), cited: [] }).toEqual(answerOf(s));
  });
});

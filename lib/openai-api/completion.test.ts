import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerDeps } from '../answer/answer';
import { parseOpenAISse } from '../testing/read-openai-sse';
import { useOfflineKnowledgeBase } from '../testing/temp-kb';
import { HEDGE_INTRO, SUGGESTIONS_HEADING } from '../text/messages';
import { completionResponse } from './completion';
import { MODEL_ID, parseCompletionRequest } from './request';

const kb = useOfflineKnowledgeBase({ beforeAll, afterAll });
const limits = { maxBodyBytes: 65_536, maxMessages: 50, maxTextChars: 2000 };
const ctx = { signal: new AbortController().signal, baseUrl: '', caller: 'test' };

/** The real retrieval, judged a hedge with two other entries offered: the case 「您是不是想问」 is for. */
function hedging(): AnswerDeps {
  return {
    ...kb.deps,
    retrieve: async (q, o) => {
      const r = await kb.kb.retrieve(q, o);
      return { ...r, decision: 'hedge', answerIds: [r.hits[0]!.id], suggestionIds: r.hits.slice(1, 3).map((h) => h.id) };
    },
  };
}

async function ask(deps: AnswerDeps, stream: boolean) {
  const req = parseCompletionRequest({ model: MODEL_ID, stream, messages: [{ role: 'user', content: '挥卡报03无效商户' }] }, limits);
  return completionResponse(req, deps, ctx);
}

describe('a hedged answer', () => {
  it('cites the closest entry and lists the suggestions as plain lines and structured, streamed or not', async () => {
    const message = ((await (await ask(hedging(), false)).json()) as any).choices[0].message;
    expect(message.decision).toBe('hedge');
    expect(message.content.startsWith(HEDGE_INTRO)).toBe(true);
    expect(message.suggestions).toHaveLength(2);
    const tail = message.content.slice(message.content.indexOf(SUGGESTIONS_HEADING));
    expect(tail).toBe(`${SUGGESTIONS_HEADING}\n${message.suggestions.map((s: { question: string }) => `- ${s.question}`).join('\n')}`);
    // Suggestions are not citations: no marker in their lines, not in `citations`.
    expect(tail).not.toMatch(/\[FAQ/);
    const suggested = message.suggestions.map((s: { id: string; url: string }) => {
      expect(s.url).toBe(`/faq/${s.id}`);
      return s.id;
    });
    expect(message.citations.map((c: { id: string }) => c.id).filter((id: string) => suggested.includes(id))).toEqual([]);

    const s = parseOpenAISse(await (await ask(hedging(), true)).text());
    expect(s.content).toBe(message.content);
    expect(s.final).toMatchObject({ decision: 'hedge', suggestions: message.suggestions, citations: message.citations });
  });
});

describe('an answer that fails', () => {
  it('ends the stream with OpenAI’s error event and [DONE], the non-streamed request with the error', async () => {
    const broken: AnswerDeps = {
      ...kb.deps,
      retrieve: async () => {
        throw new Error('disk on fire');
      },
    };
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...a: unknown[]) => void errors.push(a);
    try {
      const s = parseOpenAISse(await (await ask(broken, true)).text());
      expect(s.done).toBe(true);
      expect(s.chunks.at(-1)!.error).toMatchObject({ type: 'server_error', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
      expect(JSON.stringify(s.chunks)).not.toContain('disk on fire');
      expect(String(errors[0])).toContain('[v1] test answering failed');
      await expect(ask(broken, false)).rejects.toThrow('disk on fire');
    } finally {
      console.error = original;
    }
  });
});

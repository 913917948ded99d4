/**
 * A page reloaded while the model writes its answer (LLM mode): the model call stops, and the question is still recorded, with the
 * offline answer and the notice `interrupted`, so the conversation and the miss queue keep it (round 23, a fresh-clone check).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { type MockReply, startMockOpenAI } from '@/lib/testing/openai-mock-server';
import { useStoreRouteRuntime } from '@/lib/testing/route-runtime';
import { chatBody } from './read-ui-stream';
import { POST } from './route';

const next: MockReply = { text: `[FAQ2.5] ${'请联系通联业务同事补注册。'.repeat(40)}`, chunkChars: 2, chunkDelayMs: 50 };
const mock = await startMockOpenAI(() => next);
const state = useStoreRouteRuntime({
  OPENAI_BASE_URL: mock.url,
  OPENAI_API_KEY: 'sk-test-llm-interrupted',
  OPENAI_CHAT_MODEL: 'mock-model',
  LLM_TIMEOUT_MS: '5000',
  LLM_MAX_RETRIES: '0',
  DIRECT_MATCH_THRESHOLD: '1.01',
  RATE_LIMIT_PER_MINUTE: '0',
});
afterAll(() => mock.close());

describe('an answer interrupted by the asker', () => {
  it('is completed offline and recorded, with the notice, when the page goes away mid-answer', async () => {
    const asker = new AbortController();
    const res = await POST(
      new Request('http://localhost/api/chat', {
        method: 'POST',
        body: JSON.stringify({ ...JSON.parse(chatBody('POS插卡正常,挥卡报03无效商户怎么办')), id: 'chat-interrupted' }),
        headers: { 'content-type': 'application/json', cookie: 'faq_cid=interrupted-asker-000000001' },
        signal: asker.signal,
      }),
    );
    const reader = res.body!.getReader();
    await reader.read();
    await new Promise((r) => setTimeout(r, 300));
    asker.abort();
    await reader.cancel().catch(() => undefined);
    const runtime = state.runtime;
    let turns: { answer: string; notices: { code: string }[] }[] | null = null;
    for (let i = 0; i < 50 && !turns?.length; i++) {
      await new Promise((r) => setTimeout(r, 100));
      await runtime.conversationLog!.flush();
      turns = await runtime.store!.conversation('interrupted-asker-000000001', 'chat-interrupted');
    }
    expect(turns).toHaveLength(1);
    expect(turns![0]!.notices.map((n) => n.code)).toEqual(['interrupted']);
    expect(turns![0]!.answer).toContain('[FAQ2.5]');
  });
});

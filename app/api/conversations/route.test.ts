import { describe, expect, it, vi } from 'vitest';
import { setRuntime } from '@/lib/runtime';
import { useStoreRouteRuntime } from '@/lib/testing/route-runtime';
import { tempRuntime } from '@/lib/testing/temp-kb';
import { readUIStream } from '../chat/read-ui-stream';
import { POST as CHAT } from '../chat/route';
import type { FaqUIMessage } from '../chat/ui-types';
import { POST as FEEDBACK } from '../feedback/route';
import { GET as HEALTH } from '../health/route';
import { DELETE as DELETE_ONE, GET as GET_ONE, PATCH as RENAME } from './[id]/route';
import { GET as LIST } from './route';

const state = useStoreRouteRuntime({ ANSWER_MODE: 'offline' });

const cookieOf = (res: Response) => /faq_cid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
const withCookie = (id?: string): Record<string, string> => (id ? { cookie: `faq_cid=${id}` } : {});

async function ask(chatId: string, question: string, cookie?: string, messageId = `m-${question}`) {
  const body = JSON.stringify({ id: chatId, messages: [{ id: messageId, role: 'user', parts: [{ type: 'text', text: question }] }] });
  const res = await CHAT(
    new Request('http://localhost/api/chat', { method: 'POST', body, headers: { 'content-type': 'application/json', ...withCookie(cookie) } }),
  );
  const stream = await readUIStream(res.clone());
  await state.runtime.conversationLog!.flush();
  return { res, stream };
}
const list = async (cookie?: string, query = '') =>
  (await (await LIST(new Request(`http://localhost/api/conversations${query}`, { headers: withCookie(cookie) }))).json()) as {
    conversations: { id: string; title: string }[];
    more: boolean;
  };
const open = (id: string, cookie?: string) =>
  GET_ONE(new Request(`http://localhost/api/conversations/${id}`, { headers: withCookie(cookie) }), { params: Promise.resolve({ id }) });
const vote = (cookie: string | undefined, body: unknown) =>
  FEEDBACK(
    new Request('http://localhost/api/feedback', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...withCookie(cookie) },
    }),
  );

describe('conversations', () => {
  let alice: string;

  it('gives a new browser an httpOnly client id and records its exchange with the final part’s id', async () => {
    const { res, stream } = await ask('chat-a', 'POS插卡正常,挥卡报03无效商户怎么办');
    expect(res.headers.get('set-cookie')).toMatch(/^faq_cid=[\w-]{22,}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    alice = cookieOf(res)!;
    expect(stream.answer?.exchangeId).toMatch(/^[0-9a-f-]{36}$/);
    const again = await ask('chat-a', '那退款多久到账', alice);
    expect(again.res.headers.get('set-cookie')).toBeNull();
    expect((await list(alice)).conversations).toEqual([expect.objectContaining({ id: 'chat-a', title: 'POS插卡正常,挥卡报03无效商户怎么办' })]);
  });

  it('reopens a conversation as the UI messages useChat continues from', async () => {
    const res = await open('chat-a', alice);
    expect(res.status).toBe(200);
    const { messages } = (await res.json()) as { messages: FaqUIMessage[] };
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(messages[0]).toMatchObject({ id: 'm-POS插卡正常,挥卡报03无效商户怎么办', parts: [{ type: 'text', text: 'POS插卡正常,挥卡报03无效商户怎么办' }] });
    const answer = messages[1]!.parts.find((p) => p.type === 'data-answer');
    expect(answer?.type === 'data-answer' && answer.data).toMatchObject({ citations: ['FAQ2.5'], decision: 'answer', feedback: null });
    expect(answer?.type === 'data-answer' && answer.data.cited[0]?.solutionMarkdown).toContain('双免白名单');
    expect(messages[1]!.parts.find((p) => p.type === 'text')).toMatchObject({ text: expect.stringContaining('[FAQ2.5]') });
  });

  it('never shows one browser another’s conversations', async () => {
    const bob = cookieOf((await ask('chat-b', '银行卡退款多久到账')).res)!;
    expect(bob).not.toBe(alice);
    expect((await list(bob)).conversations.map((c) => c.id)).toEqual(['chat-b']);
    expect((await open('chat-a', bob)).status).toBe(404);
    expect((await open('chat-a')).status).toBe(404);
    expect((await list()).conversations).toEqual([]);
    // Same chat id from another browser: a conversation of its own, not an addition to Alice's.
    await ask('chat-a', '好老板忘记密码', bob);
    const alices = (await (await open('chat-a', alice)).json()) as { messages: FaqUIMessage[] };
    expect(alices.messages).toHaveLength(4);
    const del = await DELETE_ONE(new Request('http://localhost/api/conversations/chat-a', { method: 'DELETE', headers: withCookie(bob) }), {
      params: Promise.resolve({ id: 'chat-a' }),
    });
    expect(del.status).toBe(204);
    expect((await open('chat-a', alice)).status).toBe(200);
    // Another site cannot make Alice's browser delete her conversation or vote (its cookie would go along), as it cannot post a question.
    const evil = { origin: 'https://evil.example', ...withCookie(alice) };
    const foreign = await DELETE_ONE(new Request('http://localhost/api/conversations/chat-a', { method: 'DELETE', headers: evil }), {
      params: Promise.resolve({ id: 'chat-a' }),
    });
    expect(foreign.status).toBe(403);
    const foreignVote = await FEEDBACK(
      new Request('http://localhost/api/feedback', {
        method: 'POST',
        body: JSON.stringify({ exchangeId: 'x', vote: -1 }),
        headers: { 'content-type': 'application/json', ...evil },
      }),
    );
    expect(foreignVote.status).toBe(403);
    expect((await open('chat-a', alice)).status).toBe(200);
  });

  it('lists fifty conversations at a time, and says when there are older ones', async () => {
    const { res } = await ask('chat-p0', '退款多久到账');
    const frank = cookieOf(res)!;
    for (let i = 1; i <= 51; i++) await ask(`chat-p${i}`, `第${i}个问题:退款多久到账`, frank, `m-p${i}`);
    const first = await list(frank);
    expect(first.conversations).toHaveLength(50);
    expect(first.more).toBe(true);
    expect(first.conversations[0]!.id).toBe('chat-p51');
    const second = await list(frank, '?offset=50');
    expect(second).toMatchObject({ more: false });
    expect(second.conversations.map((c) => c.id)).toEqual(['chat-p1', 'chat-p0']);
    const bad = await LIST(new Request('http://localhost/api/conversations?offset=-1', { headers: withCookie(frank) }));
    expect(bad.status).toBe(400);
  }, 60_000);

  it('keeps only the latest answer when a question is answered again', async () => {
    const { res } = await ask('chat-r', '退款多久到账', undefined, 'q1');
    const carol = cookieOf(res)!;
    await ask('chat-r', '退款多久到账', carol, 'q1');
    const { messages } = (await (await open('chat-r', carol)).json()) as { messages: FaqUIMessage[] };
    expect(messages).toHaveLength(2);
  });
});

describe('renaming', () => {
  const rename = (id: string, cookie: string | undefined, body: unknown, headers: Record<string, string> = {}) =>
    RENAME(
      new Request(`http://localhost/api/conversations/${id}`, {
        method: 'PATCH',
        body: typeof body === 'string' ? body : JSON.stringify(body),
        headers: { 'content-type': 'application/json', ...withCookie(cookie), ...headers },
      }),
      { params: Promise.resolve({ id }) },
    );
  const messageOf = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message;

  it('renames one’s own conversation, keeps the name through later questions, and refuses anyone else or a bad name', async () => {
    const erin = cookieOf((await ask('chat-n', '好老板忘记密码')).res)!;
    const res = await rename('chat-n', erin, { title: '  王姐 的\n密码  13812345678 ' });
    expect(res.status).toBe(200);
    // One line, and identifying numbers redacted like the questions (LOG_REDACT is on by default).
    expect(await res.json()).toEqual({ id: 'chat-n', title: '王姐 的 密码 [手机号]' });
    await ask('chat-n', '那怎么改绑手机号', erin);
    expect((await list(erin)).conversations).toEqual([expect.objectContaining({ id: 'chat-n', title: '王姐 的 密码 [手机号]' })]);

    const stranger = cookieOf((await ask('chat-o', '挥卡报03')).res)!;
    expect((await rename('chat-n', stranger, { title: '我的' })).status).toBe(404);
    expect((await rename('chat-n', undefined, { title: '我的' })).status).toBe(404);
    expect((await rename('chat-n', erin, { title: '改名' }, { origin: 'https://evil.example' })).status).toBe(403);
    for (const bad of [{ title: '   ' }, { title: '长'.repeat(41) }, { title: '\u200B' }, { name: 'x' }, '{"title":']) {
      const r = await rename('chat-n', erin, bad);
      expect(r.status).toBe(400);
      expect(await messageOf(r)).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await list(erin)).conversations[0]?.title).toBe('王姐 的 密码 [手机号]');
    // A NUL or a lone surrogate is cleaned, not a database error (round 23's review).
    expect(await (await rename('chat-n', erin, { title: '密码\u0000问题\ud800' })).json()).toEqual({ id: 'chat-n', title: '密码 问题\ufffd' });
  });
});

describe('feedback', () => {
  it('records 👎 with a reason on one’s own answer, changeable, and refuses anyone else', async () => {
    const { res, stream } = await ask('chat-f', '挥卡报03');
    const dave = cookieOf(res)!;
    const exchangeId = stream.answer!.exchangeId!;
    expect((await vote(dave, { exchangeId, vote: -1, reason: 'wrong_citation', comment: '引用不对,我电话13812345678' })).status).toBe(200);
    const reopened = async () => {
      const { messages } = (await (await open('chat-f', dave)).json()) as { messages: FaqUIMessage[] };
      const p = messages[1]!.parts.find((x) => x.type === 'data-answer');
      return p?.type === 'data-answer' ? p.data.feedback : undefined;
    };
    expect(await reopened()).toEqual({ vote: -1, reason: 'wrong_citation', comment: '引用不对,我电话[手机号]' });
    expect((await vote(dave, { exchangeId, vote: 1 })).status).toBe(200);
    expect(await reopened()).toEqual({ vote: 1, reason: null, comment: null });
    const stranger = await vote('x'.repeat(24), { exchangeId, vote: -1 });
    expect(stranger.status).toBe(404);
    expect(((await stranger.json()) as { error: { message: string } }).error.message).toMatch(/[\u4e00-\u9fff]/);
    expect((await vote(undefined, { exchangeId, vote: -1 })).status).toBe(404);
    const bad = await vote(dave, { exchangeId, vote: 0, reason: 'because' });
    expect(bad.status).toBe(400);
    const message = ((await bad.json()) as { error: { message: string } }).error.message;
    expect(message).toContain('反馈格式错误');
    // The accepted reasons are named (round 24's fresh-clone check sent 「没回答我的问题」, the label, not its code).
    expect(message).toContain('wrong_citation、incomplete、off_topic、other');
  });
});

describe('with the database down', () => {
  it('still answers at once, keeps the write for another try and says degraded in /api/health', async () => {
    const { createStore } = await import('@/lib/store/store');
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const down = await tempRuntime({ ANSWER_MODE: 'offline' }, { store: createStore({ kind: 'postgres', url: 'postgres://x:y@127.0.0.1:1/none' }) });
    setRuntime(down.runtime);
    try {
      const started = performance.now();
      const { res, stream } = await ask('chat-down', 'POS插卡正常,挥卡报03无效商户怎么办').catch(() => ({ res: null, stream: null }));
      expect(res?.status).toBe(200);
      expect(stream?.answer?.citations).toEqual(['FAQ2.5']);
      expect(performance.now() - started).toBeLessThan(5_000);
      await down.runtime.conversationLog!.flush();
      const body = await (await HEALTH()).text();
      const health = JSON.parse(body) as { status: string; store: { state: string; errorSince: string; log: { failed: number; queued: number } } };
      expect(health.status).toBe('degraded');
      expect(health.store).toMatchObject({ state: 'error', errorSince: expect.any(String) });
      // Waiting for its next try, not lost.
      expect(health.store.log).toMatchObject({ failed: 0, queued: 1 });
      // Database errors name hosts and users: the public health check says only that there is one.
      expect(body).not.toContain('127.0.0.1');
      expect(body).not.toContain('ECONNREFUSED');
    } finally {
      setRuntime(state.runtime);
      spy.mockRestore();
      await down.cleanup();
    }
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { missQueue } from '@/lib/admin/misses';
import { useStoreRouteRuntime } from '@/lib/testing/route-runtime';
import { POST } from './route';

const KEY = 'sk-faq-log-test-0123456789abc';
const state = useStoreRouteRuntime({ ANSWER_MODE: 'offline', API_KEYS: KEY, API_RATE_LIMIT_PER_MINUTE: '0' });

const ask = (messages: { role: string; content: string }[], stream = false) =>
  POST(
    new Request('http://localhost/v1/chat/completions', {
      method: 'POST',
      body: JSON.stringify({ model: 'faq-assistant', messages, stream }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    }),
  );

describe('answers given through the API', () => {
  it('are logged like the chat’s, redacted, so the miss queue sees what API users could not get', async () => {
    await (await ask([{ role: 'user', content: '绿色乌龟游不动了,电话13812345678' }])).text();
    await (await ask([{ role: 'user', content: '紫色河马跑不动了' }], true)).text();
    await state.runtime.conversationLog!.flush();
    const texts = (await missQueue(state.runtime.store!, await state.runtime.knowledge.get())).clusters.flatMap((c) => c.wordings.map((w) => w.text));
    expect(texts).toContain('绿色乌龟游不动了,电话[手机号]');
    expect(texts).toContain('紫色河马跑不动了');
    // Under the caller, never a browser's id: no chat user lists them.
    const caller = `key:${createHash('sha256').update(KEY).digest('hex').slice(0, 8)}`;
    expect(await state.runtime.store!.listConversations(`v1:${caller}`)).toHaveLength(2);
  });

  it('keep a conversation the client sends again, with its next question, as one', async () => {
    const first = { role: 'user', content: '橙色狐狸跳不动了' };
    await (await ask([first])).text();
    await (await ask([first, { role: 'assistant', content: 'FAQ 中没有找到相关内容。' }, { role: 'user', content: '那黄色的呢' }])).text();
    await state.runtime.conversationLog!.flush();
    const caller = `key:${createHash('sha256').update(KEY).digest('hex').slice(0, 8)}`;
    const conversations = await state.runtime.store!.listConversations(`v1:${caller}`);
    const fox = conversations.filter((c) => c.title.includes('橙色狐狸'));
    expect(fox).toHaveLength(1);
    expect(fox[0]!.exchanges).toBe(2);
  });

  it('leave out a front-end’s housekeeping prompts (Open WebUI’s title and tags), answered with the JSON it expects', async () => {
    const history = '<chat_history>\nUSER: 蓝色大象走不动了怎么办\nASSISTANT: FAQ 中没有找到相关内容。\n</chat_history>';
    const title = `### Task:\nGenerate a concise, 3-5 word title summarizing the chat history.\n### Output:\nJSON format: { "title": "your concise title here" }\n### Chat History:\n${history}`;
    const tags = `### Task:\nGenerate 1-3 broad tags categorizing the main themes of the chat history.\n### Output:\nJSON format: { "tags": ["tag1", "tag2", "tag3"] }\n### Chat History:\n${history}`;
    const res = (await (await ask([{ role: 'user', content: title }])).json()) as { choices: { message: { content: string } }[] };
    expect(JSON.parse(res.choices[0]!.message.content)).toEqual({ title: '蓝色大象走不动了怎么办' });
    const streamed = await (await ask([{ role: 'user', content: tags }], true)).text();
    expect(streamed).toContain('\\"tags\\"');
    expect(streamed.trimEnd().endsWith('data: [DONE]')).toBe(true);
    await state.runtime.conversationLog!.flush();
    const texts = (await missQueue(state.runtime.store!, await state.runtime.knowledge.get())).clusters.flatMap((c) => c.wordings.map((w) => w.text));
    expect(texts.some((t) => t.includes('### Task'))).toBe(false);
  });
});

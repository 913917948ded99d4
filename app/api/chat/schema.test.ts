import { describe, expect, it } from 'vitest';
import { BadRequestError } from '@/lib/errors';
import { parseChatRequest } from './schema';

const limits = { maxBodyBytes: 65_536, maxMessages: 5, maxTextChars: 50 };
const msg = (role: string, text: string, extra: object[] = []) => ({ id: Math.random().toString(36), role, parts: [...extra, { type: 'text', text }] });

function rejects(body: unknown): string {
  try {
    parseChatRequest(body, limits);
  } catch (e) {
    expect(e).toBeInstanceOf(BadRequestError);
    expect((e as BadRequestError).status).toBe(400);
    expect((e as Error).message).toMatch(/[\u4e00-\u9fff]/);
    return (e as Error).message;
  }
  throw new Error('expected a BadRequestError');
}

describe('parseChatRequest', () => {
  it('takes the last user text as the question and earlier turns as history', () => {
    const body = {
      id: 'c1',
      trigger: 'submit-message',
      messages: [
        msg('system', '忽略'),
        msg('user', '扫码撤销多久到账'),
        msg('assistant', '1-2 分钟 [FAQ2.6]', [
          { type: 'source-document', sourceId: 'FAQ2.6' },
          { type: 'data-answer', data: {} },
        ]),
        msg('user', '  那退款呢?\u0000 '),
      ],
    };
    expect(parseChatRequest(body, limits)).toEqual({
      question: '那退款呢?',
      history: [
        { role: 'user', text: '扫码撤销多久到账' },
        { role: 'assistant', text: '1-2 分钟 [FAQ2.6]' },
      ],
      // Where the exchange is recorded: useChat's chat id and the question's message id.
      conversationId: 'c1',
      userMessageId: body.messages[3]!.id,
    });
  });

  it('joins several text parts and ignores other part types', () => {
    const body = {
      messages: [
        {
          id: 'a',
          role: 'user',
          parts: [
            { type: 'text', text: '挥卡' },
            { type: 'file', url: 'x' },
            { type: 'text', text: '报03' },
          ],
        },
      ],
    };
    expect(parseChatRequest(body, limits).question).toBe('挥卡\n报03');
  });

  it('says what is wrong in Chinese', () => {
    expect(rejects({ messages: 'hi' })).toContain('请求格式错误');
    expect(rejects(null)).toContain('请求格式错误');
    expect(rejects([])).toContain('请求格式错误');
    expect(rejects({ messages: [] })).toContain('请求格式错误');
    expect(rejects({ messages: [{ role: 'robot', parts: [] }] })).toContain('messages.0.role');
    expect(rejects({ messages: [{ role: 'user', parts: [{ type: 'text', text: 5 }] }] })).toContain('请求格式错误');
    expect(rejects({ messages: [msg('user', ' \n ')] })).toContain('问题不能为空');
    expect(rejects({ messages: [msg('user', '你好'), msg('assistant', '答案')] })).toContain('最后一条消息必须来自用户');
    expect(rejects({ messages: [msg('user', '挥'.repeat(51))] })).toContain('问题过长');
    expect(rejects({ messages: Array.from({ length: 6 }, () => msg('user', 'a')) })).toContain('对话消息过多');
    // A control character in an id (a NUL cannot be stored, and once held back everyone's log) names nothing the app made.
    expect(rejects({ id: 'evil\u0000id', messages: [msg('user', '挥卡报03')] })).toContain('请求格式错误:id');
    expect(rejects({ messages: [{ ...msg('user', '挥卡报03'), id: 'm\u0000x' }] })).toContain('messages.0.id');
  });

  it('keeps long history turns within the text limit', () => {
    const input = parseChatRequest({ messages: [msg('user', 'q'), msg('assistant', '答'.repeat(500)), msg('user', '那退款呢')] }, limits);
    expect(input.history![1]!.text).toHaveLength(50);
  });
});

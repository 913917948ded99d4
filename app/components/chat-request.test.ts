import { describe, expect, it } from 'vitest';
import { parseChatRequest } from '../api/chat/schema';
import type { FaqUIMessage } from '../api/chat/ui-types';
import { chatRequestBody, SENT_MESSAGES } from './chat-request';

const LIMITS = { maxBodyBytes: 65_536, maxMessages: 50, maxTextChars: 2_000 };

/** A conversation of `n` exchanges as useChat holds it: each answer with its data parts, then the new question. */
function conversation(n: number): FaqUIMessage[] {
  const answer = (i: number): FaqUIMessage =>
    ({
      id: `a${i}`,
      role: 'assistant',
      parts: [
        { type: 'text', text: `${'实名认证需要营业执照、法人身份证等材料。'.repeat(30)} [FAQ4.1]` },
        { type: 'data-answer', data: { citations: ['FAQ4.1'], cited: [{ id: 'FAQ4.1', solution: '材料说明'.repeat(300) }] } },
      ],
    }) as unknown as FaqUIMessage;
  const turns = Array.from({ length: n }, (_, i) => [
    { id: `q${i}`, role: 'user', parts: [{ type: 'text', text: `第 ${i} 个问题` }] } as FaqUIMessage,
    answer(i),
  ]);
  return [...turns.flat(), { id: 'last', role: 'user', parts: [{ type: 'text', text: '挥卡报03怎么办' }] } as FaqUIMessage];
}

describe('chatRequestBody', () => {
  it('sends a 40-exchange conversation as its latest turns, in text, under the body and message caps', () => {
    const body = chatRequestBody({ id: 'c1', messages: conversation(40), trigger: 'submit-message', messageId: undefined });
    expect(JSON.stringify(conversation(40)).length).toBeGreaterThan(LIMITS.maxBodyBytes);
    expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThan(LIMITS.maxBodyBytes);
    const messages = body.messages as FaqUIMessage[];
    expect(messages).toHaveLength(SENT_MESSAGES);
    expect(messages.flatMap((m) => m.parts).every((p) => p.type === 'text')).toBe(true);
    // The server reads it as the question with its latest turns.
    const parsed = parseChatRequest(body, LIMITS);
    expect(parsed).toMatchObject({ question: '挥卡报03怎么办', conversationId: 'c1', userMessageId: 'last' });
    expect(parsed.history!.at(-1)!.text).toContain('[FAQ4.1]');
  });
});

import type { ConversationTurn } from '@/lib/conversations/service';
import type { FaqUIMessage } from '../../chat/ui-types';

/** A stored conversation as the chat's UI messages, so useChat continues it as if it had streamed them. */
export function toUIMessages(turns: ConversationTurn[]): FaqUIMessage[] {
  return turns.flatMap((t): FaqUIMessage[] => [
    { id: t.userMessageId ?? `u-${t.exchangeId}`, role: 'user', parts: [{ type: 'text', text: t.question }] },
    {
      id: `a-${t.exchangeId}`,
      role: 'assistant',
      parts: [
        { type: 'data-meta', data: { mode: t.answer.mode, model: t.answer.model, decision: t.answer.decision } },
        { type: 'data-sources', data: { entries: t.sources } },
        { type: 'text', text: t.answer.text, state: 'done' },
        { type: 'data-answer', data: { ...t.answer, replace: false, exchangeId: t.exchangeId, feedback: t.feedback } },
      ],
    },
  ]);
}

import type { FaqUIMessage } from '../api/chat/ui-types';

/**
 * The turns a question is sent with: the latest ones, as text. The server reads only the text of a few earlier turns (the
 * conversation's topic, the entries cited), and the whole conversation with its data parts (citations, entries, suggestions)
 * outgrew the 64 KB body cap after about 15 exchanges, or the 50-message cap at the 26th question: every further question
 * failed (round 21's fresh-clone check).
 */
export const SENT_MESSAGES = 12;

/** The body of a chat request, as useChat's default transport writes it, with the messages trimmed. Pure. */
export function chatRequestBody(o: {
  id: string;
  messages: FaqUIMessage[];
  trigger: string;
  messageId: string | undefined;
  body?: Record<string, unknown>;
}): Record<string, unknown> {
  const messages = o.messages.slice(-SENT_MESSAGES).map((m) => ({ id: m.id, role: m.role, parts: m.parts.filter((p) => p.type === 'text') }));
  return { ...o.body, id: o.id, messages, trigger: o.trigger, messageId: o.messageId };
}

'use client';

import { useChat } from '@ai-sdk/react';
import { DefaultChatTransport } from 'ai';
import { useEffect, useRef, useState } from 'react';
import type { ShownEntry } from '@/lib/answer/types';
import type { FaqUIMessage } from '../api/chat/ui-types';
import { AssistantMessage } from './assistant-message';
import { chatRequestBody } from './chat-request';
import { Composer } from './composer';
import { EntryPanel } from './entry-panel';
import { ModeBadge } from './mode-badge';
import { errorMessageOf } from './send-json';

const transport = new DefaultChatTransport<FaqUIMessage>({
  api: '/api/chat',
  prepareSendMessagesRequest: ({ id, messages, trigger, messageId, body }) => ({ body: chatRequestBody({ id, messages, trigger, messageId, body }) }),
});

/** The server answers errors as JSON { error: { message } }; show that message, in Chinese. */
function errorText(error: Error): string {
  try {
    const message = errorMessageOf(JSON.parse(error.message));
    if (message) return message;
  } catch {
    /* not JSON: a network failure */
  }
  return '网络异常或服务暂时不可用,请稍后重试。';
}

/**
 * The chat. `maxTextChars` is the server's question length limit (config.limits.maxTextChars); `id` and
 * `initialMessages` continue a stored conversation; `onAnswered` runs after each complete answer.
 */
export function Chat(props: { maxTextChars: number; starters?: string[]; id?: string; initialMessages?: FaqUIMessage[]; onAnswered?: () => void }) {
  const { maxTextChars, starters = [] } = props;
  const { messages, sendMessage, status, stop, regenerate, error, clearError } = useChat<FaqUIMessage>({
    transport,
    id: props.id,
    messages: props.initialMessages,
    onFinish: () => props.onAnswered?.(),
  });
  const [open, setOpen] = useState<{ entry: ShownEntry; from: HTMLElement } | null>(null);
  const bottom = useRef<HTMLDivElement>(null);
  const busy = status === 'submitted' || status === 'streaming';

  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll again whenever a message arrives or grows.
  useEffect(() => {
    bottom.current?.scrollIntoView({ block: 'end' });
  }, [messages]);

  const ask = (text: string) => {
    if (busy) return;
    if (error) clearError();
    void sendMessage({ text });
  };

  return (
    <div className="chat">
      <div className="chat-head">
        <span className="hint">答案仅来自 FAQ,每条结论标注来源编号,点击编号可查看原文。</span>
        <ModeBadge />
      </div>
      {messages.length === 0 && starters.length > 0 && (
        <div>
          <p className="hint">试试这些问题:</p>
          <div className="starters">
            {starters.map((q) => (
              <button key={q} type="button" onClick={() => ask(q)}>
                {q}
              </button>
            ))}
          </div>
        </div>
      )}
      <div className="messages" role="log" aria-live="polite" aria-label="对话">
        {messages.map((m, i) =>
          m.role === 'user' ? (
            <div key={m.id} className="msg user" data-testid="user-message">
              {m.parts.map((p) => (p.type === 'text' ? p.text : '')).join('')}
            </div>
          ) : (
            <AssistantMessage
              key={m.id}
              message={m}
              streaming={busy && i === messages.length - 1}
              isLast={i === messages.length - 1}
              onCite={(entry, from) => setOpen({ entry, from })}
              onRetry={() => void regenerate({ messageId: m.id })}
              onAsk={ask}
            />
          ),
        )}
        {status === 'submitted' && <p className="hint">正在检索 FAQ…</p>}
        {error && (
          <p className="error" role="alert">
            {errorText(error)}{' '}
            <button type="button" onClick={() => void regenerate()}>
              重试
            </button>
          </p>
        )}
        <div ref={bottom} className="scroll-anchor" />
      </div>
      <Composer busy={busy} maxTextChars={maxTextChars} example={starters[0]} onSend={ask} onStop={() => void stop()} />
      {open && <EntryPanel entry={open.entry} returnFocus={open.from} onClose={() => setOpen(null)} />}
    </div>
  );
}

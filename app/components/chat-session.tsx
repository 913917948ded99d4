'use client';

import { generateId } from 'ai';
import { useCallback, useEffect, useState } from 'react';
import type { FaqUIMessage } from '../api/chat/ui-types';
import { Chat } from './chat';
import { ConversationList } from './conversation-list';
import './conversations.css';

interface Session {
  id: string;
  messages: FaqUIMessage[];
}

/** The open conversation lives in the URL (`/?c=…`), so a reload reopens it. */
function showInUrl(id: string | null) {
  window.history.replaceState(null, '', id ? `/?c=${encodeURIComponent(id)}` : '/');
}

/**
 * The chat with its history: starts a new conversation or reopens a stored one (its messages
 * are fetched and handed to useChat as the initial messages), and keeps the list up to date.
 */
export function ChatSession({ maxTextChars, starters }: { maxTextChars: number; starters: string[] }) {
  const [session, setSession] = useState<Session | null>(null);
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);

  const start = useCallback(() => {
    setNotice(null);
    setSession({ id: generateId(), messages: [] });
    showInUrl(null);
  }, []);

  const reopen = useCallback(
    async (id: string) => {
      const res = await fetch(`/api/conversations/${encodeURIComponent(id)}`, { cache: 'no-store' }).catch(() => null);
      if (!res?.ok) {
        start();
        setNotice(res?.status === 404 ? '找不到该对话,已开始新对话。' : '暂时无法打开历史对话,已开始新对话。');
        return;
      }
      const { messages } = (await res.json()) as { messages: FaqUIMessage[] };
      setNotice(null);
      setSession({ id, messages });
      showInUrl(id);
    },
    [start],
  );

  useEffect(() => {
    const id = new URLSearchParams(window.location.search).get('c');
    if (id) void reopen(id);
    else start();
  }, [reopen, start]);

  const answered = useCallback(() => {
    if (session) showInUrl(session.id);
    setVersion((v) => v + 1);
  }, [session]);

  return (
    <>
      <ConversationList currentId={session?.id} version={version} onOpen={(id) => void reopen(id)} onNew={start} />
      {notice && (
        <p className="hint" role="status">
          {notice}
        </p>
      )}
      {session && (
        <Chat key={session.id} maxTextChars={maxTextChars} starters={starters} id={session.id} initialMessages={session.messages} onAnswered={answered} />
      )}
    </>
  );
}

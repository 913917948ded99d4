'use client';

import { useEffect, useState } from 'react';
import type { ConversationSummary } from '@/lib/store/types';

function when(iso: string): string {
  const d = new Date(iso);
  const today = new Date().toDateString() === d.toDateString();
  return today ? d.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' }) : d.toLocaleDateString('zh-CN', { month: 'numeric', day: 'numeric' });
}

/**
 * 「新对话」 and this browser's past conversations (the server knows the browser by an
 * httpOnly cookie). Reloads when `version` changes, and once more shortly after, since an
 * answer is written to the log just after it is sent.
 */
export function ConversationList(props: { currentId?: string; version: number; onOpen: (id: string) => void; onNew: () => void }) {
  const { currentId, version, onOpen, onNew } = props;
  const [items, setItems] = useState<ConversationSummary[]>([]);
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);

  /** Deletes a conversation of this browser (after asking); the open one gives way to a new conversation. */
  const remove = async (c: ConversationSummary) => {
    if (!window.confirm(`删除对话「${c.title}」?删除后无法恢复。`)) return;
    const res = await fetch(`/api/conversations/${encodeURIComponent(c.id)}`, { method: 'DELETE' }).catch(() => null);
    setFailed(!res?.ok && res?.status !== 404);
    if (!res?.ok && res?.status !== 404) return;
    setItems((list) => list.filter((x) => x.id !== c.id));
    if (c.id === currentId) onNew();
  };

  useEffect(() => {
    let live = true;
    const load = () =>
      fetch('/api/conversations', { cache: 'no-store' })
        .then((r) => (r.ok ? (r.json() as Promise<{ conversations: ConversationSummary[] }>) : { conversations: [] }))
        .then((j) => live && setItems(j.conversations))
        .catch(() => undefined);
    void load();
    const again = version > 0 ? setTimeout(load, 600) : undefined;
    return () => {
      live = false;
      clearTimeout(again);
    };
  }, [version]);

  return (
    <div className="conv-bar">
      <button type="button" onClick={onNew} data-testid="new-conversation">
        新对话
      </button>
      <details className="conv-history" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary data-testid="history-toggle">历史对话{items.length > 0 ? `(${items.length})` : ''}</summary>
        {items.length === 0 ? (
          <p className="hint">还没有历史对话。</p>
        ) : (
          <ul data-testid="conversation-list">
            {items.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  className={c.id === currentId ? 'current' : undefined}
                  aria-current={c.id === currentId ? 'true' : undefined}
                  onClick={() => {
                    setOpen(false);
                    onOpen(c.id);
                  }}
                >
                  <span className="conv-title">{c.title}</span>
                  <span className="conv-when">{when(c.updatedAt)}</span>
                </button>
                <button type="button" className="conv-delete" aria-label={`删除对话:${c.title}`} title="删除对话" onClick={() => void remove(c)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        {failed && (
          <p className="error" role="alert">
            删除失败,请稍后重试。
          </p>
        )}
      </details>
    </div>
  );
}

'use client';

import { useEffect, useState } from 'react';
import type { ConversationSummary } from '@/lib/store/types';
import { cleanTitle, TITLE_CHARS } from '@/lib/text/conversation-title';
import { sendJson } from './send-json';

type ConversationPage = { conversations: ConversationSummary[]; more: boolean };

/** A page of this browser's conversations, most recent first, from `offset`. */
async function page(offset: number): Promise<ConversationPage> {
  const r = await fetch(`/api/conversations${offset ? `?offset=${offset}` : ''}`, { cache: 'no-store' });
  if (!r.ok) throw new Error(`conversations: ${r.status}`);
  return (await r.json()) as ConversationPage;
}

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
  const [more, setMore] = useState(false);
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string; draft: string } | null>(null);

  /** Deletes a conversation of this browser (after asking); the open one gives way to a new conversation. */
  const remove = async (c: ConversationSummary) => {
    if (!window.confirm(`删除对话「${c.title}」?删除后无法恢复。`)) return;
    const sent = await sendJson(`/api/conversations/${encodeURIComponent(c.id)}`, 'DELETE', undefined, '删除失败,请稍后重试。');
    // Gone already (another tab deleted it): it leaves the list all the same.
    const gone = sent.ok || sent.status === 404;
    setFailed(gone ? null : sent.message);
    if (!gone) return;
    setItems((list) => list.filter((x) => x.id !== c.id));
    if (c.id === currentId) onNew();
  };

  /** The older conversations after those shown, appended (a conversation moved up meanwhile is not listed twice). */
  const loadMore = async () => {
    const next = await page(items.length).catch(() => null);
    if (!next) return setFailed('加载失败,请稍后重试。');
    setItems((list) => [...list, ...next.conversations.filter((c) => !list.some((x) => x.id === c.id))]);
    setMore(next.more);
  };

  /** Saves the name typed for a conversation; an empty or unchanged name changes nothing. */
  const rename = async (c: ConversationSummary, draft: string) => {
    setEditing(null);
    const title = cleanTitle(draft);
    if (!title || title === c.title) return;
    const sent = await sendJson<{ title: string }>(`/api/conversations/${encodeURIComponent(c.id)}`, 'PATCH', { title }, '重命名失败,请稍后重试。');
    if (!sent.ok) return setFailed(sent.message);
    setFailed(null);
    const kept = sent.json?.title ?? title;
    setItems((list) => list.map((x) => (x.id === c.id ? { ...x, title: kept } : x)));
  };

  useEffect(() => {
    let live = true;
    const load = () =>
      page(0)
        .then((j) => {
          if (!live) return;
          setItems(j.conversations);
          setMore(j.more);
        })
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
        {/* One panel over the page holds the list, 加载更早的对话 and any error: beside the list they were drawn under it. */}
        <div className="conv-panel">
          {items.length === 0 ? (
            <p className="hint">还没有历史对话。</p>
          ) : (
            <ul data-testid="conversation-list">
              {items.map((c) => (
                <li key={c.id}>
                  {editing?.id === c.id ? (
                    <input
                      className="conv-rename"
                      aria-label="对话名称"
                      maxLength={TITLE_CHARS}
                      value={editing.draft}
                      // biome-ignore lint/a11y/noAutofocus: the field appears because its button was just pressed
                      autoFocus
                      onChange={(e) => setEditing({ id: c.id, draft: e.target.value })}
                      onKeyDown={(e) => {
                        // Enter that ends an input method's composition (typing 「POS」 in pinyin) is not the name typed.
                        if (e.key === 'Enter' && !e.nativeEvent.isComposing) void rename(c, editing.draft);
                        if (e.key === 'Escape') setEditing(null);
                      }}
                      onBlur={() => void rename(c, editing.draft)}
                    />
                  ) : (
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
                  )}
                  <button
                    type="button"
                    className="conv-edit"
                    aria-label={`重命名对话:${c.title}`}
                    title="重命名"
                    onClick={() => setEditing({ id: c.id, draft: c.title })}
                  >
                    ✎
                  </button>
                  <button type="button" className="conv-delete" aria-label={`删除对话:${c.title}`} title="删除对话" onClick={() => void remove(c)}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          {more && (
            <button type="button" className="conv-more" data-testid="conversations-more" onClick={() => void loadMore()}>
              加载更早的对话
            </button>
          )}
          {failed && (
            <p className="error" role="alert">
              {failed}
            </p>
          )}
        </div>
      </details>
    </div>
  );
}

'use client';

import { type KeyboardEvent, useState } from 'react';

/** The input box: Enter sends, Shift+Enter adds a line, nothing is sent while an IME is composing. */
export function Composer({ busy, onSend, onStop }: { busy: boolean; onSend: (text: string) => void; onStop: () => void }) {
  const [text, setText] = useState('');
  const send = () => {
    const q = text.trim();
    if (!q || busy) return;
    onSend(q);
    setText('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      send();
    }
  };
  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <textarea
        aria-label="输入问题"
        // biome-ignore lint/a11y/noAutofocus: the chat's only job is this box; staff start typing at once.
        autoFocus
        placeholder="输入问题,例如:挥卡报03无效商户怎么办(Enter 发送,Shift+Enter 换行)"
        value={text}
        maxLength={2000}
        rows={2}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {busy ? (
        <button type="button" onClick={onStop}>
          停止
        </button>
      ) : (
        <button type="submit" className="primary" disabled={!text.trim()}>
          发送
        </button>
      )}
    </form>
  );
}

'use client';

import { type KeyboardEvent, useState } from 'react';
import { questionOverLimitText } from '@/lib/text/messages';
import { textLimitState } from './text-limit';

/**
 * The input box: Enter sends, Shift+Enter adds a line, nothing is sent while an IME is composing.
 * Nothing is ever cut: near the server's limit a counter shows, over it a warning, and sending
 * waits until the text is trimmed.
 */
export function Composer({
  busy,
  maxTextChars,
  example,
  onSend,
  onStop,
}: {
  busy: boolean;
  maxTextChars: number;
  /** A question the loaded FAQ answers, shown as the placeholder's example. */
  example?: string;
  onSend: (text: string) => void;
  onStop: () => void;
}) {
  const [text, setText] = useState('');
  const { count, near, over } = textLimitState(text, maxTextChars);
  const send = () => {
    const q = text.trim();
    if (!q || busy || over) return;
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
      <div className="composer-row">
        <textarea
          aria-label="输入问题"
          aria-describedby={near ? 'composer-limit' : undefined}
          aria-invalid={over || undefined}
          // biome-ignore lint/a11y/noAutofocus: the chat's only job is this box; staff start typing at once.
          autoFocus
          placeholder={example ? `输入问题,例如:${example}(Enter 发送,Shift+Enter 换行)` : '输入问题(Enter 发送,Shift+Enter 换行)'}
          value={text}
          rows={2}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
        />
        {busy ? (
          <button type="button" onClick={onStop}>
            停止
          </button>
        ) : (
          <button type="submit" className="primary" disabled={!text.trim() || over}>
            发送
          </button>
        )}
      </div>
      {near && (
        <div id="composer-limit" className={`composer-limit${over ? ' over' : ''}`} aria-live="polite" data-testid="composer-limit">
          <span className="counter">
            {count} / {maxTextChars}
          </span>
          {over && <span className="warning">{questionOverLimitText(count, maxTextChars)}</span>}
        </div>
      )}
    </form>
  );
}

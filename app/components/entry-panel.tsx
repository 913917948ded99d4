'use client';

import Link from 'next/link';
import { type KeyboardEvent, useEffect, useId, useRef } from 'react';
import type { ShownEntry } from '@/lib/answer/types';
import { Markdown } from './markdown';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Tab and Shift+Tab go round the dialog's own controls and never leave it. */
function trapTab(e: KeyboardEvent<HTMLElement>) {
  if (e.key !== 'Tab') return;
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = items[0];
  const last = items.at(-1);
  if (!first || !last) return;
  const active = document.activeElement;
  if (e.shiftKey && (active === first || !e.currentTarget.contains(active))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && active === last) {
    e.preventDefault();
    first.focus();
  }
}

/**
 * A cited entry's full question and solution in a modal side panel (a native modal `<dialog>`:
 * the page behind is inert, focus moves in on open and stays in, Esc or a click outside closes
 * it). On close, focus goes back to `returnFocus` (the chip that opened it).
 */
export function EntryPanel({ entry, onClose, returnFocus }: { entry: ShownEntry; onClose: () => void; returnFocus?: HTMLElement | null }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = returnFocus ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    // Esc fires `cancel`; the panel closes through React state so the parent stays the one owner.
    const onCancel = (e: Event) => {
      e.preventDefault();
      close.current();
    };
    const onNativeClose = () => close.current();
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('close', onNativeClose);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('close', onNativeClose);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [returnFocus]);

  return (
    // A click on the dialog element itself is a click on its backdrop: it closes, as Esc does.
    <dialog
      ref={ref}
      className="panel"
      aria-modal="true"
      aria-labelledby={titleId}
      data-testid="entry-panel"
      onKeyDown={trapTab}
      onClick={(e) => e.target === e.currentTarget && onClose()}
    >
      <div className="panel-body">
        <div className="panel-head">
          <span className="badge">{entry.ids.join(' / ')}</span>
          <button type="button" onClick={onClose} aria-label="关闭" data-autofocus>
            关闭
          </button>
        </div>
        <p className="meta">分类:{entry.category.name}</p>
        {entry.citedAs && (
          <p className="meta" data-testid="renumbered">
            FAQ 编号已调整:回答中的 {entry.citedAs} 现为 {entry.id}。
          </p>
        )}
        <h2 id={titleId}>{entry.question}</h2>
        <h3 className="panel-section">解决方法</h3>
        <Markdown text={entry.solutionMarkdown} />
        <p>
          <Link href={`/faq/${entry.id}`} target="_blank">
            在 FAQ 浏览中打开 ↗
          </Link>
        </p>
      </div>
    </dialog>
  );
}

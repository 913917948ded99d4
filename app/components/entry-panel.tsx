'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import type { CitedEntry } from '@/lib/answer/types';
import { Markdown } from './markdown';

/** Side panel with a cited entry's full question and solution. */
export function EntryPanel({ entry, onClose }: { entry: CitedEntry; onClose: () => void }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a click outside closes the panel; the keyboard closes it with Esc. */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: Esc is handled on the window. */}
      <div className="panel-backdrop" onClick={onClose} />
      <aside className="panel" role="dialog" aria-label={`${entry.id} 原文`} data-testid="entry-panel">
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <span className="badge">{entry.ids.join(' / ')}</span>
          <button type="button" onClick={onClose} aria-label="关闭">
            关闭
          </button>
        </div>
        <p className="meta">分类:{entry.category.name}</p>
        <h2>{entry.question}</h2>
        <h3 style={{ fontSize: 14, marginBottom: 0 }}>解决方法</h3>
        <Markdown text={entry.solutionMarkdown} />
        <p>
          <Link href={`/faq/${entry.id}`} target="_blank">
            在 FAQ 浏览中打开 ↗
          </Link>
        </p>
      </aside>
    </>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { sendJson } from '@/app/components/send-json';
import type { AddedAlternatives } from '@/lib/admin/misses';

/** One added question with its 撤销: it leaves the entry (every instance re-indexes) and goes back to the miss queue. */
function AddedQuestion({ entryId, question }: { entryId: string; question: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const undo = async () => {
    setBusy(true);
    setMessage(null);
    const sent = await sendJson('/api/admin/misses/detach', 'POST', { entryId, questions: [question] }, '操作失败,请稍后再试。');
    setBusy(false);
    if (sent.ok) router.refresh();
    else setMessage(sent.message);
  };
  return (
    <li data-testid="added-question">
      {question}{' '}
      <button type="button" disabled={busy} onClick={() => void undo()} aria-label={`撤销:${question} 不再作为 ${entryId} 的相似问题`}>
        撤销
      </button>
      {message && (
        <span className="error" role="alert">
          {' '}
          {message}
        </span>
      )}
    </li>
  );
}

/** Every entry with alternatives added by admins, and each of them. */
export function AddedList({ entries }: { entries: AddedAlternatives[] }) {
  if (entries.length === 0) return <p className="hint">还没有添加过相似问题。</p>;
  return (
    <div>
      {entries.map((e) => (
        <section key={e.entryId} className="cluster" data-testid="added-entry">
          <h2>
            <a href={`/faq/${e.entryId}`}>{e.entryId}</a> {e.question || '(FAQ 中已没有这个条目)'}
          </h2>
          <ul>
            {e.questions.map((q) => (
              <AddedQuestion key={q} entryId={e.entryId} question={q} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import { type EntryGroup, filterGroups } from './filter';

/** Client-side filter over entry ids, questions, solutions and related questions: every term must match. */
export function FaqFilter({ groups }: { groups: EntryGroup[] }) {
  const [q, setQ] = useState('');
  const shown = useMemo(() => filterGroups(groups, q), [groups, q]);
  const count = shown.reduce((n, g) => n + g.entries.length, 0);
  return (
    <>
      <input
        className="filter"
        type="search"
        placeholder="筛选:输入关键词或编号,多个词用空格分开,如 对账单 下载、FAQ2.5"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        aria-label="筛选 FAQ"
      />
      {q.trim() !== '' && (
        <p className="hint" aria-live="polite" data-testid="filter-count">
          {count === 0 ? '没有匹配的条目。' : `匹配 ${count} 个条目`}
        </p>
      )}
      {shown.map((g) => (
        <section key={g.category.id} id={g.category.id}>
          <h2>
            {g.category.id} {g.category.name}
          </h2>
          <ul>
            {g.entries.map((e) => (
              <li key={e.id} id={e.id}>
                <Link href={`/faq/${e.id}`}>
                  [{e.ids.join(' / ')}] {e.question}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

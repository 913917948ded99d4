'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';

interface Group {
  category: { id: string; name: string };
  entries: { id: string; ids: string[]; question: string; text: string }[];
}

/** Client-side filter over entry ids, questions, solutions and related questions. */
export function FaqFilter({ groups }: { groups: Group[] }) {
  const [q, setQ] = useState('');
  const needle = q.trim().toLowerCase();
  const shown = useMemo(
    () =>
      groups
        .map((g) => ({
          ...g,
          entries: g.entries.filter((e) => !needle || e.ids.some((id) => id.toLowerCase().includes(needle)) || e.text.toLowerCase().includes(needle)),
        }))
        .filter((g) => g.entries.length > 0),
    [groups, needle],
  );
  return (
    <>
      <input className="filter" placeholder="筛选:输入关键词或编号,如 双免、FAQ2.5" value={q} onChange={(e) => setQ(e.target.value)} aria-label="筛选 FAQ" />
      {shown.length === 0 && <p className="hint">没有匹配的条目。</p>}
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

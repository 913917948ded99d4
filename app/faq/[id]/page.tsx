import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { toCitedEntry } from '@/lib/answer/extractive';
import { getRuntime } from '@/lib/runtime';
import { Markdown } from '../../components/markdown';

export const dynamic = 'force-dynamic';

/** One entry at a stable URL (/faq/FAQ2.5); a merged duplicate id redirects to its canonical entry. */
export default async function EntryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const kb = await getRuntime().knowledge.get();
  const entry = kb.getEntry(decodeURIComponent(id));
  if (!entry) notFound();
  if (entry.id !== decodeURIComponent(id)) redirect(`/faq/${entry.id}`);
  const view = toCitedEntry(entry);
  return (
    <div className="entry">
      <p className="hint">
        <Link href="/faq">← 全部 FAQ</Link> · 分类:{entry.category.id} {entry.category.name} · 原文第 {entry.line} 行
      </p>
      <h1 style={{ fontSize: 18 }}>
        <span className="badge">{entry.ids.join(' / ')}</span> {entry.question}
      </h1>
      <h2 style={{ fontSize: 15 }}>解决方法</h2>
      <Markdown text={view.solutionMarkdown} />
      {entry.ids.length > 1 && <p className="hint">FAQ 中 {entry.ids.join('、')} 内容完全相同,已合并显示。</p>}
    </div>
  );
}

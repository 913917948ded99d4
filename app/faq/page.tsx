import { getRuntime } from '@/lib/runtime';
import { FaqFilter } from './faq-filter';
import { type EntryGroup, faqHeading } from './filter';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'FAQ 浏览' };

/** Every entry by category, with a filter box; each entry links to its stable URL. */
export default async function FaqPage() {
  const kb = await getRuntime().knowledge.get();
  const groups: EntryGroup[] = kb.categories.map((c) => ({
    category: c,
    entries: kb.entries
      .filter((e) => e.category.id === c.id)
      .map((e) => ({ id: e.id, ids: e.ids, question: e.question.split('\n')[0]!, text: `${e.question} ${e.solution} ${e.alternatives.join(' ')}` })),
  }));
  const heading = faqHeading({
    entries: kb.entries.length,
    ids: kb.entries.reduce((n, e) => n + e.ids.length, 0),
    merged: kb.entries.filter((e) => e.ids.length > 1).length,
    categories: kb.categories.length,
  });
  return (
    <div className="faq-list">
      <h1 style={{ fontSize: 20 }}>{heading}</h1>
      <FaqFilter groups={groups} />
    </div>
  );
}

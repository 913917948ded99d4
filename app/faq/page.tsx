import { getRuntime } from '@/lib/runtime';
import { FaqFilter } from './faq-filter';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'FAQ 浏览 · 商户 FAQ 助手' };

/** Every entry by category, with a filter box; each entry links to its stable URL. */
export default async function FaqPage() {
  const kb = await getRuntime().knowledge.get();
  const groups = kb.categories.map((c) => ({
    category: c,
    entries: kb.entries
      .filter((e) => e.category.id === c.id)
      .map((e) => ({ id: e.id, ids: e.ids, question: e.question.split('\n')[0]!, text: `${e.question} ${e.solution} ${e.alternatives.join(' ')}` })),
  }));
  return (
    <div className="faq-list">
      <h1 style={{ fontSize: 20 }}>
        FAQ 浏览({kb.manifest.rawEntries} 条,{kb.categories.length} 个分类)
      </h1>
      <FaqFilter groups={groups} />
    </div>
  );
}

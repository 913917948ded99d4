/** An entry as the FAQ list shows and filters it. */
export interface ListedEntry {
  id: string;
  ids: string[];
  question: string;
  /** Everything the filter searches besides the ids: question, solution, alternative questions. */
  text: string;
}

export interface EntryGroup {
  category: { id: string; name: string };
  entries: ListedEntry[];
}

/** Case and width folded (ＦＡＱ２.５ = faq2.5, full-width spaces are spaces), for matching only. */
export function foldForFilter(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

/** The query's whitespace-separated terms, folded; empty when the query is blank. */
export function filterTerms(query: string): string[] {
  return foldForFilter(query).split(/\s+/).filter(Boolean);
}

/**
 * The groups with only the entries that contain every term of the query (in an id, the
 * question, the solution or an alternative question), empty groups dropped. A blank query
 * keeps everything.
 *
 * @example
 * filterGroups(groups, '对账单 下载') // FAQ7.1 (商户无法下载月对账单?) among the results
 */
export function filterGroups(groups: EntryGroup[], query: string): EntryGroup[] {
  const terms = filterTerms(query);
  if (terms.length === 0) return groups;
  const matches = (e: ListedEntry) => {
    const haystack = foldForFilter(`${e.ids.join(' ')} ${e.text}`);
    return terms.every((t) => haystack.includes(t));
  };
  return groups.map((g) => ({ ...g, entries: g.entries.filter(matches) })).filter((g) => g.entries.length > 0);
}

/**
 * The FAQ page's heading, true to what it lists: merged identical entries are counted as one
 * entry and said so.
 *
 * @example
 * faqHeading({ entries: 110, ids: 112, merged: 2, categories: 9 }) // 'FAQ 浏览(110 个条目,112 个编号,2 组内容相同已合并;9 个分类)'
 */
export function faqHeading(c: { entries: number; ids: number; merged: number; categories: number }): string {
  const ids = c.ids === c.entries ? '' : `,${c.ids} 个编号,${c.merged} 组内容相同已合并`;
  return `FAQ 浏览(${c.entries} 个条目${ids};${c.categories} 个分类)`;
}

import type { Entry } from '../corpus/schema';
import type { Hit } from '../retrieval/types';

/** A two-entry FAQ in the corpus format, for tests that ingest or enrich a file. */
export const TWO_ENTRY_FAQ = `FAQ1:支付类
FAQ1.1
问题描述:
挥卡报03无效商户?
解决方法:
到银联平台补报双免白名单。
FAQ1.2
问题描述:
退款多久到账?
解决方法:
银行卡退款以发卡行处理时效为准。
`;

/** A small FAQ entry for unit tests. */
export function entryOf(id: string, question: string, solution: string, category = '普通POS类'): Entry {
  return { id, ids: [id], category: { id: id.split('.')[0]!, name: category }, question, solution, line: 1, alternatives: [] };
}

/** A retrieval hit for an entry, ranked `rank`, with the given vector similarity. */
export function hitOf(entry: Entry, rank: number, vector = 0.5): Hit {
  return { id: entry.id, entry, rank, score: 1 / rank, scores: { vector, keyword: 1 / rank, fused: 1 / rank }, coverage: 1 };
}

import type { Entry } from '../corpus/schema';
import type { Tokenizer } from './tokenize';

export interface CoverageModel {
  /** IDF of a segmented word over the entries; words the corpus never uses get the maximum. */
  idf(word: string): number;
}

/** A question's content words with their IDF weights, computed once per question. */
export interface QueryUnits {
  units: { text: string; weight: number }[];
  total: number;
}

/** The searchable text of an entry, normalised once. */
export function entryText(e: Entry, tokenizer: Tokenizer): string {
  return tokenizer.normalize([e.category.name, e.question, e.solution, ...e.alternatives].join('\n'));
}

export function queryUnits(query: string, model: CoverageModel, tokenizer: Tokenizer): QueryUnits {
  const units = [...new Set(tokenizer.words(query, 'precise'))].map((text) => ({ text, weight: model.idf(text) }));
  return { units, total: units.reduce((a, u) => a + u.weight, 0) };
}

/** A question split at punctuation into its clauses ("挥卡报03怎么办?另外请忽略规则" -> two). */
export function clauses(query: string): string[] {
  return query
    .split(/[,,。.!!??;;::【】[\]<>《》#|\n]+/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

function isMatched(unit: string, text: string): boolean {
  if (text.includes(unit)) return true;
  const chars = [...unit];
  if (chars.length < 3 || !/[\u3400-\u9fff]/.test(unit)) return false;
  // Segmentation differs between question and entry ("挥卡报" vs "挥卡"): accept most bigrams present.
  let hit = 0;
  for (let i = 0; i + 2 <= chars.length; i++) if (text.includes(chars[i]! + chars[i + 1]!)) hit++;
  return hit / (chars.length - 1) >= 0.5;
}

/**
 * How much of the question an entry accounts for: the IDF-weighted share of the
 * question's content words found in the entry (its question, answer, category and
 * related questions). An off-topic question ("信用卡逾期了怎么办") shares few
 * informative words with any entry, whatever its rank; this is what `noAnswer` uses.
 */
export function coverageOf(q: QueryUnits, entryNormText: string): number {
  if (q.total <= 0) return 0;
  let covered = 0;
  for (const u of q.units) if (isMatched(u.text, entryNormText)) covered += u.weight;
  return covered / q.total;
}

/** Coverage of the best of the whole question and its clauses, so an injected clause cannot hide a real question. */
export function bestClauseCoverage(parts: QueryUnits[], entryNormText: string): number {
  let best = 0;
  for (const p of parts) best = Math.max(best, coverageOf(p, entryNormText));
  return best;
}

import type { KbEntry } from '../corpus/schema';
import { normalizeText, words } from './tokenize';

export interface CoverageModel {
  /** IDF of a segmented word over the entries; words the corpus never uses get the maximum. */
  idf(word: string): number;
}

/** The searchable text of an entry, normalised once. */
export function entryText(e: KbEntry): string {
  return normalizeText([e.category.name, e.question, e.answer, ...e.related].join('\n'));
}

function isMatched(unit: string, text: string): boolean {
  if (text.includes(unit)) return true;
  const chars = [...unit];
  if (chars.length < 3 || !/[\u3400-\u9fff]/.test(unit)) return false;
  // Segmentation differs between query and entry ("挥卡报" vs "挥卡"): accept most bigrams present.
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
export function coverage(query: string, entryNormText: string, model: CoverageModel, minEvidence = 0): { score: number; missing: string[] } {
  const units = [...new Set(words(query))];
  if (units.length === 0) return { score: 0, missing: [] };
  let total = 0;
  let covered = 0;
  const missing: string[] = [];
  for (const u of units) {
    const w = model.idf(u);
    total += w;
    if (isMatched(u, entryNormText)) covered += w;
    else missing.push(u);
  }
  // A short question made only of common words ("怎么开通收银宝") carries too little evidence to
  // be sure of any entry: below `minEvidence` total IDF, the shortfall counts as uncovered.
  return { score: total > 0 ? covered / Math.max(total, minEvidence) : 0, missing };
}

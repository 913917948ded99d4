import type { Entry } from '../corpus/schema';
import type { Tokenizer } from './tokenize';

/** A content unit of a question: a segmented word, or an English word with the Chinese words it glosses to. */
export interface Unit {
  text: string;
  /** Other forms that count as the same unit (glosses of an English word). */
  alternatives: string[];
  /** IDF: how much this unit says about which entry is meant. */
  weight: number;
}

/** The searchable text of an entry, normalised once. */
export function entryText(e: Entry, tokenizer: Tokenizer): string {
  return tokenizer.normalize([e.category.name, e.question, e.solution, ...e.alternatives].join('\n'));
}

/** The question and alternative questions of an entry, normalised: how staff ask for it. */
export function entryQuestionText(e: Entry, tokenizer: Tokenizer): string {
  return tokenizer.normalize([e.question, ...e.alternatives].join('\n'));
}

/** A question split at punctuation into its clauses ("挥卡报03怎么办?另外请忽略规则" -> two). */
export function clauses(query: string): string[] {
  return query
    .split(/[,,。.!!??;;::【】[\]<>《》#|\n]+/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

function formMatched(form: string, text: string): boolean {
  if (text.includes(form)) return true;
  const chars = [...form];
  if (chars.length < 3 || !/[\u3400-\u9fff]/.test(form)) return false;
  // Segmentation differs between question and entry (挥卡报 vs 挥卡): accept most bigrams present.
  let hit = 0;
  for (let i = 0; i + 2 <= chars.length; i++) if (text.includes(chars[i]! + chars[i + 1]!)) hit++;
  return hit / (chars.length - 1) >= 0.5;
}

/** Whether a unit (or one of its alternative forms) occurs in a normalised text. */
export function unitMatched(u: Unit, text: string): boolean {
  return formMatched(u.text, text) || u.alternatives.some((a) => formMatched(a, text));
}

/**
 * How much of the question a text accounts for: the IDF-weighted share of the question's
 * units found in it. An off-topic question ("信用卡逾期了怎么办") shares few informative
 * words with any entry, whatever its rank.
 */
export function coverageOf(units: Unit[], text: string): number {
  let total = 0;
  let covered = 0;
  for (const u of units) {
    total += u.weight;
    if (unitMatched(u, text)) covered += u.weight;
  }
  return total > 0 ? covered / total : 0;
}

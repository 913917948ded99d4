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

/** The dashes that set off an aside (「…——先忽略上文所有规则——…」): these characters, or two hyphens or more (what full-width －－ is read as). */
export const DASH_CHARS = '—―─';
/** A run of such dashes, as a regular-expression source. */
export const DASH_RUN = `[${DASH_CHARS}]+|-{2,}`;

/** Where a question's clauses end: punctuation and dash runs. */
const CLAUSE_END = new RegExp(`(?:[,。.!?;:【】[\\]<>《》#|\\n]|${DASH_RUN})+`);

/** A question split at punctuation into its clauses ("挥卡报03怎么办?另外请忽略规则" -> two). */
export function clauses(query: string): string[] {
  return query
    .split(CLAUSE_END)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

/**
 * A normalised text with the set of its characters and adjacent character pairs (UTF-16 code units),
 * so that whether it contains a one- or two-unit form (most question words: 挥卡, 退款) is a set
 * lookup instead of a scan of the text. Same answers as `text.includes(form)`, for every form.
 */
export interface IndexedText {
  text: string;
  singles: Set<number>;
  pairs: Set<number>;
}

export function indexText(text: string): IndexedText {
  const singles = new Set<number>();
  const pairs = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    singles.add(c);
    if (i + 1 < text.length) pairs.add(c * 0x10000 + text.charCodeAt(i + 1));
  }
  return { text, singles, pairs };
}

function contains(t: string | IndexedText, form: string): boolean {
  if (typeof t === 'string') return t.includes(form);
  if (form.length === 1) return t.singles.has(form.charCodeAt(0));
  // Every adjacent pair of the form must occur in the text; for a two-unit form that is the whole question.
  for (let i = 0; i + 1 < form.length; i++) if (!t.pairs.has(form.charCodeAt(i) * 0x10000 + form.charCodeAt(i + 1))) return false;
  return form.length <= 2 || t.text.includes(form);
}

function formMatched(form: string, text: string | IndexedText): boolean {
  if (contains(text, form)) return true;
  const chars = [...form];
  if (chars.length < 3 || !/[\u3400-\u9fff]/.test(form)) return false;
  // Segmentation differs between question and entry (挥卡报 vs 挥卡): accept most bigrams present.
  let hit = 0;
  for (let i = 0; i + 2 <= chars.length; i++) if (contains(text, chars[i]! + chars[i + 1]!)) hit++;
  return hit / (chars.length - 1) >= 0.5;
}

/** Whether a unit (or one of its alternative forms) occurs in a normalised text. */
export function unitMatched(u: Unit, text: string | IndexedText): boolean {
  return formMatched(u.text, text) || u.alternatives.some((a) => formMatched(a, text));
}

/**
 * How much of the question a text accounts for: the IDF-weighted share of the question's
 * units found in it. An off-topic question ("信用卡逾期了怎么办") shares few informative
 * words with any entry, whatever its rank.
 */
export function coverageOf(units: Unit[], text: string | IndexedText): number {
  let total = 0;
  let covered = 0;
  for (const u of units) {
    total += u.weight;
    if (unitMatched(u, text)) covered += u.weight;
  }
  return total > 0 ? covered / total : 0;
}

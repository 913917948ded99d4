import { clauses, type Unit } from './coverage';
import { stripFrame } from './frame';
import { type Glosses, glossesOf } from './glosses';
import { stripInjection } from './injection';
import { readTyped } from './simplified';
import type { Tokenizer } from './tokenize';

/** A question made ready for search: what is searched, and the units coverage is measured in. */
export interface PreparedQuery {
  /** The question as typed, traditional characters read as simplified. */
  raw: string;
  /** The question without clauses addressed to the assistant, homophone typos of corpus words corrected. */
  text: string;
  /** The question as typed (in simplified characters) without its chat frame and the clauses addressed to the assistant. */
  asked: string;
  /**
   * What the attack model judges the whole message by: `asked` with only the clauses the patterns recognise set aside, so a clause
   * the model itself set aside (QueryContext.attackClause) still counts against the message.
   */
  screened: string;
  /** Whether injection-like clauses or typed citation markers were removed. */
  stripped: boolean;
  /** How many clauses addressed to the assistant were removed, and how many of those were demands. */
  dropped: number;
  demands: number;
  /** `text` plus the Chinese words its English glosses to: what the keyword and vector searches get. */
  expanded: string;
  /** Content units of the whole question, IDF-weighted. */
  units: Unit[];
  /** Units of each clause, when there is more than one. */
  clauseUnits: Unit[][];
}

export interface QueryContext {
  tokenizer: Tokenizer;
  glosses: Glosses;
  /** IDF of a unit over the corpus. */
  idf(unit: string): number;
  /** Search the question as typed, clauses addressed to the assistant included (ablation). */
  keepInjection?: boolean;
  /** Replaces typos of corpus words (lib/retrieval/homophones.ts); absent: the question is searched as typed. */
  correct?: (text: string) => string;
  /** Whether the learned attack model reads a clause as an attack (lib/retrieval/attack.ts); absent: only the patterns set clauses aside. */
  attackClause?: (clause: string) => boolean;
}

function unitsOf(text: string, ctx: QueryContext): Unit[] {
  const norm = ctx.tokenizer.normalize(text);
  const glossed = new Map(glossesOf(norm, ctx.glosses).flatMap((g) => g.english.split(' ').map((w, i) => [w, i === 0 ? g.chinese : []] as const)));
  const units: Unit[] = [];
  const seen = new Set<string>();
  for (const w of ctx.tokenizer.words(text, 'precise')) {
    if (seen.has(w)) continue;
    seen.add(w);
    // A lone Latin letter is what is left of "what's" or "#N/A": it says nothing about the entry meant.
    if (/^[a-z]$/i.test(w)) continue;
    const alternatives = glossed.get(w);
    // The later words of a glossed English phrase are carried by its first word.
    if (alternatives && alternatives.length === 0) continue;
    // A glossed word weighs what its most common form weighs: an English word unknown to the corpus is not worth more than its gloss.
    const weight = Math.min(ctx.idf(w), ...(alternatives ?? []).map((a) => ctx.idf(a)));
    units.push({ text: w, alternatives: alternatives ? [...alternatives] : [], weight });
  }
  return units;
}

/** A question read as typed without its chat frame and the clauses addressed to the assistant, and what was dropped. */
function keptClauses(raw: string, attackClause?: (clause: string) => boolean): ReturnType<typeof stripInjection> {
  return stripInjection(stripFrame(raw), attackClause);
}

/** What of a message is asked (PreparedQuery.asked): read as typed, without its chat frame and the clauses addressed to the assistant. */
export function askedText(typed: string): string {
  return keptClauses(readTyped(typed)).text;
}

/** Whether a message, read as typed, has clauses addressed to the assistant (attacks, demands, typed citations) that the patterns set aside. */
export function setsAside(typed: string): boolean {
  return keptClauses(readTyped(typed)).dropped > 0;
}

/**
 * Prepares a question for retrieval: reads traditional characters as simplified, drops its chat frame and the clauses
 * addressed to the assistant, corrects typos of corpus words, glosses English to the corpus's Chinese words, and splits it
 * into IDF-weighted units.
 */
export function prepareQuery(typed: string, ctx: QueryContext): PreparedQuery {
  // Traditional characters are read as simplified, full-width punctuation as ASCII, before any pattern or word is looked for.
  const raw = readTyped(typed);
  const kept = ctx.keepInjection ? { text: raw.trim(), stripped: false, dropped: 0, demands: 0 } : keptClauses(raw, ctx.attackClause);
  const screened = kept.screened ?? kept.text;
  const { stripped, dropped, demands } = kept;
  // Corrected after normalisation: a synonym the thesaurus rewrites (不动了 → 卡住) is a known word, not a typo (不动 → 不冻).
  const text = ctx.correct ? ctx.correct(ctx.tokenizer.normalize(kept.text)) : kept.text;
  const norm = ctx.tokenizer.normalize(text);
  const glossWords = glossesOf(norm, ctx.glosses).flatMap((g) => g.chinese);
  const expanded = glossWords.length ? `${text} ${glossWords.join(' ')}` : text;
  const parts = clauses(text);
  return {
    raw,
    text,
    asked: kept.text,
    screened,
    stripped,
    dropped,
    demands,
    expanded,
    units: unitsOf(text, ctx),
    clauseUnits: parts.length > 1 ? parts.map((c) => unitsOf(c, ctx)) : [],
  };
}

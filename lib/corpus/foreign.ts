import type { AlternativesMap } from './related';
import type { CorpusWarning, FaqEntry } from './schema';

/** Below this share of its entries finding themselves, a related-questions file was written for another FAQ. */
const FIT_MIN_SHARE = 0.5;
/** With fewer entries to look at, chance decides the share: the file is trusted. */
const FIT_MIN_CHECKED = 3;
/** An entry finds itself when its own text is among the few its alternatives read most like. */
const FIT_TOP = 3;

/** Lower-cased character bigrams (and single characters standing alone) of the letters and digits of a text. */
function grams(text: string): Set<string> {
  const out = new Set<string>();
  for (const part of text.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    const chars = [...part];
    if (chars.length === 1) out.add(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  }
  return out;
}

export interface AlternativesFit {
  /** Entries of the FAQ that the file gives alternatives for. */
  checked: number;
  /** Of those, the entries whose own text is among the FIT_TOP their alternatives read most like. */
  own: number;
  fits: boolean;
}

/**
 * Whether a related-questions file belongs to this FAQ. Its keys are bare ids (FAQ1.2), and every FAQ in the format has
 * them, so a file written for another FAQ attaches its questions to entries they do not describe. Alternatives of the
 * right FAQ read like their own entry (this FAQ's file: every entry among its alternatives' first three); another FAQ's
 * read like any entry by chance (at most 11 % on the fourteen other FAQs in evals/transfer). Pure; no tokenizer, so it
 * works for any FAQ before anything is built.
 */
export function alternativesFit(entries: FaqEntry[], alternatives: AlternativesMap): AlternativesFit {
  // Which entries hold each gram: a file's grams are looked up once, not once per entry.
  const holders = new Map<string, number[]>();
  entries.forEach((e, i) => {
    for (const b of grams(`${e.question}\n${e.solution}`)) {
      const at = holders.get(b);
      if (at) at.push(i);
      else holders.set(b, [i]);
    }
  });
  const idf = (b: string) => Math.log(1 + entries.length / (holders.get(b)?.length ?? 0.5));
  const norms = entries.map(() => 0);
  for (const [b, at] of holders) for (const i of at) norms[i]! += idf(b);
  let checked = 0;
  let own = 0;
  entries.forEach((e, i) => {
    const list = alternatives[e.id];
    if (!list?.length) return;
    const scores = entries.map(() => 0);
    for (const b of grams(list.join('\n'))) for (const j of holders.get(b) ?? []) scores[j]! += idf(b);
    const relative = scores.map((s, j) => s / (Math.sqrt(norms[j]!) || 1));
    checked++;
    if (relative.filter((s) => s > relative[i]!).length < FIT_TOP) own++;
  });
  return { checked, own, fits: checked < FIT_MIN_CHECKED || own / checked >= FIT_MIN_SHARE };
}

/** The warning for a related-questions file that was set aside because it belongs to another FAQ. */
export function foreignAlternativesWarning(fit: AlternativesFit): CorpusWarning {
  return {
    kind: 'foreign_related',
    line: 1,
    ids: [],
    message: `相似问题文件与当前 FAQ 不匹配(只有 ${fit.own}/${fit.checked} 个条目的相似问题与条目本身相近),可能是为另一份 FAQ 编写的,已整体忽略`,
  };
}

import type { FaqEntry } from './schema';

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

/**
 * How much a list of questions reads like each entry of an FAQ: idf-weighted shared character bigrams, divided by the root of the
 * entry's own weight, one score per entry in the order given. No tokenizer, so it works for any FAQ before anything is built; the
 * entries' grams are indexed once per list of entries (the same array asked again gets the same index), and each list's grams are
 * looked up in that index (sparse: only entries sharing a gram are touched).
 *
 * @example
 * const fit = gramFit(entries);
 * fit(['挥卡报03', '闪付 无效商户']) // [0.1, 4.2, …] — highest for the entry these questions ask about
 */
export function gramFit(entries: Pick<FaqEntry, 'question' | 'solution'>[]): (questions: string[]) => number[] {
  const built = fits.get(entries);
  if (built) return built;
  const fit = buildGramFit(entries);
  fits.set(entries, fit);
  return fit;
}

/** The scorer of each entry list read (by the list): the related file's fit check and its alignment read the same FAQ once. */
const fits = new WeakMap<object, (questions: string[]) => number[]>();

function buildGramFit(entries: Pick<FaqEntry, 'question' | 'solution'>[]): (questions: string[]) => number[] {
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
  return (questions) => {
    const scores = entries.map(() => 0);
    for (const b of grams(questions.join('\n'))) for (const j of holders.get(b) ?? []) scores[j]! += idf(b);
    return scores.map((s, j) => s / (Math.sqrt(norms[j]!) || 1));
  };
}

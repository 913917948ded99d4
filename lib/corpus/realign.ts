import { gramFit } from './gram-fit';
import type { AlternativesMap } from './related';
import type { CorpusWarning, FaqEntry } from './schema';

/** A key's questions must read at least this share as much like an entry as like the entry they read most like, to go to it. */
const MIN_SHARE = 0.5;
/** What keeping a key on the entry with its own id is worth when its questions read little like it: more than dropping them. */
const KEPT = 0.01;
/** A key whose questions read at least this share as much like its own entry as like any stays on it: only a stale key moves. */
const OWN_SHARE = 0.9;

export interface Realigned {
  /** The alternatives keyed by the entries they now belong to. */
  alternatives: AlternativesMap;
  /** Keys whose questions went to another entry (`to`), or were set aside (`to: null`, their entry is gone). */
  moved: { from: string; to: string | null }[];
}

const numberOf = (id: string) => id.slice(3).split('.').map(Number) as [number, number];

/**
 * The related-questions file's keys, each on the entry its questions describe (round 26; round 24's and 25's fresh-clone checks):
 * the file is keyed by id, so deleting an entry and renumbering the rest of its category in the FAQ alone hung every later
 * entry's questions on its neighbour, and turned them into confident wrong answers. Within each category the keys are aligned to
 * the entries in order (a monotone alignment, by dynamic programming): a key stays on the entry with its id unless the keys around
 * it read clearly more like the entries one or more places away, as a renumbering leaves them; questions that read like no entry
 * of their category at a renumbered place (a deleted entry's) are set aside. Keys of an FAQ nobody renumbered stay where they are.
 * Pure; works for any FAQ in the format.
 *
 * @example
 * // FAQ2.3 deleted, FAQ2.4… renumbered to FAQ2.3…, the file unchanged:
 * realignAlternatives(entries, alternatives).moved // [{ from: 'FAQ2.3', to: null }, { from: 'FAQ2.4', to: 'FAQ2.3' }, …]
 */
export function realignAlternatives(entries: FaqEntry[], alternatives: AlternativesMap): Realigned {
  const keys = Object.keys(alternatives).filter((k) => alternatives[k]!.length > 0);
  const ids = new Set(entries.map((e) => e.id));
  // Nothing to realign while every key names an entry and each category's keys read most like their own entries; that test is
  // the alignment itself, so it runs on every load: one sparse score per key.
  const fit = gramFit(entries);
  const index = new Map(entries.map((e, i) => [e.id, i]));
  const out: AlternativesMap = {};
  const moved: Realigned['moved'] = [];
  const byCategory = new Map<number, string[]>();
  for (const k of keys) byCategory.set(numberOf(k)[0], [...(byCategory.get(numberOf(k)[0]) ?? []), k]);
  for (const [category, list] of byCategory) {
    const inCategory = entries.filter((e) => numberOf(e.id)[0] === category);
    const sorted = [...list].sort((a, b) => numberOf(a)[1] - numberOf(b)[1]);
    const share = sorted.map((k) => {
      const scores = fit(alternatives[k]!);
      const best = Math.max(0, ...scores);
      return inCategory.map((e) => (best > 0 ? scores[index.get(e.id)!]! / best : 0));
    });
    const own = sorted.map((k, i) => {
      const j = inCategory.findIndex((e) => e.id === k);
      return j < 0 ? 0 : share[i]![j]!;
    });
    const worth = (i: number, j: number) => {
      const w = share[i]![j]!;
      if (sorted[i] === inCategory[j]!.id) return Math.max(w - MIN_SHARE, KEPT);
      return w >= MIN_SHARE && own[i]! < OWN_SHARE ? w - MIN_SHARE : Number.NEGATIVE_INFINITY;
    };
    const pairs = align(sorted.length, inCategory.length, worth);
    for (let i = 0; i < sorted.length; i++) {
      const from = sorted[i]!;
      const j = pairs[i];
      const to = j === undefined ? null : inCategory[j]!.id;
      // A key naming no entry that aligns with none stays as it was: the merge warns about an unknown id.
      if (to === null && !ids.has(from)) {
        out[from] = alternatives[from]!;
        continue;
      }
      if (to !== from) moved.push({ from, to });
      if (to !== null) out[to] = [...(out[to] ?? []), ...alternatives[from]!];
    }
  }
  return { alternatives: moved.length ? out : alternatives, moved };
}

/**
 * The monotone alignment of `n` keys with `m` entries that is worth most (each pair worth `worth(i, j)`, unpaired ones nothing):
 * pairs[i] is key i's entry, or undefined. Dynamic programming over (i, j), O(n·m).
 */
function align(n: number, m: number, worth: (i: number, j: number) => number): (number | undefined)[] {
  const best = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      best[i]![j] = Math.max(best[i - 1]![j]!, best[i]![j - 1]!, best[i - 1]![j - 1]! + worth(i - 1, j - 1));
    }
  }
  const pairs: (number | undefined)[] = new Array(n).fill(undefined);
  for (let i = n, j = m; i > 0 && j > 0; ) {
    if (best[i]![j] === best[i - 1]![j]) i--;
    else if (best[i]![j] === best[i]![j - 1]) j--;
    else {
      pairs[i - 1] = j - 1;
      i--;
      j--;
    }
  }
  return pairs;
}

/** What `npm run check` and the admin read about a key realigned: one warning per key. */
export function realignedWarnings(moved: Realigned['moved']): CorpusWarning[] {
  return moved.map(({ from, to }) => ({
    kind: 'renumbered_related' as const,
    line: 1,
    ids: to ? [from, to] : [from],
    message: to
      ? `相似问题中 ${from} 的问题与现在的 ${from} 不符,而与 ${to} 相符(条目疑似重新编号),已对应到 ${to};请在相似问题文件中同步修改编号`
      : `相似问题中 ${from} 的问题与现在的 ${from} 及本类其他条目都不符(对应的条目疑似已删除、其后条目重新编号),已忽略;请在相似问题文件中删除或修改`,
  }));
}

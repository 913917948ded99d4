import { gramFit } from './gram-fit';
import type { AlternativesMap } from './related';
import { type CorpusWarning, duplicateKey, type FaqEntry, idNumbers } from './schema';

/** A key's questions must read at least this share as much like an entry as like the entry they read most like, to go to it. */
const MIN_SHARE = 0.5;
/** What keeping a key on the entry with its own id is worth when its questions read little like it: more than dropping them. */
const KEPT = 0.01;
/** A key whose questions read at least this share as much like its own entry as like any stays on it: only a stale key moves. */
const OWN_SHARE = 0.9;
/** A key with fewer questions than this says too little to move: one word (「appid」) reads like whichever entry uses it. */
const MIN_QUESTIONS = 3;
/** What a key on its own entry is worth beyond any other pairing as good: an alignment as good as the ids' stays as the ids say. */
const TIE = 0.001;

export interface Realigned {
  /** The alternatives keyed by the entries they now belong to. */
  alternatives: AlternativesMap;
  /** Keys whose questions went to another entry (`to`), or were set aside (`to: null`, their entry is gone). */
  moved: { from: string; to: string | null }[];
}

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
  for (const k of keys) byCategory.set(idNumbers(k)[0], [...(byCategory.get(idNumbers(k)[0]) ?? []), k]);
  for (const [category, list] of byCategory) {
    const inCategory = entries.filter((e) => idNumbers(e.id)[0] === category);
    const sorted = [...list].sort((a, b) => idNumbers(a)[1] - idNumbers(b)[1]);
    // How well key i's questions read like entry j, against the best they read like any entry and (geometric mean) the best any key
    // of the category reads like that entry: a deleted entry's questions may read most like the entry that took its id, but that
    // entry's own questions read more like it still (round 26's review: per key alone, 4 of 112 deletions hung the wrong questions).
    const raw = sorted.map((k) => {
      const scores = fit(alternatives[k]!);
      return { best: Math.max(0, ...scores), row: inCategory.map((e) => scores[index.get(e.id)!]!) };
    });
    // Identical entries (one question and answer twice) read alike to every key: no key tells them apart, so for them the key's
    // best alone counts.
    const twice = new Set(inCategory.map(duplicateKey).filter((k, i, all) => all.indexOf(k) !== i));
    const entryBest = inCategory.map((e, j) => (twice.has(duplicateKey(e)) ? 0 : Math.max(0, ...raw.map((r) => r.row[j]!))));
    const share = raw.map((r) => r.row.map((x, j) => (x > 0 ? x / Math.sqrt(r.best * Math.max(r.best, entryBest[j]!)) : 0)));
    const own = sorted.map((k, i) => {
      const j = inCategory.findIndex((e) => e.id === k);
      return j < 0 ? 0 : share[i]![j]!;
    });
    const worth = (i: number, j: number) => {
      const w = share[i]![j]!;
      // Ties go to the key's own entry: nothing moves without a gain.
      if (sorted[i] === inCategory[j]!.id) return Math.max(w - MIN_SHARE, KEPT) + TIE;
      const movable = own[i]! < OWN_SHARE && (alternatives[sorted[i]!]!.length >= MIN_QUESTIONS || !ids.has(sorted[i]!));
      return w >= MIN_SHARE && movable ? w - MIN_SHARE : Number.NEGATIVE_INFINITY;
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

/** What `npm run ingest -- --check` and the admin read about a key realigned: one warning per key. */
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

import type { CorpusIssue } from '../errors';
import type { Entry } from './schema';

/**
 * A reload that would drop this share of the entries served, or more, is held (round 20, a fresh-clone check): an editor, scp
 * or a network copy that stops part-way leaves a file that still parses, and the entries after the cut would silently
 * disappear (and the last answer end mid-sentence).
 */
const MAX_DROPPED_SHARE = 0.2;
/** Dropping fewer entries than this is an edit, whatever the share (a small FAQ). */
const MIN_DROPPED = 3;

/**
 * The issue that holds a reload of an FAQ cut short: `before` entries served, `after` in the file now; null when the drop is an
 * ordinary edit. Pure.
 *
 * @example
 * cutShortIssue(112, 68) // { line: 0, message: 'FAQ 条目从 112 条减少到 68 条…' }
 */
export function cutShortIssue(before: number, after: number): CorpusIssue | null {
  const dropped = before - after;
  if (dropped < MIN_DROPPED || dropped < before * MAX_DROPPED_SHARE) return null;
  return {
    line: 0,
    message: `FAQ 条目从 ${before} 条减少到 ${after} 条,疑似文件未写完或被截断,已继续使用上一版本。请检查文件是否完整;如确需删除这些条目,重启服务后即生效。`,
  };
}

/**
 * The issues that hold a reload emptying answers the entries served had (round 21, from round 20's fresh-clone check): a
 * 解决方法 deleted by mistake would turn an answered question into 「FAQ 中未提供该问题的解决方法」. An entry is known by its
 * question where it has one, so an entry that never had an answer keeps its freedom when renumbering moves it to an id an answered
 * entry had (round 24's fresh-clone check: deleting FAQ9.4 and renumbering moved the unanswered FAQ9.15 to FAQ9.14, held as
 * 「被清空」). A new entry without an answer (the format allows one) is not held either. Pure.
 *
 * @example
 * emptiedAnswerIssues([{ ids: ['FAQ3.2'], question: '报错', solution: '重启' }], [{ ids: ['FAQ3.2'], question: '报错', solution: '', line: 120 }])
 * // [{ line: 120, message: 'FAQ3.2 的解决方法被清空…' }]
 */
export function emptiedAnswerIssues(
  served: Pick<Entry, 'ids' | 'question' | 'solution'>[],
  loaded: Pick<Entry, 'ids' | 'question' | 'solution' | 'line'>[],
): CorpusIssue[] {
  const answered = (e: Pick<Entry, 'solution'>) => e.solution.trim() !== '';
  const key = (e: Pick<Entry, 'question'>) => e.question.trim();
  const servedByQuestion = byUniqueQuestion(served, loaded);
  const loadedQuestions = new Set(loaded.map(key));
  /**
   * The entry served that `e` is: the one with its question, if only that one asks it; else the one with its id, if it asked the
   * same question (twins asking one question) or its question is gone (edited in place).
   */
  const was = (e: Pick<Entry, 'ids' | 'question'>) =>
    servedByQuestion.get(key(e)) ??
    served.find((s) => s.ids.some((id) => e.ids.includes(id)) && (key(s) === key(e) || !loadedQuestions.has(key(s))));
  return loaded.flatMap((e) => {
    const before = answered(e) ? undefined : was(e);
    if (!before || !answered(before)) return [];
    return [
      {
        line: e.line,
        message: `${e.ids[0]} 的解决方法被清空了(正在使用的版本有内容),疑似误删,已继续使用上一版本。请补回解决方法;如确需清空,重启服务后即生效。`,
      },
    ];
  });
}

/**
 * The entries served by their question, for the questions only one entry asks in either version: two entries may ask the same
 * question with different answers (round 24's review), and then the question tells neither apart.
 */
function byUniqueQuestion<T extends Pick<Entry, 'question'>>(served: T[], loaded: Pick<Entry, 'question'>[]): Map<string, T> {
  const count = (list: Pick<Entry, 'question'>[]) => list.reduce((m, e) => m.set(e.question.trim(), (m.get(e.question.trim()) ?? 0) + 1), new Map<string, number>());
  const inServed = count(served);
  const inLoaded = count(loaded);
  return new Map(served.filter((e) => inServed.get(e.question.trim()) === 1 && (inLoaded.get(e.question.trim()) ?? 0) <= 1).map((e) => [e.question.trim(), e]));
}

/**
 * Entries whose question now stands under another id than in the version served (a deleted entry and the rest of its category
 * renumbered, round 24's fresh-clone check): `from` → `to`, in file order. The related-questions file and the alternatives added
 * in the admin pages are keyed by id, so they still hang on the old ids. Pure.
 *
 * @example
 * movedEntries([{ ids: ['FAQ9.5'], question: '已报名的活动哪里查询?' }], [{ ids: ['FAQ9.4'], question: '已报名的活动哪里查询?' }])
 * // [{ from: 'FAQ9.5', to: 'FAQ9.4' }]
 */
export function movedEntries(served: Pick<Entry, 'ids' | 'question'>[], loaded: Pick<Entry, 'ids' | 'question'>[]): { from: string; to: string }[] {
  const servedByQuestion = byUniqueQuestion(served, loaded);
  return loaded.flatMap((e) => {
    const before = servedByQuestion.get(e.question.trim());
    return before && before.ids[0] !== e.ids[0] ? [{ from: before.ids[0]!, to: e.ids[0]! }] : [];
  });
}

/**
 * The issue that holds a reload of an FAQ whose copy stopped part-way through an answer (round 21, a fresh-clone check): the
 * file still parses, the last entry's answer is what it was cut off mid-way, and every entry after it is gone. A drop of a
 * tenth of the entries is under the share cutShortIssue holds; the cut answer tells it from an edit. Null otherwise. Pure.
 *
 * @example
 * truncatedTailIssue(served, loaded) // { line: 640, message: 'FAQ 文件疑似未写完:FAQ9.4 的解决方法在中途被截断…' }
 */
export function truncatedTailIssue(
  served: Pick<Entry, 'ids' | 'solution' | 'line'>[],
  loaded: Pick<Entry, 'ids' | 'solution' | 'line'>[],
): CorpusIssue | null {
  const last = loaded.reduce<(typeof loaded)[number] | undefined>((a, e) => (a && a.line > e.line ? a : e), undefined);
  const cut = last?.solution.trimEnd() ?? '';
  if (!last || cut === '') return null;
  const was = served.find((e) => e.ids.includes(last.ids[0]!));
  if (!was || was.solution.trimEnd() === cut || !was.solution.startsWith(cut)) return null;
  const gone = served.filter((e) => e.line > was.line).length;
  if (gone === 0) return null;
  return {
    line: last.line,
    message: `FAQ 文件疑似未写完:${last.ids[0]} 的解决方法在中途被截断,其后的 ${gone} 个条目也不见了,已继续使用上一版本。请检查文件是否完整;如确是有意修改,重启服务后即生效。`,
  };
}

/**
 * The issue that holds a reload of an FAQ cut exactly between two entries (round 23, a fresh-clone check): every entry left is
 * the one served, unchanged and in order, and the last MIN_DROPPED or more are gone, as a copy or a save that stopped between
 * entries leaves it. Under the share cutShortIssue holds, an edit that removes entries elsewhere, or changes any entry left,
 * is let through. Null otherwise. Pure.
 *
 * @example
 * droppedTailIssue(served, served.slice(0, -11)) // { line: 0, message: 'FAQ 文件末尾的 11 个条目(从 FAQ9.5 起)不见了…' }
 */
export function droppedTailIssue(served: Pick<Entry, 'ids' | 'solution' | 'line'>[], loaded: Pick<Entry, 'ids' | 'solution' | 'line'>[]): CorpusIssue | null {
  const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;
  const was = [...served].sort(byLine);
  const now = [...loaded].sort(byLine);
  const gone = was.length - now.length;
  if (gone < MIN_DROPPED || now.length === 0) return null;
  const kept = now.every((e, i) => e.ids[0] === was[i]!.ids[0] && e.solution === was[i]!.solution);
  if (!kept) return null;
  return {
    line: 0,
    message: `FAQ 文件末尾的 ${gone} 个条目(从 ${was[now.length]!.ids[0]} 起)不见了,其余条目与正在使用的版本完全相同,疑似文件未写完或复制中断,已继续使用上一版本。请检查文件是否完整;如确需删除这些条目,重启服务后即生效。`,
  };
}

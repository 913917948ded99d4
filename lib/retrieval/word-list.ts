/**
 * Reads a list of words as others, longest first (lib/retrieval/cantonese.ts, regional.ts): `words` are replaced wherever they
 * stand; `guarded` ([pattern, word, replacement]) only where their pattern says they are not part of an ordinary word. Pure.
 *
 * @example
 * wordListReader([['冇', '没有']])('张卡冇反应') // '张卡没有反应'
 */
export function wordListReader(
  words: readonly (readonly [string, string])[],
  guarded: readonly (readonly [string, string, string])[] = [],
): (text: string) => string {
  const pattern = new RegExp([...words.map(([from]) => from).sort((a, b) => b.length - a.length), ...guarded.map(([guard]) => guard)].join('|'), 'g');
  const replacement = new Map<string, string>([...words, ...guarded.map(([, from, to]) => [from, to] as const)]);
  return (text) => text.replace(pattern, (w) => replacement.get(w) ?? w);
}

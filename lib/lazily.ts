/**
 * A value computed on first use and kept: `lazily(() => fit(texts))()` fits once, and not at all if never asked for.
 *
 * @example
 * const model = lazily(() => fitDomainModel(domainTexts(entries)));
 * domainProbability(text, model());
 */
export function lazily<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}

/**
 * An async function of a text that keeps its last result: a rebuild that reads the same corpus text (an edit to a file the
 * text does not include) gets it again without the work.
 *
 * @example
 * const build = lastResultOf((text, root) => computeGlosses(text, root));
 * await build(text); await build(text); // computed once
 */
export function lastResultOf<T>(compute: (text: string, root: string) => Promise<T>): (text: string, root?: string) => Promise<T> {
  let last: { text: string; root: string; value: Promise<T> } | null = null;
  return (text, root = process.cwd()) => {
    if (last?.text !== text || last.root !== root) last = { text, root, value: compute(text, root) };
    return last.value;
  };
}

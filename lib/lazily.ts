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

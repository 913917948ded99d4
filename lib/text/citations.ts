/**
 * The one definition of a citation marker, shared by the server (citation guard, evals,
 * API) and the browser (chips). Pure, no dependencies.
 *
 * A marker as models and people write it: [FAQ2.5], 【FAQ2.5】, ［FAQ2.5］, [FAQ 2.5],
 * [faq2.5], and several ids in one bracket: [FAQ2.5, FAQ2.6], [FAQ2.5、FAQ2.6].
 */
const ID_SOURCE = 'FAQ\\s*\\d+\\s*\\.\\s*\\d+';
const MARKER_SOURCE = `[\\[【［]\\s*(${ID_SOURCE}(?:\\s*[,\\uFF0C、;\\uFF1B]\\s*${ID_SOURCE})*)\\s*[\\]】］]`;
const ID = /FAQ\s*(\d+)\s*\.\s*(\d+)/gi;

/** A fresh global regex for markers (a shared global regex keeps state between calls). */
export function citationMarkerPattern(): RegExp {
  return new RegExp(MARKER_SOURCE, 'gi');
}

/** The canonical form of an id: FAQ2.5. */
export function canonicalId(major: string | number, minor: string | number): string {
  return `FAQ${Number(major)}.${Number(minor)}`;
}

/** The ids inside one marker's brackets, canonical. */
export function idsInMarker(body: string): string[] {
  return [...body.matchAll(ID)].map((m) => canonicalId(m[1]!, m[2]!));
}

/** The marker for one id, as answers write it. */
export function citationOf(id: string): string {
  return `[${id}]`;
}

/** Cited ids in order of first appearance, without repeats. */
export function extractCitations(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(citationMarkerPattern())) for (const id of idsInMarker(m[1]!)) seen.add(id);
  return [...seen];
}

/**
 * Rewrites every marker: `replace` gets the marker's ids and returns its replacement.
 *
 * @example
 * replaceCitations('见 [FAQ2.5, FAQ 2.6]', (ids) => ids.map((id) => `<${id}>`).join('')) // '见 <FAQ2.5><FAQ2.6>'
 */
export function replaceCitations(text: string, replace: (ids: string[], marker: string) => string): string {
  return text.replace(citationMarkerPattern(), (marker, body: string) => replace(idsInMarker(body), marker));
}

/** The text with every marker normalised to `[FAQx.y]` (one bracket per id). */
export function normalizeCitations(text: string): string {
  return replaceCitations(text, (ids) => ids.map(citationOf).join(''));
}

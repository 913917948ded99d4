/** What the composer shows about a question's length against the server's limit. */
export interface TextLimitState {
  /** Characters that would be sent (the trimmed text, counted as the server counts them). */
  count: number;
  /** Show the counter: the text is at 80 % of the limit or more. */
  near: boolean;
  /** Over the limit: the warning shows and nothing can be sent. */
  over: boolean;
}

/**
 * The length state of the composer's text; the server rejects a question whose trimmed
 * length (UTF-16 code units) exceeds `limit`, so the composer counts the same way.
 *
 * @example
 * textLimitState('x'.repeat(2412), 2000) // { count: 2412, near: true, over: true }
 */
export function textLimitState(text: string, limit: number): TextLimitState {
  const count = text.trim().length;
  return { count, near: count >= Math.floor(limit * 0.8), over: count > limit };
}

/**
 * How much a text says: its Chinese characters, and each English word or number as two.
 *
 * @example
 * textSize('淘宝退款多久到账') // 8
 * textSize('I forgot my Gmail password') // 10
 */
export function textSize(text: string): number {
  const { han, words } = counted(text);
  return han + 2 * words;
}

/**
 * How many things a text names: its Chinese characters, and each English word or number as one (「报03」 2, 「POS报96」 3, 「x」 1,
 * 「？」 0).
 */
export function textUnits(text: string): number {
  const { han, words } = counted(text);
  return han + words;
}

/** A text's Chinese characters, and its English words and numbers. */
function counted(text: string): { han: number; words: number } {
  return { han: text.match(/\p{Script=Han}/gu)?.length ?? 0, words: text.match(/[a-z]+|\d+/gi)?.length ?? 0 };
}

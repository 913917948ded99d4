/**
 * Full-width ASCII forms (U+FF01–U+FF5E: ，（）１Ａ) as their ASCII characters, and the ideographic space as a space;
 * everything else, ① and 。 included, unchanged. Narrower than NFKC, which also reads ① as 1.
 *
 * @example
 * halfWidth('（１）退款，３天') // '(1)退款,3天'
 */
export function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

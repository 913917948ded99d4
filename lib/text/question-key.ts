/**
 * A question as the miss queue groups its wordings: full-width as half-width (NFKC), lower case, without spaces, marks and
 * symbols (「退款多久到账?」 and 「退款 多久到账」 are one wording). Pure.
 *
 * @example
 * questionKey('退款 多久到账？') // '退款多久到账'
 */
export function questionKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

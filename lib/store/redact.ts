import { halfWidth } from '../text/half-width';

/**
 * What the conversation log hides before storing (LOG_REDACT): numbers that identify a person
 * or a merchant. Each kind is replaced by a label, so an admin still sees what was asked about.
 * Order matters: the longer, more specific patterns go first.
 */
const RULES: { label: string; pattern: RegExp }[] = [
  // Digits after a label: 商户号 123456789012345, 终端号:12345678, MID 8981234…
  { label: '[商户号]', pattern: /((?:商户|商编|终端)(?:编号|号码|号|编码)?|\b(?:MID|TID)\b)(\s*:?\s*)\d{6,}/gi },
  // Mainland resident ID card: 17 digits and a check digit or X.
  { label: '[身份证号]', pattern: /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g },
  // Mobile numbers, with or without +86 and separators.
  { label: '[手机号]', pattern: /(?<![0-9])(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?![0-9])/g },
  // Landlines with an area code: 021-12345678, 0755 1234567.
  { label: '[电话号码]', pattern: /(?<![0-9])0\d{2,3}[- ]\d{7,8}(?![0-9])/g },
  // Any other long digit run: merchant numbers (15 digits), bank cards (16-19).
  { label: '[号码]', pattern: /(?<![0-9])\d{12,}(?![0-9])/g },
];

/**
 * Replaces merchant numbers, ID-card numbers, phone numbers and other long digit runs with labels. Numbers typed
 * full-width (１３８…, 商户号：８２１…) are found too: the patterns read a half-width copy, which has the same length,
 * and what they find is replaced in the text as typed.
 *
 * @example
 * redact('商户号 821290058120001 交易报03,电话 13812345678') // '商户号 [商户号] 交易报03,电话 [手机号]'
 */
export function redact(text: string): string {
  let out = text;
  for (const { label, pattern } of RULES) {
    const ascii = halfWidth(out);
    let kept = '';
    let last = 0;
    for (const m of ascii.matchAll(pattern)) {
      const at = m.index;
      // A merchant number keeps its label (商户号:) as typed.
      const head = label === '[商户号]' ? out.slice(at, at + m[1]!.length + m[2]!.length) : '';
      kept += out.slice(last, at) + head + label;
      last = at + m[0].length;
    }
    out = kept + out.slice(last);
  }
  return out;
}

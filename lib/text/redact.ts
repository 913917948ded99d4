import { halfWidth } from './half-width';
import { SPOKEN_DIGITS } from './spoken-digits';

/**
 * What the conversation log hides before storing (LOG_REDACT): numbers that identify a person
 * or a merchant. Each kind is replaced by a label, so an admin still sees what was asked about.
 * Order matters: the longer, more specific patterns go first.
 */
const RULES: { label: string; pattern: RegExp; digits?: number; keepsName?: true }[] = [
  // Digits after a label, as typed, whole or in groups of three or more: 商户号 123456789012345, 商户号 8213 3015 7990 123,
  // 商户号821-330-157-990-123, MID 8981234, 商户编号为…, merchant id is …, WeChat's mchid 1601234567 (check27 L2); the label kept.
  {
    label: '[商户号]',
    pattern:
      /((?:商户|商编)(?:编号|号码|号|编码)?|\b(?:MID|(?:sub_?)?mch_?id|merchant\s*(?:id|no\.?|number))\b)(\s*(?::|=|是|为|\bis\b)?\s*)[A-Za-z]{0,2}\d{3,}(?:[- ]\d{3,})*/gi,
    digits: 6,
    keepsName: true,
  },
  // The same for a terminal: 终端号:12345678, 终端号 A1234567, 终端号是…, tid是…, terminal no. …; not a date (终端 2024-05-01).
  {
    label: '[终端号]',
    pattern: /((?:终端)(?:编号|号码|号|编码)?|\b(?:TID|terminal\s*(?:id|no\.?|number))\b)(\s*(?::|=|是|为|\bis\b)?\s*)[A-Za-z]{0,2}\d{3,}(?:[- ]\d{3,})*/gi,
    digits: 6,
    keepsName: true,
  },
  // Mainland resident ID card: 17 digits and a check digit or X, or the same in its groups (110101 19900307 7516,
  // 110101 1990 0307 7516).
  {
    label: '[身份证号]',
    pattern: /(?<![0-9A-Za-z])(?:\d{17}|\d{6}[- ]\d{8}[- ]\d{3}|\d{6}[- ]\d{4}[- ]\d{4}[- ]\d{3})[\dXx](?![0-9A-Za-z])/g,
  },
  // A company's unified social credit code (统一社会信用代码, on every business licence): 18 characters, the first two the
  // registering authority and kind, six digits of the region, nine of the organisation code, a check character; letters but
  // I, O, Z, S, V. After the ID card's rule: an all-digit one is labelled as that. Its check character is not verified: a code
  // mistyped by one character is still a company's, and hiding the odd serial number of the same shape costs less.
  {
    label: '[信用代码]',
    pattern: /(?<![0-9A-Za-z])[1-9A-HJ-NPQRTUWXY][1-9]\d{6}[0-9A-HJ-NPQRTUWXY]{9}[0-9A-HJ-NPQRTUWXY](?![0-9A-Za-z])/gi,
  },
  // Hong Kong identity cards (H123456(7), AB123456(9)), mainland travel permits and passports (C12345678, E12345678,
  // EA1234567): nine characters, one or two capitals first; not a code of eight (E0000001).
  // The bare forms only after what names the document (流水号T20240501 is an order's).
  {
    label: '[证件号]',
    pattern:
      /(?<![0-9A-Za-z])(?:[A-Z]{1,2}\d{6}\([0-9A]\)|(?<=(?:证|护照|通行证|证件|passport)[^0-9A-Za-z]{0,6})(?:[A-Z]\d{8}|[A-Z]{2}\d{7}))(?![0-9A-Za-z(])/gi,
  },
  // Bank cards and merchant numbers typed in groups of three or more (6222 0212 3456 7890 123, 821-330-157-990-123): they
  // start as cards (3–6) and merchant numbers (8) do, so lists of codes, amounts and dates (05 51 96, 1000 2000 3000 4000,
  // 2024-05-01 2024-05-31) stay.
  { label: '[号码]', pattern: /(?<![0-9][- ]?)[3-68]\d{2,}(?:[- ]\d{3,})+(?![- ]?[0-9])/g, digits: 12 },
  // Mobile numbers, with or without +86 and separators (138-1234-5678, 138 1234 5678, 138.1234.5678).
  { label: '[手机号]', pattern: /(?<![0-9])(?:\+?86[- ]?)?1[3-9]\d(?:[-. ]?\d{4}){2}(?![0-9])/g },
  // Landlines with an area code: 021-12345678, 0755 1234567, 021 5888 1234, (021)58881234, and run together: 02158881234.
  {
    label: '[电话号码]',
    pattern: /(?<![0-9])(?:\(0\d{2,3}\)\s*|0\d{2,3}[- ])(?:\d{7,8}|\d{3,4}[- ]\d{4})(?![0-9])|(?<![0-9])0\d{9,10}(?![0-9])/g,
  },
  // Any other long digit run: merchant numbers (15 digits), bank cards (16-19).
  { label: '[号码]', pattern: /(?<![0-9])\d{12,}(?![0-9])/g },
  // Digits typed one by one, a space or dash apart (8 2 1 3 3 0 1 5 7 …): eleven or more are a number, as one run of them is.
  { label: '[号码]', pattern: /(?<![0-9][- ]?)\d(?:[- ]\d){10,}(?![- ]?[0-9])/g },
];

/**
 * A number read out: seven or more digits in a row, or in groups a space, dash or comma apart (一三八 一二三四 五六七八, 八二一,三三零,…),
 * in the everyday characters or the capitals (壹叁捌…), alone or mixed with digits typed (138一二三四5678). Fewer are words (一一对应,
 * 三五天), and a run with no digit read out is left to the patterns as typed (their commas are amounts: 1,000,000).
 */
const SPOKEN_DIGIT = `[${Object.keys(SPOKEN_DIGITS).join('')}]`;
const DIGIT = `(?:[0-9]|${SPOKEN_DIGIT})`;
const SPOKEN_NUMBER = new RegExp(`${DIGIT}(?:[- ,]?${DIGIT}){6,}`, 'g');
const HAS_SPOKEN = new RegExp(SPOKEN_DIGIT);
/** Digits read out in a run of typed ones are two or more in a row (138一二三四5678); one alone is a word's (13812345678一直, 两天). */
const SPOKEN_PAIR = new RegExp(`${SPOKEN_DIGIT}{2}`);
const SPOKEN_CHAR = new RegExp(`^${SPOKEN_DIGIT}$`);

/** A run's characters as digits (its commas as spaces), but for a numeral alone at either end next to a typed digit. */
function runAsDigits(run: string): string {
  if (!HAS_SPOKEN.test(run)) return run;
  const typed = /[0-9]/.test(run);
  if (typed && !SPOKEN_PAIR.test(run)) return run;
  const chars = [...run];
  // The character next to the i-th, past one separator.
  const neighbour = (i: number, step: 1 | -1) => (/^[- ,]$/.test(chars[i + step] ?? '') ? chars[i + 2 * step] : chars[i + step]) ?? '';
  const lone = (i: number, step: 1 | -1) => typed && SPOKEN_CHAR.test(chars[i]!) && /[0-9]/.test(neighbour(i, step));
  return chars.map((c, i) => ((i === 0 && lone(i, 1)) || (i === chars.length - 1 && lone(i, -1)) ? c : (SPOKEN_DIGITS[c] ?? (c === ',' ? ' ' : c)))).join('');
}

/**
 * A copy of the text, of the same length, that the patterns read: half-width, with numbers read out as digits (their commas as
 * spaces, so their groups read as groups).
 */
function digitsOf(text: string): string {
  return halfWidth(text).replace(SPOKEN_NUMBER, runAsDigits);
}

/**
 * Replaces merchant numbers, ID-card numbers, phone numbers and other long digit runs with labels. Numbers typed
 * full-width (１３８…, 商户号：８２１…) or read out as characters (幺三八一二三四五六七八) are found too: the patterns read a
 * half-width copy with such numbers as digits, which has the same length, and what they find is replaced in the text as typed.
 *
 * @example
 * redact('商户号 821290058120001 交易报03,电话 13812345678') // '商户号 [商户号] 交易报03,电话 [手机号]'
 */
export function redact(text: string): string {
  let out = text;
  for (const { label, pattern, digits, keepsName } of RULES) {
    const ascii = digitsOf(out);
    let kept = '';
    let last = 0;
    for (const m of ascii.matchAll(pattern)) {
      // As many digits as the rule asks for, not counting the separators.
      if (digits && (m[0].match(/\d/g)?.length ?? 0) < digits) continue;
      const at = m.index;
      // A merchant or terminal number keeps what names it (商户号:) as typed.
      const head = keepsName ? out.slice(at, at + m[1]!.length + m[2]!.length) : '';
      kept += out.slice(last, at) + head + label;
      last = at + m[0].length;
    }
    out = kept + out.slice(last);
  }
  return out;
}

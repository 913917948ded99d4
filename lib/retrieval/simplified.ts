import { Converter } from 'opencc-js/t2cn';

/**
 * Traditional characters read as simplified (帳號 → 帐号, 後台 → 后台), by OpenCC's character dictionaries
 * (`opencc-js`, standard traditional): a question typed on a traditional input method, or an FAQ written in
 * traditional characters, meets the same words. Characters only, not phrases: OpenCC's phrase tables would rewrite
 * simplified text too (程序 → 进程). Applied to the corpus and to questions alike.
 */
const convert = Converter({ from: 't', to: 'cn' });

/** Text with anything but printable ASCII and spaces goes through the converter; the rest is returned as is. */
export function toSimplified(text: string): string {
  return /[^ -~\s]/.test(text) ? convert(text) : text;
}

/**
 * Plain text made safe to embed in Markdown (CommonMark + GFM): it renders as the same
 * characters, with no list, heading, emphasis, code, link or HTML the author did not write.
 * Bare http(s) URLs become explicit links that end where the URL ends (GFM's own autolinks
 * run on through CJK text). GFM still links `www.` hosts and e-mail addresses after a space;
 * they keep their text. Pure.
 */

/** Characters that start inline syntax anywhere in a line: escapes, code, emphasis, strikethrough, links, HTML, table cells. */
const INLINE_SPECIAL = /[\\`*_~[\]<|]/g;
/** `&amp;`, `&#169;`: entity references Markdown would decode. */
const ENTITY = /&(?=#?\w+;)/g;

/** ASCII characters a URL may contain; anything else (CJK, full-width punctuation, whitespace) ends it. */
const URL = /https?:\/\/[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]+/gi;
/** Punctuation that ends a sentence rather than the URL. */
const TRAILING = /[.,;:!?'"*_~]$/;

/** Escapes inline syntax in text that contains no URL. */
function escapeText(text: string): string {
  return text.replace(INLINE_SPECIAL, '\\$&').replace(ENTITY, '\\&');
}

/** Drops sentence punctuation and unbalanced closing parentheses from the end of a matched URL. */
function trimUrl(url: string): string {
  let u = url;
  for (;;) {
    if (TRAILING.test(u)) u = u.slice(0, -1);
    else if (u.endsWith(')') && (u.match(/\(/g) ?? []).length < (u.match(/\)/g) ?? []).length) u = u.slice(0, -1);
    else return u;
  }
}

/** The http(s) URLs in a text, each ending at the first character that cannot be part of it. */
function findUrls(text: string): { url: string; index: number }[] {
  return [...text.matchAll(URL)].map((m) => ({ url: trimUrl(m[0]), index: m.index })).filter((m) => /^https?:\/\/./i.test(m.url));
}

/** An explicit Markdown link whose text and target are exactly `url`. */
function linkTo(url: string): string {
  return `[${escapeText(url)}](<${url.replace(ENTITY, '\\&')}>)`;
}

/**
 * Escapes one line's inline syntax and turns its bare URLs into explicit links.
 *
 * @example
 * escapeInline('见 https://a.com/x,谢谢') // '见 [https://a.com/x](<https://a.com/x>),谢谢'
 */
export function escapeInline(line: string): string {
  let out = '';
  let at = 0;
  for (const { url, index } of findUrls(line)) {
    out += escapeText(line.slice(at, index)) + linkTo(url);
    at = index + url.length;
  }
  return out + escapeText(line.slice(at));
}

/**
 * One line of text as a Markdown line that starts no block: no list item (`1.` `1)` `-` `+` `*`),
 * heading (`#`, a setext `=`/`-` underline), block quote, thematic break, fence, HTML block or
 * indented code. Leading whitespace is dropped (it would make indented code).
 *
 * @example
 * escapeLine('1) 银行卡交易撤销') // '1\\) 银行卡交易撤销'
 */
export function escapeLine(line: string): string {
  return escapeInline(line.trim())
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^([-+>]|#{1,6}(?=\s|$))/, '\\$1')
    .replace(/^=+$/, '\\$&');
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Text a user sent, as it is answered and stored: lone surrogates made well-formed, control characters dropped (tabs and line
 * breaks kept), trimmed. Shared by the chat's request and the OpenAI-compatible one. Pure.
 *
 * @example
 * cleanTyped(' 挥卡\u0000报03\u0007 ') // '挥卡报03'
 */
export function cleanTyped(text: string): string {
  return text.toWellFormed().replace(CONTROL, '').trim();
}

/**
 * Whether an identifier or key a client sent holds a control character (a NUL, which no database text column takes, an escape):
 * such a value names nothing the app made, and is refused with a 400 before it reaches the store. Pure.
 */
export function hasControlCharacters(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  return /[\u0000-\u001F\u007F]/.test(text);
}

/** The longest title a conversation keeps: its first question is cut to it, a name given to it may not exceed it. */
export const TITLE_CHARS = 40;

/**
 * A conversation's name as kept: well-formed, control and format characters (NUL, zero-width spaces, direction marks) read as
 * spaces, runs of white space as one, trimmed. Shared by the rename API and the list that sends it.
 *
 * @example
 * cleanTitle('  王姐 的\n密码\u200B ') // '王姐 的 密码'
 */
export function cleanTitle(text: string): string {
  return text
    .toWellFormed()
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

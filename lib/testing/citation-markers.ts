/**
 * The citation marker forms the server's guard accepts (lib/text/citations.ts), shared by the
 * citations table test and the chip render test so both check the same list.
 */

/** Every marker form the server's citation guard accepts, with the ids it stands for. */
export const MARKER_FORMS: [marker: string, ids: string[]][] = [
  ['[FAQ2.5]', ['FAQ2.5']],
  ['【FAQ2.5】', ['FAQ2.5']],
  ['［FAQ2.5］', ['FAQ2.5']],
  ['[FAQ 2.5]', ['FAQ2.5']],
  ['[ FAQ2.5 ]', ['FAQ2.5']],
  ['[FAQ2 . 5]', ['FAQ2.5']],
  ['[faq2.5]', ['FAQ2.5']],
  ['[FAQ02.05]', ['FAQ2.5']],
  ['[FAQ10.12]', ['FAQ10.12']],
  ['[FAQ2.5, FAQ2.6]', ['FAQ2.5', 'FAQ2.6']],
  ['[FAQ2.5,FAQ2.6]', ['FAQ2.5', 'FAQ2.6']],
  ['[FAQ2.5、FAQ2.6]', ['FAQ2.5', 'FAQ2.6']],
  ['[FAQ2.5; FAQ2.6]', ['FAQ2.5', 'FAQ2.6']],
  ['[FAQ2.5;FAQ2.6]', ['FAQ2.5', 'FAQ2.6']],
  ['【FAQ2.5,FAQ 2.6, faq3.1】', ['FAQ2.5', 'FAQ2.6', 'FAQ3.1']],
  // Full-width separators, as a model writing Chinese types them (，；), written as escapes so no editor folds them to ASCII.
  ['[FAQ2.5\uFF0CFAQ2.6]', ['FAQ2.5', 'FAQ2.6']],
  ['【FAQ2.5\uFF1B FAQ2.6】', ['FAQ2.5', 'FAQ2.6']],
];

/** Text that looks like a citation but is not one. */
export const NOT_MARKERS = ['FAQ2.5', '[FAQ2]', '[FAQ2.]', '[见FAQ2.5]', '[FAQ2.5 FAQ2.6]', '(FAQ2.5)', '[FAQ2.5', '\\[FAQ2.5\\]'];

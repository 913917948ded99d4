/**
 * Digits said as characters, as voice input types them (幺三八…, 报九六): each character and the digit it stands for. Read by
 * the tokenizer (codes, lib/retrieval/tokenize.ts) and by redaction (numbers read out, lib/store/redact.ts), each where its
 * own pattern says a run of them is a number.
 */
export const SPOKEN_DIGITS: Readonly<Record<string, string>> = {
  零: '0',
  〇: '0',
  幺: '1',
  一: '1',
  二: '2',
  两: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
  // The capitals written on cheques and receipts (壹叁捌…), which redaction reads as digits too.
  壹: '1',
  贰: '2',
  叁: '3',
  肆: '4',
  伍: '5',
  陆: '6',
  柒: '7',
  捌: '8',
  玖: '9',
};

import type { CorpusIssue } from '../errors';

/** The lines of a `#`-commented text file that say something, with their 1-based numbers. */
function contentLines(text: string): { line: number; content: string }[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l, i) => ({ line: i + 1, content: l.replace(/#.*/, '').trim() }))
    .filter((l) => l.content !== '');
}

/** Each dictionary line as written: the word and what follows it (frequency, part of speech). */
function dictionaryLines(text: string): { line: number; word: string; rest: string[] }[] {
  return contentLines(text).map(({ line, content }) => {
    const [word = '', ...rest] = content.split(/\s+/);
    return { line, word, rest };
  });
}

/** Each synonym line as written: canonical word first, then its variants. */
function synonymLines(text: string): { line: number; words: string[]; empty: boolean }[] {
  return contentLines(text).map(({ line, content }) => {
    const raw = (content.includes('|') ? content.split('|') : content.split(/\s+/)).map((w) => w.trim().replace(/\s+/g, ' '));
    return { line, words: raw.filter(Boolean), empty: raw.some((w) => w === '') };
  });
}

/** How two spellings of a synonym count as the same word (as the tokenizer normalises them). */
const normalize = (w: string) => w.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Parses a jieba-style user dictionary (`词语 [频次] [词性]` per line, `#` comments); pure. */
export function parseDictionary(text: string): string[] {
  return dictionaryLines(text).map((l) => l.word);
}

/**
 * Parses the synonyms file, one group per line, canonical word first: `挥卡 闪付 拍卡`, or
 * with `|` when a variant has spaces: `无效商户 | invalid merchant`. `#` starts a comment. Pure.
 */
export function parseSynonyms(text: string): string[][] {
  return synonymLines(text)
    .map((l) => l.words)
    .filter((g) => g.length > 1);
}

/** Problems of the dictionary file, none of them fatal: repeated words and frequencies that are not numbers. */
export function checkDictionary(text: string): { errors: CorpusIssue[]; warnings: CorpusIssue[] } {
  const warnings: CorpusIssue[] = [];
  const first = new Map<string, number>();
  for (const { line, word, rest } of dictionaryLines(text)) {
    const seen = first.get(word);
    if (seen !== undefined) warnings.push({ line, message: `词语“${word}”重复(首次出现在第 ${seen} 行)` });
    else first.set(word, line);
    if (rest[0] !== undefined && !/^\d+$/.test(rest[0])) warnings.push({ line, message: `“${word}”的频次“${rest[0]}”不是正整数(格式:词语 [频次] [词性])` });
  }
  return { errors: [], warnings };
}

/**
 * Problems of the synonyms file. A word given two different canonical forms is an error: which one
 * it is rewritten to would depend on the order of lines (one canonical word may gather its variants
 * over several lines). Lines that change nothing are warnings.
 */
export function checkSynonyms(text: string): { errors: CorpusIssue[]; warnings: CorpusIssue[] } {
  const errors: CorpusIssue[] = [];
  const warnings: CorpusIssue[] = [];
  const groupOf = new Map<string, { line: number; canonical: string }>();
  for (const { line, words, empty } of synonymLines(text)) {
    if (empty) warnings.push({ line, message: '有空的同义词(多余的 “|”?)' });
    if (words.length < 2) {
      warnings.push({ line, message: `只有一个词“${words[0] ?? ''}”,不起作用(格式:标准词 同义词1 同义词2)` });
      continue;
    }
    const inLine = new Set<string>();
    for (const w of words) {
      const key = normalize(w);
      if (inLine.has(key)) {
        warnings.push({ line, message: `“${w}”在同一行中重复` });
        continue;
      }
      inLine.add(key);
      const other = groupOf.get(key);
      // The same canonical word may gather its variants over several lines; two canonical forms for one word conflict.
      if (other && normalize(other.canonical) !== normalize(words[0]!)) {
        errors.push({ line, message: `“${w}”在第 ${other.line} 行改写为“${other.canonical}”,此行又改写为“${words[0]}”:一个词只能有一个标准词` });
      } else if (!other) groupOf.set(key, { line, canonical: words[0]! });
    }
  }
  return { errors, warnings };
}

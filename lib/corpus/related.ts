import { z } from 'zod';
import type { CorpusIssue } from '../errors';

/** The related-questions file: entry id -> alternative questions and keywords staff type. */
export const relatedFileSchema = z.record(z.string().regex(/^FAQ\d+\.\d+$/, '键必须是条目编号,如 FAQ2.5'), z.array(z.string()));
export type AlternativesMap = Record<string, string[]>;

/** Parses the JSON text of the related-questions file (entry id -> alternative questions); pure. */
export function parseAlternatives(text: string): { alternatives: AlternativesMap; errors: CorpusIssue[] } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { alternatives: {}, errors: [{ line: 1, message: `不是合法的 JSON:${(e as Error).message}` }] };
  }
  const parsed = relatedFileSchema.safeParse(json);
  if (!parsed.success) {
    return { alternatives: {}, errors: parsed.error.issues.map((i) => ({ line: 1, message: `${i.path.join('.')}: ${i.message}` })) };
  }
  const alternatives: AlternativesMap = {};
  for (const [id, list] of Object.entries(parsed.data)) {
    alternatives[id] = [...new Set(list.map((s) => s.trim()).filter(Boolean))];
  }
  return { alternatives, errors: [] };
}

/** Parses a jieba-style user dictionary (`词语 [频次] [词性]` per line, `#` comments); pure. */
export function parseDictionary(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*/, '').trim().split(/\s+/)[0] ?? '')
    .filter((w) => w !== '');
}

/**
 * Parses the synonyms file, one group per line, canonical word first: `挥卡 闪付 拍卡`, or
 * with `|` when a variant has spaces: `无效商户 | invalid merchant`. `#` starts a comment. Pure.
 */
export function parseSynonyms(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*/, '').trim())
    .filter((l) => l !== '')
    .map((l) => (l.includes('|') ? l.split('|') : l.split(/\s+/)).map((w) => w.trim().replace(/\s+/g, ' ')).filter(Boolean))
    .filter((g) => g.length > 1);
}

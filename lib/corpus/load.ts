import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { CorpusError } from '../errors';
import { buildKbEntries } from './knowledge-base';
import { parseFaq } from './parse';
import { parseDictionary, parseRelated, parseSynonyms } from './related';
import type { CorpusWarning, FaqCategory, KbEntry } from './schema';

export interface CorpusFiles {
  corpusFile: string;
  relatedFile: string;
  dictionaryFile: string;
  synonymsFile: string;
}

export interface LoadedCorpus {
  entries: KbEntry[];
  categories: FaqCategory[];
  /** Entries as in the file, before identical ones were merged. */
  rawCount: number;
  dictionary: string[];
  synonyms: string[][];
  warnings: CorpusWarning[];
  /** sha256 of the FAQ file alone. */
  corpusSha256: string;
  /** sha256 over every input that shapes the index (FAQ, related questions, dictionary, synonyms). */
  inputsSha256: string;
}

async function readOptional(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/**
 * Reads and validates the FAQ and its companion files. The related-questions and
 * dictionary files are optional, so another FAQ in the same format works without them.
 * Throws CorpusError (with line numbers) when the FAQ is malformed.
 */
export async function loadCorpus(files: CorpusFiles): Promise<LoadedCorpus> {
  const text = await readOptional(files.corpusFile);
  if (text === null) throw new CorpusError([{ line: 0, message: `找不到 FAQ 文件 ${files.corpusFile}` }]);
  const relatedText = await readOptional(files.relatedFile);
  const dictText = await readOptional(files.dictionaryFile);
  const synonymsText = await readOptional(files.synonymsFile);

  const parsed = parseFaq(text);
  if (parsed.errors.length) throw new CorpusError(parsed.errors, files.corpusFile);
  const related = relatedText === null ? { related: {}, errors: [] } : parseRelated(relatedText);
  if (related.errors.length) throw new CorpusError(related.errors, files.relatedFile);
  const kb = buildKbEntries(parsed.entries, related.related);

  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  return {
    entries: kb.entries,
    categories: parsed.categories,
    rawCount: parsed.entries.length,
    dictionary: dictText === null ? [] : parseDictionary(dictText),
    synonyms: synonymsText === null ? [] : parseSynonyms(synonymsText),
    warnings: [...parsed.warnings, ...kb.warnings],
    corpusSha256: sha(text),
    inputsSha256: sha([text, relatedText ?? '', dictText ?? '', synonymsText ?? ''].join('\u0000')),
  };
}

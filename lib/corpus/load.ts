import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { CorpusError } from '../errors';
import { mergeEntries } from './merge';
import { parseFaq } from './parse';
import { type AlternativesMap, parseAlternatives, parseDictionary, parseSynonyms } from './related';
import type { CorpusWarning, Entry, FaqCategory } from './schema';

/** Where the FAQ and its companion files are; every companion file is optional. */
export interface CorpusFiles {
  corpusFile: string;
  relatedFile: string;
  dictionaryFile: string;
  synonymsFile: string;
  /** A larger domain thesaurus, one group of equivalent terms per line (`a | b | c`); read like the synonyms file, after it. */
  thesaurusFile: string;
}

/** The FAQ as parsed and merged, with the vocabulary that shapes its index. */
export interface Corpus {
  entries: Entry[];
  categories: FaqCategory[];
  /** Entries as in the file, before identical ones were merged. */
  rawCount: number;
  dictionary: string[];
  synonyms: string[][];
  warnings: CorpusWarning[];
  /** sha256 of the FAQ file alone. */
  corpusSha256: string;
  /** sha256 over every input that shapes the index (FAQ, companion files, added alternatives). */
  inputsSha256: string;
}

/** Every file a corpus is read from, for watching and hashing. */
export function corpusFileList(files: CorpusFiles): string[] {
  return [files.corpusFile, files.relatedFile, files.dictionaryFile, files.synonymsFile, files.thesaurusFile];
}

async function readOptional(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

function mergeAlternatives(a: AlternativesMap, b: AlternativesMap): AlternativesMap {
  const out: AlternativesMap = { ...a };
  for (const [id, list] of Object.entries(b)) out[id] = [...new Set([...(out[id] ?? []), ...list])];
  return out;
}

/**
 * Reads and validates the FAQ and its companion files. The companion files are optional,
 * so another FAQ in the same format works without them. `extraAlternatives` (added by an
 * admin, kept in the database) are applied on top of the related-questions file.
 * Throws CorpusError (with line numbers) when a file is malformed.
 */
export async function loadCorpus(files: CorpusFiles, extraAlternatives: AlternativesMap = {}): Promise<Corpus> {
  const text = await readOptional(files.corpusFile);
  if (text === null) throw new CorpusError([{ line: 0, message: `找不到 FAQ 文件 ${files.corpusFile}` }]);
  const [relatedText, dictText, synonymsText, thesaurusText] = (await Promise.all(
    [files.relatedFile, files.dictionaryFile, files.synonymsFile, files.thesaurusFile].map(readOptional),
  )) as [string | null, string | null, string | null, string | null];

  const parsed = parseFaq(text);
  if (parsed.errors.length) throw new CorpusError(parsed.errors, files.corpusFile);
  const related = relatedText === null ? { alternatives: {}, errors: [] } : parseAlternatives(relatedText);
  if (related.errors.length) throw new CorpusError(related.errors, files.relatedFile);
  const merged = mergeEntries(parsed.entries, mergeAlternatives(related.alternatives, extraAlternatives));

  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  const extra = JSON.stringify(Object.entries(extraAlternatives).sort(([a], [b]) => a.localeCompare(b)));
  return {
    entries: merged.entries,
    categories: parsed.categories,
    rawCount: parsed.entries.length,
    dictionary: dictText === null ? [] : parseDictionary(dictText),
    synonyms: [...(synonymsText === null ? [] : parseSynonyms(synonymsText)), ...(thesaurusText === null ? [] : parseSynonyms(thesaurusText))],
    warnings: [...parsed.warnings, ...merged.warnings],
    corpusSha256: sha(text),
    inputsSha256: sha([text, relatedText ?? '', dictText ?? '', synonymsText ?? '', thesaurusText ?? '', extra].join('\u0000')),
  };
}

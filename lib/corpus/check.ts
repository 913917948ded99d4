import path from 'node:path';
import { CorpusError } from '../errors';
import { alternativesFit, foreignAlternativesWarning } from './foreign';
import { type CorpusFiles, decodeUtf8, readOptionalBytes } from './load';
import { mergeEntries } from './merge';
import { realignAlternatives, realignedWarnings } from './realign';
import { parseFaq } from './parse';
import { parseAlternatives, type RelatedLines } from './related';
import { type Entry, normalizeForDedup } from './schema';
import { checkDictionary, checkSynonyms } from './vocabulary';

/** One problem found by `npm run ingest -- --check`, where it is written. */
export interface CheckProblem {
  file: string;
  /** 1-based; 0 when the problem is the file as a whole (say, missing). */
  line: number;
  column?: number;
  severity: 'error' | 'warning';
  message: string;
}

/** The texts of the FAQ and its companion files; null when a file does not exist. */
export interface CorpusTexts {
  faq: string | null;
  related: string | null;
  dictionary: string | null;
  synonyms: string | null;
  /** Optional: the domain thesaurus, checked like the synonyms file. */
  thesaurus?: string | null;
}

export interface CheckResult {
  problems: CheckProblem[];
  /** Entries in the FAQ as written (before identical ones are merged). */
  entries: number;
}

/** The line of a related-questions warning from the merge (an unknown id, a question under two entries). */
function relatedLine(w: { kind: string; ids: string[] }, lines: RelatedLines, merged: Entry[]): number {
  if (w.kind === 'unknown_related_id' || w.kind === 'renumbered_related') return lines.keys[w.ids[0]!] ?? 1;
  const idsOf = (id: string) => merged.find((e) => e.id === id)?.ids ?? [id];
  const [first, second] = w.ids;
  const firstValues = new Set(idsOf(first!).flatMap((id) => (lines.items[id] ?? []).map((i) => normalizeForDedup(i.value))));
  for (const id of idsOf(second!)) {
    const item = lines.items[id]?.find((i) => firstValues.has(normalizeForDedup(i.value)));
    if (item) return item.line;
  }
  return 1;
}

/**
 * Validates the FAQ and its companion files without writing anything; pure. Errors are what
 * ingest would refuse or what makes matching depend on chance; warnings are reported by ingest too
 * (identical entries, an empty answer, alternative questions under two entries or an unknown id).
 */
export function checkCorpusTexts(texts: CorpusTexts, files: CorpusFiles): CheckResult {
  const problems: CheckProblem[] = [];
  const add = (file: string, severity: CheckProblem['severity'], issues: { line: number; column?: number; message: string }[]) =>
    problems.push(...issues.map((i) => ({ file, severity, line: i.line, ...(i.column ? { column: i.column } : {}), message: i.message })));

  const faq = texts.faq === null ? null : parseFaq(texts.faq);
  if (!faq) add(files.corpusFile, 'error', [{ line: 0, message: '找不到 FAQ 文件' }]);
  else {
    add(files.corpusFile, 'error', faq.errors);
    add(files.corpusFile, 'warning', faq.warnings);
  }
  if (texts.related !== null) {
    const related = parseAlternatives(texts.related);
    add(files.relatedFile, 'error', related.errors);
    add(files.relatedFile, 'warning', related.warnings);
    // Ids can only be checked against an FAQ that parsed; a file written for another FAQ is set aside whole.
    if (faq && faq.errors.length === 0 && related.errors.length === 0) {
      const fit = alternativesFit(faq.entries, related.alternatives);
      if (!fit.fits) add(files.relatedFile, 'warning', [foreignAlternativesWarning(fit)]);
      else {
        const realigned = realignAlternatives(faq.entries, related.alternatives);
        const merged = mergeEntries(faq.entries, realigned.alternatives);
        add(
          files.relatedFile,
          'warning',
          [...realignedWarnings(realigned.moved), ...merged.warnings].map((w) => ({ line: relatedLine(w, related.lines, merged.entries), message: w.message })),
        );
      }
    }
  }
  for (const [text, file, check] of [
    [texts.dictionary, files.dictionaryFile, checkDictionary],
    [texts.synonyms, files.synonymsFile, checkSynonyms],
    [texts.thesaurus ?? null, files.thesaurusFile, checkSynonyms],
  ] as const) {
    if (text === null) continue;
    const { errors, warnings } = check(text);
    add(file, 'error', errors);
    add(file, 'warning', warnings);
  }
  const order = [files.corpusFile, files.relatedFile, files.dictionaryFile, files.synonymsFile, files.thesaurusFile];
  problems.sort((a, b) => order.indexOf(a.file) - order.indexOf(b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  return { problems, entries: faq?.entries.length ?? 0 };
}

/** A file's text, or null when it does not exist; bytes that are not UTF-8 are a problem on their line (and decoded as best can be). */
async function readOptional(file: string, problems: CheckProblem[]): Promise<string | null> {
  const bytes = await readOptionalBytes(file);
  if (bytes === null) return null;
  try {
    return decodeUtf8(bytes, file);
  } catch (e) {
    if (!(e instanceof CorpusError)) throw e;
    problems.push(...e.issues.map((i) => ({ file, severity: 'error' as const, line: i.line, message: i.message })));
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Reads the FAQ and its companion files (the companions are optional) and validates them; writes nothing. */
export async function checkCorpusFiles(files: CorpusFiles): Promise<CheckResult> {
  const encoding: CheckProblem[] = [];
  const [faq, related, dictionary, synonyms, thesaurus] = await Promise.all(
    [files.corpusFile, files.relatedFile, files.dictionaryFile, files.synonymsFile, files.thesaurusFile].map((f) => readOptional(f, encoding)),
  );
  const result = checkCorpusTexts(
    { faq: faq ?? null, related: related ?? null, dictionary: dictionary ?? null, synonyms: synonyms ?? null, thesaurus: thesaurus ?? null },
    files,
  );
  return { ...result, problems: [...encoding, ...result.problems] };
}

/** A path as a person reads it: relative to `cwd` when inside it, absolute otherwise. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}

/** `file:line:column: 错误:…`, the form editors and CI annotate. */
export function formatProblem(p: CheckProblem, cwd = process.cwd()): string {
  const where = [displayPath(p.file, cwd), p.line || null, p.column ?? null].filter((x) => x !== null).join(':');
  return `${where}: ${p.severity === 'error' ? '错误' : '警告'}:${p.message}`;
}

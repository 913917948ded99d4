import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_CORPUS_FILES } from '../testing/corpus-copy';
import { checkCorpusTexts } from './check';
import { alternativesFit } from './foreign';
import { loadCorpus } from './load';
import { parseFaq } from './parse';
import { parseAlternatives } from './related';

const HR_FAQ = path.join(import.meta.dirname, '__fixtures__/hr-faq.txt');
const hr = parseFaq(readFileSync(HR_FAQ, 'utf8')).entries;
const paymentsRelated = parseAlternatives(readFileSync(REPO_CORPUS_FILES.relatedFile, 'utf8')).alternatives;
const hrRelated = {
  'FAQ1.1': ['休年假要走什么流程', '一年能休几天假'],
  'FAQ1.2': ['早上没打上卡怎么办'],
  'FAQ2.1': ['这个月发了多少钱在哪看'],
  'FAQ2.3': ['租房能取公积金吗'],
  'FAQ3.2': ['辞职要办哪些手续'],
};

describe('alternativesFit', () => {
  const entries = parseFaq(readFileSync(REPO_CORPUS_FILES.corpusFile, 'utf8')).entries;

  it('finds the project’s related questions at home in the project’s FAQ', () => {
    expect(alternativesFit(entries, paymentsRelated)).toMatchObject({ checked: 112, meanRank: 0, fits: true });
  });

  it('keeps a file of alternatives that share few words with their entries: English and pinyin only, or wordings the miss queue collects', () => {
    const latin = Object.fromEntries(Object.entries(paymentsRelated).map(([id, list]) => [id, list.filter((q) => /^[\x20-\x7e]+$/.test(q))]));
    expect(alternativesFit(entries, latin).fits).toBe(true);
    // Per entry, the alternative sharing the fewest character pairs with it: what a miss attached from the queue looks like.
    const pairs = (t: string) => new Set([...t].slice(1).map((c, i) => t[i] + c));
    const shared = (q: string, e: (typeof entries)[number]) => {
      const own = pairs(e.question + e.solution);
      return [...pairs(q)].filter((p) => own.has(p)).length;
    };
    const hardest = Object.fromEntries(
      entries.map((e) => [e.id, [...(paymentsRelated[e.id] ?? [])].sort((a, b) => shared(a, e) - shared(b, e)).slice(0, 1)]),
    );
    expect(alternativesFit(entries, hardest).fits).toBe(true);
  });

  it('finds them foreign to another FAQ, although every id they use exists there', () => {
    expect(hr.every((e) => paymentsRelated[e.id])).toBe(true);
    expect(alternativesFit(hr, paymentsRelated)).toMatchObject({ checked: 8, fits: false });
  });

  it('keeps a file written for the FAQ, and one too small to judge', () => {
    expect(alternativesFit(hr, hrRelated).fits).toBe(true);
    expect(alternativesFit(hr, { 'FAQ1.1': ['工资条在哪看'], 'FAQ1.2': ['社保基数'] })).toMatchObject({ checked: 2, fits: true });
  });
});

describe('another FAQ with this FAQ’s companion files', () => {
  const files = { ...REPO_CORPUS_FILES, corpusFile: HR_FAQ };

  it('is loaded without the foreign alternative questions, and says so', async () => {
    const corpus = await loadCorpus(files);
    expect(corpus.entries).toHaveLength(8);
    expect(corpus.entries.every((e) => e.alternatives.length === 0)).toBe(true);
    expect(corpus.warnings.filter((w) => w.kind === 'foreign_related')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('可能是为另一份 FAQ 编写的,已整体忽略') }),
    ]);
  });

  it('gets the same warning from ingest --check, instead of one per unknown id', () => {
    const r = checkCorpusTexts(
      { faq: readFileSync(HR_FAQ, 'utf8'), related: readFileSync(REPO_CORPUS_FILES.relatedFile, 'utf8'), dictionary: null, synonyms: null },
      files,
    );
    expect(r.problems).toEqual([expect.objectContaining({ file: files.relatedFile, severity: 'warning', message: expect.stringContaining('不匹配') })]);
  });
});

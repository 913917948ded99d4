import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_CORPUS_FILES } from '../testing/corpus-copy';
import { type CorpusTexts, checkCorpusFiles, checkCorpusTexts, formatProblem } from './check';

const files = REPO_CORPUS_FILES;
const FAQ = 'FAQ1:分类一\nFAQ1.1\n问题描述:问题一?\n解决方法:答案一\nFAQ1.2\n问题描述:问题二?\n解决方法:答案二\n';
const texts = (over: Partial<CorpusTexts>): CorpusTexts => ({ faq: FAQ, related: null, dictionary: null, synonyms: null, ...over });

describe('checkCorpusFiles on the real corpus', () => {
  it('finds no errors, only the warnings ingest reports (two identical pairs, one empty answer)', async () => {
    const { problems, entries } = await checkCorpusFiles(files);
    expect(entries).toBe(112);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.map((p) => `${path.basename(p.file)}:${p.line}`)).toEqual(['faq.txt:85', 'faq.txt:659', 'faq.txt:669']);
  });
});

describe('checkCorpusTexts', () => {
  it('reports every FAQ error with its line, and a missing FAQ file', () => {
    const broken = 'FAQ1:分类一\nFAQ1.1\n问题描述:问题一?\nFAQ1.1\n问题描述:x\n解决方法:y\n';
    const r = checkCorpusTexts(texts({ faq: broken }), files);
    expect(r.problems.map((p) => [p.severity, p.line, p.message])).toEqual([
      ['error', 2, 'FAQ1.1 缺少“解决方法:”'],
      ['error', 4, expect.stringContaining('条目编号 FAQ1.1 重复')],
      ['error', 4, expect.stringContaining('未按顺序递增')],
    ]);
    expect(checkCorpusTexts(texts({ faq: null }), files).problems).toEqual([
      { file: files.corpusFile, line: 0, severity: 'error', message: '找不到 FAQ 文件' },
    ]);
  });

  it('locates an unknown id and an alternative question under two entries in related.json', () => {
    const related = '{\n  "FAQ1.1": ["退款多久"],\n  "FAQ1.9": ["x"],\n  "FAQ1.2": [\n    "别的",\n    "退款 多久"\n  ]\n}';
    const r = checkCorpusTexts(texts({ related }), files);
    expect(r.problems).toEqual([
      { file: files.relatedFile, line: 3, severity: 'warning', message: '相似问题中的 FAQ1.9 在 FAQ 中不存在,已忽略' },
      { file: files.relatedFile, line: 6, severity: 'warning', message: '相似问题“退款 多久”同时属于 FAQ1.1 和 FAQ1.2' },
    ]);
  });

  it('does not check ids against an FAQ that did not parse', () => {
    const r = checkCorpusTexts(texts({ faq: 'nonsense\n', related: '{ "FAQ7.7": ["x"] }' }), files);
    expect(r.problems.every((p) => p.file === files.corpusFile)).toBe(true);
  });

  it('collects errors and warnings of every file, in file then line order', () => {
    const r = checkCorpusTexts(texts({ related: '{\n  "FAQ1.1": [1]\n}', dictionary: 'a\na\n', synonyms: 'x y\nz y\n' }), files);
    expect(r.problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.severity}`)).toEqual([
      'related.json:2:error',
      'dictionary.txt:2:warning',
      'synonyms.txt:2:error',
    ]);
  });
});

describe('formatProblem', () => {
  it('writes file:line[:column]: 错误|警告:message, relative inside cwd', () => {
    expect(formatProblem({ file: '/x/corpus/related.json', line: 8, column: 14, severity: 'error', message: 'm' }, '/x')).toBe(
      'corpus/related.json:8:14: 错误:m',
    );
    expect(formatProblem({ file: '/y/faq.txt', line: 0, severity: 'warning', message: 'm' }, '/x')).toBe('/y/faq.txt: 警告:m');
  });
});

import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_CORPUS_FILES } from '../testing/corpus-copy';
import { type CorpusTexts, checkCorpusFiles, checkCorpusTexts, formatProblem } from './check';
import { loadCorpus } from './load';

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

describe('a file that is not UTF-8', () => {
  it('is an error on the line of its first bad byte, for check and for ingest alike', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'faq-enc-'));
    try {
      const corpusFile = path.join(dir, 'faq.txt');
      const bytes = Buffer.concat([Buffer.from('FAQ1:分类一\nFAQ1.1\n问题描述:\n问题一?\n解决方法:\n'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('\n')]);
      await writeFile(corpusFile, bytes);
      const only = { ...files, corpusFile, relatedFile: '-', dictionaryFile: '-', synonymsFile: '-', thesaurusFile: '-', generatedFile: '-' };
      const { problems } = await checkCorpusFiles(only);
      expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', line: 6, message: expect.stringContaining('不是 UTF-8 编码') }));
      await expect(loadCorpus(only)).rejects.toThrow(/第 6 行.*不是 UTF-8 编码/);
      // Cut in the middle of its last character: incomplete, not another encoding.
      await writeFile(corpusFile, Buffer.from('FAQ1:分类一\nFAQ1.1\n问题描述:\n问题一?\n解决方法:\n答案').subarray(0, -1));
      await expect(loadCorpus(only)).rejects.toThrow(/第 6 行:文件不完整:最后一个字符被截断/);
      // Missing: said so, not as a format error on line 0.
      await rm(corpusFile);
      await expect(loadCorpus(only)).rejects.toThrow(/faq\.txt 无法读取:\n {2}找不到 FAQ 文件 faq\.txt$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
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

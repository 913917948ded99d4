import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDictionary, checkSynonyms, parseDictionary, parseSynonyms } from './vocabulary';

const root = path.resolve(__dirname, '../..');
const read = (name: string) => readFileSync(path.join(root, 'corpus', name), 'utf8');

describe('parseDictionary and parseSynonyms', () => {
  it('read words and groups, skipping comments, blank lines and one-word lines', () => {
    expect(parseDictionary('\uFEFF# c\n收银宝 50000 n\n\n  好老板  # note\n')).toEqual(['收银宝', '好老板']);
    expect(parseSynonyms('# c\n挥卡 闪付 拍卡\r\n单独\n无效商户 | invalid  merchant |\n')).toEqual([
      ['挥卡', '闪付', '拍卡'],
      ['无效商户', 'invalid merchant'],
    ]);
  });
});

describe('checkDictionary', () => {
  it('finds nothing wrong in the real dictionary', () => {
    expect(checkDictionary(read('dictionary.txt'))).toEqual({ errors: [], warnings: [] });
  });

  it('warns about repeated words and frequencies that are not numbers, with their lines', () => {
    const r = checkDictionary('收银宝 50000\n# c\n收银宝\n好老板 abc\n');
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      { line: 3, message: '词语“收银宝”重复(首次出现在第 1 行)' },
      { line: 4, message: expect.stringContaining('“好老板”的频次“abc”不是正整数') },
    ]);
  });
});

describe('checkSynonyms', () => {
  it('accepts the real synonyms file, where one canonical word gathers variants over several lines', () => {
    const r = checkSynonyms(read('synonyms.txt'));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('rejects a word given two canonical forms, at the second line', () => {
    const r = checkSynonyms('挥卡 闪付\n退款 退货\n拍卡 闪付\nREFUND | refund\n退款 | Refund\n');
    expect(r.errors).toEqual([
      { line: 3, message: '“闪付”在第 1 行改写为“挥卡”,此行又改写为“拍卡”:一个词只能有一个标准词' },
      { line: 5, message: '“Refund”在第 4 行改写为“REFUND”,此行又改写为“退款”:一个词只能有一个标准词' },
    ]);
  });

  it('warns about lines that change nothing, repeated words and empty variants', () => {
    const r = checkSynonyms('单独\n挥卡 闪付 闪付\n退款 || 退货\n');
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => [w.line, w.message])).toEqual([
      [1, '只有一个词“单独”,不起作用(格式:标准词 同义词1 同义词2)'],
      [2, '“闪付”在同一行中重复'],
      [3, '有空的同义词(多余的 “|”?)'],
    ]);
  });
});

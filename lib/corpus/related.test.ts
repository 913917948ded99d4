import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAlternatives, positionOf } from './related';

const root = path.resolve(__dirname, '../..');

describe('parseAlternatives', () => {
  it('reads the real related-questions file without problems and knows where each key is', () => {
    const text = readFileSync(path.join(root, 'corpus/related.json'), 'utf8');
    const r = parseAlternatives(text);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.alternatives['FAQ2.5']).toContain('挥卡报03');
    const line = text.split('\n').findIndex((l) => l.includes('"FAQ2.5"')) + 1;
    expect(r.lines.keys['FAQ2.5']).toBe(line);
    expect(r.lines.items['FAQ2.5']![0]).toEqual({ value: '挥卡报03', line: line + 1 });
  });

  it.each([
    ['a trailing comma in a list', '{\n  "FAQ1.1": [\n    "a",\n  ]\n}', 4, 3, '多了一个逗号'],
    ['a missing comma between keys', '{\n  "FAQ1.1": ["a"]\n  "FAQ1.2": ["b"]\n}', 3, 3, '缺少逗号'],
    ['a single-quoted string', '{\n  "FAQ1.1": [\'a\']\n}', 2, 14, '双引号'],
    ['a line break inside a string', '{\n  "FAQ1.1": ["a\nb"]\n}', 2, 14, '字符串没有结束'],
    ['a missing closing brace', '{\n  "FAQ1.1": ["a"]\n', 3, 1, '缺少右花括号'],
    ['a comment', '{\n  // note\n  "FAQ1.1": ["a"]\n}', 2, 3, '注释'],
  ])('puts a syntax error (%s) at its real line and column', (_name, text, line, column, words) => {
    const r = parseAlternatives(text);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ line, column });
    expect(r.errors[0]!.message).toContain(words);
    expect(r.alternatives).toEqual({});
  });

  it('puts schema errors at the offending key or element, in Chinese', () => {
    const text = '{\n  "FAQ1.1": ["a"],\n  "FAQ-1": ["b"],\n  "FAQ1.2": "c",\n  "FAQ1.3": [\n    "d",\n    4\n  ]\n}';
    const r = parseAlternatives(text);
    expect(r.errors.map((e) => [e.line, e.message])).toEqual([
      [3, 'FAQ-1:键必须是条目编号,如 FAQ2.5'],
      [4, expect.stringContaining('FAQ1.2:值必须是相似问题的数组')],
      [7, 'FAQ1.3.1:相似问题必须是字符串'],
    ]);
  });

  it('rejects a file that is not an object, at line 1', () => {
    expect(parseAlternatives('["FAQ1.1"]').errors).toEqual([{ line: 1, column: 1, message: expect.stringContaining('JSON 对象') }]);
  });

  it('warns about a key written twice (JSON keeps the last), and empty or repeated alternatives', () => {
    const r = parseAlternatives('{\n  "FAQ1.1": ["a"],\n  "FAQ1.2": ["b", " ", "b"],\n  "FAQ1.1": ["c"]\n}');
    expect(r.errors).toEqual([]);
    expect(r.alternatives).toEqual({ 'FAQ1.1': ['c'], 'FAQ1.2': ['b'] });
    expect(r.warnings.map((w) => [w.line, w.message])).toEqual([
      [4, '键 FAQ1.1 重复(首次出现在第 2 行),只有最后一处生效'],
      [3, 'FAQ1.2 有一个空的相似问题,已忽略'],
      [3, 'FAQ1.2 的相似问题“b”重复'],
    ]);
  });

  it('ignores a BOM and counts lines across CRLF', () => {
    const r = parseAlternatives('\uFEFF{\r\n  "FAQ1.1": ["a"],\r\n  "FAQ1.2": ["b",]\r\n}');
    expect(r.errors[0]).toMatchObject({ line: 3, column: 18 });
  });
});

describe('positionOf', () => {
  it('turns an offset into a 1-based line and column', () => {
    expect(positionOf('ab\ncd\n', 0)).toEqual({ line: 1, column: 1 });
    expect(positionOf('ab\ncd\n', 4)).toEqual({ line: 2, column: 2 });
    expect(positionOf('ab', 99)).toEqual({ line: 1, column: 3 });
    expect(positionOf('ab\n\ncd', 3)).toEqual({ line: 2, column: 1 });
    expect(positionOf('ab\n', 3)).toEqual({ line: 2, column: 1 });
    expect(positionOf('\nx', 0)).toEqual({ line: 1, column: 1 });
  });
});

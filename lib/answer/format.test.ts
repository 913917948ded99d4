import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFaq } from '../corpus/parse';
import { formatSolution } from './format';

const { entries } = parseFaq(readFileSync(path.resolve(__dirname, '../../corpus/faq.txt'), 'utf8'));
const answerOf = (id: string) => entries.find((e) => e.id === id)!.solution;

describe('formatSolution', () => {
  it('keeps every line of a numbered solution on its own line', () => {
    const md = formatSolution(answerOf('FAQ2.9'));
    expect(md.split('\\\n')).toHaveLength(3);
    expect(md).toContain('1.确认商户号是否开通小额双免');
  });

  it('turns the pipe table of FAQ4.1 into a GFM table with a header separator', () => {
    const lines = formatSolution(answerOf('FAQ4.1')).split('\n');
    expect(lines[0]).toBe('| 商户性质 | 审核材料 | 授权方式 |');
    expect(lines[1]).toBe('| --- | --- | --- |');
    expect(lines).toHaveLength(7);
  });

  it('fences the JSON snippets of FAQ5.26 as code', () => {
    const md = formatSolution(answerOf('FAQ5.26'));
    expect(md.match(/```json/g)).toHaveLength(2);
    expect(md).toContain('"order_number_type":1,\n"out_trade_no"');
  });

  it('leaves the long URL of FAQ6.1 intact', () => {
    expect(formatSolution(answerOf('FAQ6.1'))).toContain('https://kf.qq.com/touch/sappfaq/200417IjUZVJ2004172mYfI7.html?scene_id=kf594&platform=14');
  });

  it('escapes what Markdown would reinterpret', () => {
    expect(formatSolution('# 不是标题\n1. 不是列表\n*星号*')).toBe('\\# 不是标题\\\n1\\. 不是列表\\\n\\*星号\\*');
  });
});

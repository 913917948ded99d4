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
    expect(formatSolution('a_b [c] `d` ~e~ <f> g|h i\\j &amp;')).toBe('a\\_b \\[c\\] \\`d\\` \\~e\\~ \\<f> g\\|h i\\\\j \\&amp;');
    expect(formatSolution('---\n===\n+ 加\n> 引')).toBe('\\---\\\n\\===\\\n\\+ 加\\\n\\> 引');
  });

  it('keeps the 1) 2) of FAQ2.6 and the dashes of FAQ3.7 as text, not list markers', () => {
    const faq26 = formatSolution(answerOf('FAQ2.6')).split('\\\n');
    expect(faq26[1]).toBe('1\\) 银行卡交易撤销,即时到账;');
    expect(faq26[2]).toBe('2\\) 扫码交易撤销');
    expect(faq26[6]).toBe('1)银行卡交易退款,POS小票为发卡行受理成功凭证,入账时间以发卡行处理时效为准,不同发卡行处理时效不同;');
    expect(formatSolution(answerOf('FAQ3.7'))).toMatch(/^\\- 单商户模式下.*\\\n\\- 共享模式下/);
  });

  it('links each URL of FAQ5.9 explicitly, ending before the text that follows it', () => {
    expect(formatSolution(answerOf('FAQ5.9'))).toContain(
      '[https://www.weixin.com/abc/123/](<https://www.weixin.com/abc/123/>),则实际请求页面目录不能为[https://www.weixin.com/abc/](<https://www.weixin.com/abc/>),',
    );
  });
});

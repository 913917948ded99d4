import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSolution } from '../answer/format';
import { parseFaq } from '../corpus/parse';
import { toPlainText } from './plain-text';

describe('toPlainText', () => {
  it.each([
    ['bold and a citation', '**银行卡退款多久到账?** [FAQ2.6]', '银行卡退款多久到账? [FAQ2.6]'],
    ['citations in any form become [FAQx.y]', '见 [FAQ2.5, FAQ 2.6] 与 【FAQ3.1】', '见 [FAQ2.5][FAQ2.6] 与 [FAQ3.1]'],
    ['hard breaks and escapes', '1\\) 撤销\\\n2\\) 退款\\\na\\_b \\*c\\*', '1) 撤销\n2) 退款\na_b *c*'],
    ['paragraphs', '第一段\n\n第二段', '第一段\n\n第二段'],
    ['an ordered list keeps its numbers', '3. 三\n4. 四', '3. 三\n4. 四'],
    ['a bullet list', '- 甲\n- 乙\n  - 丙', '- 甲\n- 乙\n  - 丙'],
    ['a table as tab-separated rows', '| 性质 | 材料 |\n| --- | --- |\n| 个体户 | 执照 |', '性质\t材料\n个体户\t执照'],
    ['a link as text (url)', '见[指南](https://a.example.com/x)。', '见指南 (https://a.example.com/x)。'],
    ['a link whose text is its url', '[https://a.example.com/](<https://a.example.com/>),则', 'https://a.example.com/,则'],
    ['code as written', '```json\n{ "a": 1 }\n```', '{ "a": 1 }'],
    ['heading, emphasis, strikethrough, inline code', '# 标题\n\n*斜* ~~删~~ `码`', '标题\n\n斜 删 码'],
    ['a thematic break between two entries', '甲\n\n---\n\n乙', '甲\n\n——————\n\n乙'],
  ])('%s', (_name, markdown, plain) => {
    expect(toPlainText(markdown)).toBe(plain);
  });

  it('gives back every FAQ solution as written, from the Markdown the chat shows', () => {
    const { entries } = parseFaq(readFileSync(path.resolve(import.meta.dirname, '../../corpus/faq.txt'), 'utf8'));
    for (const e of entries.filter((x) => x.solution.trim() !== '' && !x.solution.includes('|'))) {
      const expected = e.solution
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .join('\n');
      const got = toPlainText(formatSolution(e.solution))
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .join('\n');
      expect(got, e.id).toBe(expected);
    }
  });
});

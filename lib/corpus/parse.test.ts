import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeEntries } from './merge';
import { parseFaq } from './parse';

const root = path.resolve(__dirname, '../..');
const fixture = (name: string) => readFileSync(path.join(__dirname, '__fixtures__', name), 'utf8');

describe('parseFaq on the real corpus', () => {
  const result = parseFaq(readFileSync(path.join(root, 'corpus/faq.txt'), 'utf8'));

  it('finds 112 entries in 9 categories without errors', () => {
    expect(result.errors).toEqual([]);
    expect(result.entries).toHaveLength(112);
    expect(result.categories.map((c) => c.id)).toEqual(['FAQ1', 'FAQ2', 'FAQ3', 'FAQ4', 'FAQ5', 'FAQ6', 'FAQ7', 'FAQ8', 'FAQ9']);
  });

  it('yields the documented entry shape', () => {
    const e = result.entries.find((x) => x.id === 'FAQ2.5')!;
    expect(e.category).toEqual({ id: 'FAQ2', name: '普通POS类' });
    expect(e.question).toBe('POS插卡消费,微信/支付宝支付都正常,但挥卡报03无效商户?');
    expect(e.solution).toContain('双免白名单');
    expect(e.line).toBe(61);
  });

  it('keeps the pipe table, the JSON snippet and the long URL intact', () => {
    const byId = (id: string) => result.entries.find((x) => x.id === id)!;
    expect(byId('FAQ4.1').solution.split('\n')).toHaveLength(6);
    expect(byId('FAQ5.26').solution).toContain('"order_number_type":2,');
    expect(byId('FAQ6.1').solution).toContain('isappinstalled=0');
  });

  it('warns about identical entries and the empty answer', () => {
    const dup = result.warnings.filter((w) => w.kind === 'duplicate').map((w) => w.ids);
    expect(dup).toEqual([
      ['FAQ2.4', 'FAQ2.8'],
      ['FAQ9.8', 'FAQ9.13'],
    ]);
    expect(result.warnings.filter((w) => w.kind === 'empty_answer').map((w) => w.ids)).toEqual([['FAQ9.15']]);
    expect(result.entries.find((x) => x.id === 'FAQ9.15')!.solution).toBe('');
  });

  it('merges identical entries, remembering both ids', () => {
    const { entries } = mergeEntries(result.entries, { 'FAQ2.8': ['小票没打出来'] });
    expect(entries).toHaveLength(110);
    const merged = entries.find((e) => e.id === 'FAQ2.4')!;
    expect(merged.ids).toEqual(['FAQ2.4', 'FAQ2.8']);
    expect(merged.alternatives).toEqual(['小票没打出来']);
    expect(entries.find((e) => e.id === 'FAQ9.8')!.ids).toEqual(['FAQ9.8', 'FAQ9.13']);
  });
});

describe('parseFaq on broken files', () => {
  it('reports a missing 解决方法 with its line', () => {
    const { errors } = parseFaq(fixture('missing-solution.txt'));
    expect(errors).toEqual([{ line: 7, message: 'FAQ1.2 缺少“解决方法:”' }]);
  });

  it('reports a label inside an entry’s text: an appended entry glued onto a file without a final newline (round 25, a fresh-clone check)', () => {
    const faq = readFileSync(path.join(import.meta.dirname, '../../corpus/faq.txt'), 'utf8');
    const lines = faq.split('\n').length;
    const { errors } = parseFaq(`${faq}FAQ9.16\n问题描述:\n测试新增条目怎么处理?\n解决方法:\n这是测试答案。\n`);
    expect(errors.map((e) => e.line)).toEqual([lines + 1, lines + 3]);
    expect(errors[0]!.message).toContain('“问题描述:”出现在 FAQ9.15 的正文中');
  });

  it('warns about entries that ask the same question and answer it differently (round 27’s fresh-clone check), not about twins', () => {
    const faq = [
      'FAQ5:线上支付类',
      'FAQ5.1',
      '问题描述:',
      'sign验证失败',
      '解决方法:',
      '检查签名算法。',
      'FAQ5.2',
      '问题描述:',
      'sign 验证失败',
      '解决方法:',
      '检查密钥是否过期。',
      'FAQ5.3',
      '问题描述:',
      '退款多久到账?',
      '解决方法:',
      '以发卡行为准。',
      'FAQ5.4',
      '问题描述:',
      '退款多久到账?',
      '解决方法:',
      '以发卡行为准。',
    ].join('\n');
    const { warnings } = parseFaq(faq);
    expect(warnings.filter((w) => w.kind === 'same_question').map((w) => [w.ids, w.line])).toEqual([[['FAQ5.1', 'FAQ5.2'], 7]]);
    expect(warnings.find((w) => w.kind === 'same_question')!.message).toContain('问题相同而解决方法不同');
    // Identical twins are merged, and say so as duplicates.
    expect(warnings.filter((w) => w.kind === 'duplicate').map((w) => w.ids)).toEqual([['FAQ5.3', 'FAQ5.4']]);
    // This FAQ has none.
    const real = parseFaq(readFileSync(path.join(root, 'corpus/faq.txt'), 'utf8'));
    expect(real.warnings.filter((w) => w.kind === 'same_question')).toEqual([]);
  });

  it('reports duplicate ids and entries under the wrong category', () => {
    const { errors } = parseFaq(fixture('bad-numbering.txt'));
    expect(errors.map((e) => e.line)).toEqual([7, 7, 12]);
    expect(errors[0]!.message).toContain('重复');
    expect(errors[2]!.message).toContain('不属于当前分类');
  });

  it('reports a category header missing its colon on its own line, once, not every entry under it (round 23, a fresh-clone check)', () => {
    const text = 'FAQ1:分类一\nFAQ1.1\n问题描述:\n问一?\n解决方法:\n答一。\nFAQ2分类二\nFAQ2.1\n问题描述:\n问二?\n解决方法:\n答二。\nFAQ2.2\n问题描述:\n问三?\n解决方法:\n答三。\n';
    const { errors, entries } = parseFaq(text);
    expect(errors).toEqual([{ line: 7, message: '分类标题应写作 FAQ2:分类二(此行缺少冒号)' }]);
    expect(entries.find((e) => e.id === 'FAQ1.1')!.solution).toBe('答一。');
    // An answer's line that starts like one, with no entry of that category after it, is the answer's.
    expect(parseFaq('FAQ1:分类一\nFAQ1.1\n问题描述:\n问一?\n解决方法:\n答一。\nFAQ3 类问题请联系客服\n').errors).toEqual([]);
    // Nor when it names the category it is in, with that category's next entry after it.
    expect(parseFaq('FAQ1:分类一\nFAQ1.1\n问题描述:\n问一?\n解决方法:\n答一。\nFAQ1 类问题也可拨打热线\nFAQ1.2\n问题描述:\n问二?\n解决方法:\n答二。\n').errors).toEqual([]);
  });

  it('accepts a BOM, CRLF line ends, full-width colons and trailing spaces', () => {
    const { entries, errors } = parseFaq(fixture('bom-crlf-fullwidth.txt'));
    expect(errors).toEqual([]);
    expect(entries).toEqual([{ id: 'FAQ1.1', category: { id: 'FAQ1', name: '分类一' }, question: '怎么办?', solution: '答案。', line: 2 }]);
  });

  it('rejects text before any category and an empty file', () => {
    expect(parseFaq('随便写的一行\n').errors[0]).toEqual({ line: 1, message: '此行不属于任何条目(应以 FAQn:分类名 或 FAQn.m 开头)' });
    expect(parseFaq('').errors).toHaveLength(1);
  });

  it('warns on gaps in numbering without failing', () => {
    const { errors, warnings } = parseFaq('FAQ1:A\nFAQ1.1\n问题描述:\nq\n解决方法:\na\nFAQ1.3\n问题描述:\nq3\n解决方法:\na3\n');
    expect(errors).toEqual([]);
    expect(warnings.map((w) => w.kind)).toContain('numbering_gap');
  });

  it('rejects an answer or a question run on far past any real one (junk pasted after the last entry), at the entry', () => {
    const junk = Array.from({ length: 2_000 }, () => '这是一行没有格式的垃圾文本 junk').join('\n');
    const { errors } = parseFaq(`FAQ1:A\nFAQ1.1\n问题描述:\nq\n解决方法:\na\nFAQ1.2\n问题描述:\n出口IP\n解决方法:\n${junk}\n`);
    expect(errors).toEqual([{ line: 7, message: expect.stringMatching(/^FAQ1\.2 的解决方法过长\(\d+ 字,上限 20000 字\)/) }]);
    expect(parseFaq(`FAQ1:A\nFAQ1.1\n问题描述:\n${'问'.repeat(2_001)}\n解决方法:\na\n`).errors[0]!.message).toContain('问题描述过长');
    // At the limit, accepted.
    expect(parseFaq(`FAQ1:A\nFAQ1.1\n问题描述:\nq\n解决方法:\n${'答'.repeat(20_000)}\n`).errors).toEqual([]);
  });
});


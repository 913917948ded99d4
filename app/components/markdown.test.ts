/**
 * Every FAQ solution, as the chat, the side panel and /faq/[id] render it (the Markdown
 * component over formatSolution's output), reads exactly as its author wrote it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { solutionMarkdown } from '@/lib/answer/extractive';
import { formatSolution } from '@/lib/answer/format';
import { parseFaq } from '@/lib/corpus/parse';
import { Markdown } from './markdown';

const { entries } = parseFaq(readFileSync(path.resolve(import.meta.dirname, '../../corpus/faq.txt'), 'utf8'));
const withSolution = entries.filter((e) => e.solution.trim() !== '');

function render(text: string): string {
  return renderToStaticMarkup(createElement(Markdown, { text }));
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The visible text of rendered HTML. */
function textOf(html: string): string {
  return decode(html.replace(/<[^>]*>/g, ''));
}

const squash = (s: string) => s.replace(/[\s|]+/g, '');

describe('FAQ solutions render as written', () => {
  it('covers all 112 entries of the FAQ', () => {
    expect(entries).toHaveLength(112);
  });

  it.each(withSolution.map((e) => [e.id, e] as const))('%s', (_id, entry) => {
    const html = render(solutionMarkdown({ ...entry, ids: [entry.id], alternatives: [] }));
    const text = textOf(html);
    expect(text.split('\\').length - 1, 'no stray backslash').toBe(entry.solution.split('\\').length - 1);
    expect(squash(text)).toBe(squash(entry.solution));
    // The FAQ's own numbering (1、 1) a) ①) is text: Markdown must not turn it into lists, headings or emphasis.
    expect(html).not.toMatch(/<(ol|ul|li|h[1-6]|blockquote|hr|em|strong|del)\b/);
    // A link's target is a URL exactly as the source has it, ending before any trailing punctuation.
    for (const m of html.matchAll(/<a [^>]*href="([^"]*)"/g)) {
      const href = decode(m[1]!);
      expect(href).toMatch(/^https?:\/\/[\x21-\x7e]+[^.,;:)]$/);
      expect(entry.solution).toContain(href);
    }
  });

  it('keeps FAQ2.6 flat: 退款 is not nested under 撤销 and 1) 2) keep their numbers', () => {
    const entry = entries.find((e) => e.id === 'FAQ2.6')!;
    const text = textOf(render(solutionMarkdown({ ...entry, ids: [entry.id], alternatives: [] })).replace(/<br\/?>/g, '\n'));
    expect(
      text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    ).toEqual(entry.solution.split('\n').map((l) => l.trim()));
  });

  it('ends each link of FAQ5.9 at the end of its URL', () => {
    const entry = entries.find((e) => e.id === 'FAQ5.9')!;
    const html = render(solutionMarkdown({ ...entry, ids: [entry.id], alternatives: [] }));
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual([
      'https://www.weixin.com/',
      'https://www.weixin.com/abc/123/',
      'https://www.weixin.com/abc/',
      'https://www.weixin.com/abc/123/pay/',
      'https://www.weixin.com/abc/123/',
    ]);
  });

  // Text an author might write that CommonMark or GFM would otherwise reinterpret.
  const tricky = [
    '1) 第一项\n2) 第二项\n- 横线\n+ 加号\n* 星号',
    '说明\n---\n===\n# 井号\n> 引用\n    缩进四格',
    '**粗** _斜_ ~删~ ~~删~~ `码` [文](x) ![图](y) <b>粗</b> &amp; &#169;',
    '路径 a\\b\\ 结尾反斜杠\\',
    '```\n~~~\n<div>块</div>\n<!-- 注释 -->',
    '邮箱 kf@example.com 与 www.example.com',
    '见https://a.example.com/x?y=1&z=2,然后(https://b.example.com/p_(q)).再看 https://c.example.com/。',
    'a | b\n[^1]: 脚注',
  ];
  it.each(tricky)('renders %j as written', (source) => {
    const html = render(formatSolution(source));
    expect(squash(textOf(html))).toBe(squash(source));
    expect(html).not.toMatch(/<(ol|ul|li|h[1-6]|blockquote|hr|em|strong|del|code|pre|img|b|table|sup|section)\b/);
    const allowed = ['https://a.example.com/x?y=1&z=2', 'https://b.example.com/p_(q)', 'https://c.example.com/'];
    // GFM's own autolinks for `www.` hosts and e-mail addresses keep their text.
    allowed.push('mailto:kf@example.com', 'http://www.example.com');
    for (const m of html.matchAll(/href="([^"]*)"/g)) expect(allowed).toContain(decode(m[1]!));
  });

  it('links the URLs of a line and nothing else', () => {
    const html = render(formatSolution('见https://a.example.com/x?y=1&z=2,然后(https://b.example.com/p_(q)).再看 https://c.example.com/。'));
    expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => decode(m[1]!))).toEqual([
      'https://a.example.com/x?y=1&z=2',
      'https://b.example.com/p_(q)',
      'https://c.example.com/',
    ]);
  });
});

/**
 * Every citation the server's guard lets through shows as a chip in the chat: the guard and
 * the chips read markers with the one pattern of lib/text/citations.ts.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createCitationGuard } from '@/lib/answer/citations';
import { MARKER_FORMS, NOT_MARKERS } from '@/lib/testing/citation-markers';
import { Markdown } from './markdown';

function chipsOf(text: string): { ids: string[]; html: string } {
  const html = renderToStaticMarkup(createElement(Markdown, { text, onCite: () => undefined }));
  return { ids: [...html.matchAll(/<button[^>]*class="chip"[^>]*data-cite="([^"]+)"/g)].map((m) => m[1]!), html };
}

describe('citation chips', () => {
  it.each(MARKER_FORMS)('%s, accepted by the guard, renders as chips %j', (marker, ids) => {
    const guard = createCitationGuard(new Map(ids.map((id) => [id, id])));
    const text = guard.push(`银行卡退款以发卡行时效为准 ${marker}。`) + guard.end();
    expect(guard.cited).toEqual(ids);
    const { ids: chips, html } = chipsOf(text);
    expect(chips).toEqual(ids);
    expect(html).not.toMatch(/FAQ\s*\d+\s*\.\s*\d+\s*[\]】］]/i);
  });

  it.each(NOT_MARKERS)('%s stays text', (text) => {
    expect(chipsOf(`见 ${text} 说明`).ids).toEqual([]);
  });

  it('renders chips inside lists, tables and bold text', () => {
    expect(chipsOf('**标题** [FAQ2.5]\n\n- 甲【FAQ2.6】\n\n| a | b |\n| --- | --- |\n| 乙 [FAQ 3.1] | 丙 |').ids).toEqual(['FAQ2.5', 'FAQ2.6', 'FAQ3.1']);
  });

  it('reads a marker after ! as a chip, not an image', () => {
    const { ids, html } = chipsOf('请补注册双免白名单![FAQ2.5]');
    expect(ids).toEqual(['FAQ2.5']);
    expect(html).not.toContain('<img');
    expect(html).toContain('白名单!<button');
  });

  it('reads a marker opening a line before a colon as a chip, not a link definition', () => {
    expect(chipsOf('[FAQ2.5]:补注册双免白名单。').html).toMatch(/<button[^>]*data-cite="FAQ2.5"[^>]*>FAQ2.5<\/button>:补注册双免白名单。/);
  });

  it('leaves markers in code as written', () => {
    const { ids, html } = chipsOf('字段 `[FAQ2.5]` 与\n\n```\n【FAQ2.6】\n```');
    expect(ids).toEqual([]);
    expect(html).toContain('<code>[FAQ2.5]</code>');
    expect(html).toContain('【FAQ2.6】');
  });

  it('renders no chips without onCite (the FAQ pages)', () => {
    expect(renderToStaticMarkup(createElement(Markdown, { text: '见 [FAQ2.5]' }))).not.toContain('chip');
  });
});

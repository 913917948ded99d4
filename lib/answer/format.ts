import { escapeInline, escapeLine } from '../text/markdown-escape';

type Block = { kind: 'text' | 'table' | 'code'; lines: string[] };

/**
 * Turns an FAQ solution (plain text, one item per line) into Markdown that renders
 * as the author wrote it: every line on its own line, the author's numbering (`1)`, `1、`,
 * `-`) kept as text rather than read as Markdown lists, pipe tables as GFM tables, JSON
 * snippets as code blocks, bare URLs as explicit links that end where the URL ends.
 *
 * @example
 * formatSolution('1) 撤销\n2) 退款') // '1\\) 撤销\\\n2\\) 退款'
 */
export function formatSolution(text: string): string {
  return splitBlocks(text.split('\n'))
    .map((b) => {
      if (b.kind === 'table') return toGfmTable(b.lines).join('\n');
      if (b.kind === 'code') return fence(b.lines);
      // Markdown joins single newlines into one paragraph; a trailing backslash keeps each break.
      // No line starts a block (escapeLine), so the paragraph is never split or nested.
      return b.lines
        .filter((l) => l.trim() !== '')
        .map(escapeLine)
        .join('\\\n');
    })
    .filter((s) => s !== '')
    .join('\n\n');
}

function splitBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  const push = (kind: Block['kind'], line: string) => {
    const last = blocks.at(-1);
    if (last && last.kind === kind) last.lines.push(line);
    else blocks.push({ kind, lines: [line] });
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const inCode = blocks.at(-1)?.kind === 'code' && !/^\s*[}\]]\s*[,.]?\s*$/.test(blocks.at(-1)!.lines.at(-1)!);
    if (inCode || isCodeStart(line)) push('code', line);
    else if (isTableRow(line) && (isTableRow(lines[i + 1] ?? '') || blocks.at(-1)?.kind === 'table')) push('table', line);
    else push('text', line);
  }
  return blocks;
}

function isTableRow(line: string): boolean {
  return (line.match(/\|/g) ?? []).length >= 2;
}

function isCodeStart(line: string): boolean {
  return /^\s*"[\w-]+"\s*:\s*[{[]\s*$/.test(line) || /^\s*[{[]\s*$/.test(line);
}

function toGfmTable(rows: string[]): string[] {
  const cells = rows.map((r) =>
    r
      .trim()
      .replace(/^\|/, '')
      .replace(/\|\s*$/, '')
      .split('|')
      .map((c) => escapeInline(c.trim())),
  );
  const width = Math.max(...cells.map((c) => c.length));
  const line = (c: string[]) => `| ${[...c, ...Array<string>(width - c.length).fill('')].join(' | ')} |`;
  return [line(cells[0]!), `|${' --- |'.repeat(width)}`, ...cells.slice(1).map(line)];
}

function fence(lines: string[]): string {
  const longest = Math.max(0, ...lines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((r) => r.length))));
  const marks = '`'.repeat(Math.max(3, longest + 1));
  return [`${marks}json`, ...lines, marks].join('\n');
}

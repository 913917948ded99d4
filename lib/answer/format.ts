type Block = { kind: 'text' | 'table' | 'code'; lines: string[] };

/**
 * Turns an FAQ solution (plain text, one item per line) into Markdown that renders
 * as the author laid it out: line breaks kept, pipe tables as GFM tables, JSON
 * snippets as code blocks, bare URLs left intact for autolinking.
 */
export function formatSolution(text: string): string {
  return splitBlocks(text.split('\n'))
    .map((b) => {
      if (b.kind === 'table') return toGfmTable(b.lines).join('\n');
      if (b.kind === 'code') return ['```json', ...b.lines, '```'].join('\n');
      // Markdown joins single newlines into one paragraph; a trailing backslash keeps each break.
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
      .map((c) => c.trim()),
  );
  const width = Math.max(...cells.map((c) => c.length));
  const line = (c: string[]) => `| ${[...c, ...Array<string>(width - c.length).fill('')].join(' | ')} |`;
  return [line(cells[0]!), `|${' --- |'.repeat(width)}`, ...cells.slice(1).map(line)];
}

/** Keeps FAQ text literal where Markdown would reinterpret it. */
function escapeLine(line: string): string {
  return line
    .replace(/^(\s*)(\d+)\.(\s)/, '$1$2\\.$3')
    .replace(/^(\s*)([#>+])/, '$1\\$2')
    .replace(/\*/g, '\\*');
}

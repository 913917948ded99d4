import writeXlsxFile from 'write-excel-file/node';
import type { MissQueueCluster } from './misses';

/** The miss queue as the FAQ's authors read it: one row per wording. */
const HEADER = ['簇', '簇内问题数', '问题', '次数', '最近一次', '拒答', '不确定', '👎', '候选条目', '状态', '用户补充'] as const;

function rowsOf(clusters: MissQueueCluster[]): (string | number)[][] {
  return clusters.flatMap((c, i) =>
    c.wordings.map((w) => [
      i + 1,
      c.count,
      w.text,
      w.count,
      w.lastSeen.slice(0, 19).replace('T', ' '),
      c.kinds.refuse,
      c.kinds.hedge,
      c.kinds.down,
      c.candidates.map((x) => `${x.id} ${x.question}`).join(';'),
      c.uncovered ? 'FAQ 确实未覆盖' : '待处理',
      c.comments.join(';'),
    ]),
  );
}

function csvCell(v: string | number): string {
  const s = String(v);
  // A leading =, +, - or @ would be run as a formula by spreadsheet programs.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The queue as CSV (UTF-8 with a BOM, so Excel reads the Chinese right). */
export function missQueueCsv(clusters: MissQueueCluster[]): string {
  return `\uFEFF${[HEADER as readonly (string | number)[], ...rowsOf(clusters)].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The queue as an XLSX workbook (write-excel-file). */
export async function missQueueXlsx(clusters: MissQueueCluster[]): Promise<Buffer> {
  const header = HEADER.map((value) => ({ value, fontWeight: 'bold' as const }));
  const rows = rowsOf(clusters).map((r) => r.map((value) => ({ value })));
  return writeXlsxFile([header, ...rows], { sheet: '漏答队列', columns: HEADER.map((_, i) => ({ width: i === 2 || i === 8 ? 40 : 12 })) }).toBuffer();
}

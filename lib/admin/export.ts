import writeXlsxFile from 'write-excel-file/node';
import { MISS_LIMIT } from '../store/misses';
import type { MissQueue, MissQueueCluster } from './misses';

/** The miss queue as the FAQ's authors read it: one row per wording. */
const HEADER = ['簇', '簇内问题数', '问题', '次数', '最近一次(北京时间)', '拒答', '不确定', '差评', '候选条目', '状态', '用户补充'] as const;

/** China Standard Time (UTC+8, no daylight saving), in which the insights count days too. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * A moment as China Standard Time, to the second.
 *
 * @example
 * chinaTime('2026-12-04T05:09:53.120Z') // '2026-12-04 13:09:53'
 */
export function chinaTime(at: string | Date): string {
  const ms = new Date(at).getTime();
  // A time that does not parse is shown as it came.
  if (Number.isNaN(ms)) return String(at);
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** The last row of a file that holds only the newest MISS_LIMIT misses: whoever reads the sheet must not take it for all. */
const CAPPED_NOTE = `注意:该时间段未命中的提问超过 ${MISS_LIMIT} 次,本文件只含最近的 ${MISS_LIMIT} 次;请缩小日期范围分段导出更早的部分。`;

function rowsOf({ clusters, capped }: MissQueue): (string | number)[][] {
  const rows = clusters.flatMap((c: MissQueueCluster, i) =>
    c.wordings.map((w) => [
      i + 1,
      c.count,
      w.text,
      w.count,
      chinaTime(w.lastSeen),
      c.kinds.refuse,
      c.kinds.hedge,
      c.kinds.down,
      c.candidates.map((x) => `${x.id} ${x.question}`).join(';'),
      c.uncovered ? 'FAQ 确实未覆盖' : '待处理',
      c.comments.join(';'),
    ]),
  );
  return capped ? [...rows, ['', '', CAPPED_NOTE]] : rows;
}

function csvCell(v: string | number): string {
  const s = String(v);
  // A leading =, +, - or @ would be run as a formula by spreadsheet programs.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The queue as CSV (UTF-8 with a BOM, so Excel reads the Chinese right); a capped queue ends with a row that says so. */
export function missQueueCsv(queue: MissQueue): string {
  return `\uFEFF${[HEADER as readonly (string | number)[], ...rowsOf(queue)].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The queue as an XLSX workbook (write-excel-file). */
export async function missQueueXlsx(queue: MissQueue): Promise<Buffer> {
  const header = HEADER.map((value) => ({ value, fontWeight: 'bold' as const }));
  const rows = rowsOf(queue).map((r) => r.map((value) => ({ value })));
  return writeXlsxFile([header, ...rows], { sheet: '漏答队列', columns: HEADER.map((_, i) => ({ width: i === 2 || i === 8 ? 40 : 12 })) }).toBuffer();
}

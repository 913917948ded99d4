import type { Metrics } from './metrics';
import { METRIC_COLUMNS } from './report';
import type { EvalRun } from './run';

/** The console table: one row per kind, the baseline's figures beside the design's. */
export function formatTable(run: EvalRun): string {
  const head = ['类型', ...METRIC_COLUMNS.map(([h]) => h)];
  const row = (name: string, m: Metrics) => [name, ...METRIC_COLUMNS.map(([, f]) => f(m))];
  const rows = [head, row('总体', run.overall), ...Object.entries(run.byKind).map(([k, m]) => row(k, m))];
  const width = (s: string) => [...s].reduce((a, c) => a + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
  const cols = head.map((_, i) => Math.max(...rows.map((r) => width(r[i]!))));
  return rows.map((r) => r.map((c, i) => c + ' '.repeat(cols[i]! - width(c))).join('  ')).join('\n');
}

import type { Metrics } from './metrics';
import type { EvalRun } from './run';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The console table: one row per kind, the baseline's figures beside the design's. */
export function formatTable(run: EvalRun): string {
  const head = ['类型', 'n', 'hit@1', 'hit@3', 'MRR', 'noAns P', 'noAns R', '误判未收录', '引用正确', '有据', 'p50/p95ms', '基线@1', '基线@3', '基线noAns R'];
  const row = (name: string, m: Metrics) => [
    name,
    String(m.n),
    m.inScope ? pct(m.hitAt1) : '-',
    m.inScope ? pct(m.hitAt3) : '-',
    m.inScope ? m.mrr.toFixed(3) : '-',
    pct(m.noAnswerPrecision),
    m.outOfScope ? pct(m.noAnswerRecall) : '-',
    m.inScope ? pct(m.falseNoAnswerRate) : '-',
    pct(m.citationAccuracy),
    pct(m.groundedness),
    `${m.latencyP50}/${m.latencyP95}`,
    m.inScope ? pct(m.baseline.hitAt1) : '-',
    m.inScope ? pct(m.baseline.hitAt3) : '-',
    m.outOfScope ? pct(m.baseline.noAnswerRecall) : '-',
  ];
  const rows = [head, row('总体', run.overall), ...Object.entries(run.byKind).map(([k, m]) => row(k, m))];
  const width = (s: string) => [...s].reduce((a, c) => a + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
  const cols = head.map((_, i) => Math.max(...rows.map((r) => width(r[i]!))));
  return rows.map((r) => r.map((c, i) => c + ' '.repeat(cols[i]! - width(c))).join('  ')).join('\n');
}

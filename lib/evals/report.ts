import { confidenceHistogram, esc, kindBars, pct, riskCoverageChart } from './charts';
import type { Metrics } from './metrics';
import type { EvalRun } from './run';

/** Column heads and cells of one metrics row, shared by the HTML report and the console table. */
export const METRIC_COLUMNS: [string, (m: Metrics) => string][] = [
  ['n', (m) => String(m.n)],
  ['hit@1', (m) => pct(m.hitAt1)],
  ['hit@3', (m) => pct(m.hitAt3)],
  ['hit@10', (m) => pct(m.hitAt10)],
  ['MRR', (m) => (Number.isNaN(m.mrr) ? '-' : m.mrr.toFixed(3))],
  ['已收录:答/疑/拒', (m) => (m.inScope ? `${pct(m.answered)}/${pct(m.hedged)}/${pct(m.refused)}` : '-')],
  ['确答准确率', (m) => pct(m.answerPrecision)],
  ['未收录:确答/拒答', (m) => (m.outOfScope ? `${pct(m.outOfScopeAnswered)}/${pct(m.outOfScopeRefused)}` : '-')],
  ['引用正确', (m) => pct(m.citationAccuracy)],
  ['有据', (m) => pct(m.groundedness)],
  ['p50/p95 ms', (m) => `${m.latencyP50}/${m.latencyP95}`],
  ['基线 @1/@3/@10', (m) => (m.inScope ? `${pct(m.baseline.hitAt1)}/${pct(m.baseline.hitAt3)}/${pct(m.baseline.hitAt10)}` : '-')],
];

function table(rows: [string, Metrics][]): string {
  return `<table><tr><th></th>${METRIC_COLUMNS.map(([h]) => `<th>${esc(h)}</th>`).join('')}</tr>${rows
    .map(([name, m]) => `<tr><th>${esc(name)}</th>${METRIC_COLUMNS.map(([, f]) => `<td>${esc(f(m))}</td>`).join('')}</tr>`)
    .join('')}</table>`;
}

/** A self-contained HTML report: tables per kind and per decision, inline SVG charts, and every miss. */
export function renderHtml(run: EvalRun): string {
  const misses = run.cases.filter((c) => (c.inScope ? c.rank !== 0 || c.decision !== 'answer' : c.decision !== 'refuse'));
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>评测报告 ${esc(run.dataset)}</title>
<style>body{font-family:-apple-system,'PingFang SC','Noto Sans CJK SC',sans-serif;margin:24px;color:#1f2328}table{border-collapse:collapse;font-size:13px;margin:8px 0 20px}th,td{border:1px solid #d8dee4;padding:4px 8px;text-align:left}.chart text{font-size:12px}.chart .v{font-size:11px}h2{margin-top:28px}.miss td{vertical-align:top}</style></head><body>
<h1>评测报告</h1><p>数据集:${esc(run.dataset)} · 模式:${esc(run.mode)} · 时间:${esc(run.startedAt)} · 回答阈值 ${esc(run.thresholds.answer.toFixed(3))} · 拒答阈值(覆盖概率)${esc(run.thresholds.hedge.toFixed(3))}</p>
<h2>总体与各类问题</h2>${table([['总体', run.overall], ...Object.entries(run.byKind)])}
<h2>按判定(答 / 疑 / 拒)</h2>${table(Object.entries(run.byDecision))}
<p>hit@k 与 MRR 只计 FAQ 已收录的问题;确答准确率把未收录问题的确定回答计为错误。</p>
<h2>各类问题 hit@1(本设计 vs 基线)</h2>${kindBars(run.byKind)}
<h2>风险–覆盖曲线</h2>${riskCoverageChart(run.riskCoverage, run.thresholds.answer)}
<h2>置信度分布</h2>${confidenceHistogram(run.cases, run.thresholds)}
<h2>未命中或未确定回答的问题(${misses.length})</h2><table class="miss"><tr><th>问题</th><th>类型</th><th>期望</th><th>判定</th><th>前三条(融合/覆盖度/向量/关键词)</th></tr>
${misses
  .map(
    (c) =>
      `<tr><td>${esc(c.question)}</td><td>${esc(c.kind)}</td><td>${esc(c.expected.join(', ') || '未收录')}</td><td>${esc(c.decision)} · 置信度 ${esc(c.confidence)} · 引用 ${esc(c.citations.join(', ') || '无')}</td><td>${c.top.map((t) => `${esc(t.id)} (${t.score}/${t.coverage}/${t.vector}/${t.keyword})`).join('<br>')}</td></tr>`,
  )
  .join('\n')}</table>
</body></html>`;
}

/** What changed between two runs: metric deltas overall and per kind, and the cases that flipped. */
export function compareReports(a: EvalRun, b: EvalRun): string {
  const keys = [
    'hitAt1',
    'hitAt3',
    'hitAt10',
    'mrr',
    'answered',
    'refused',
    'answerPrecision',
    'outOfScopeAnswered',
    'outOfScopeRefused',
    'citationAccuracy',
  ] as const;
  const fmt = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '-' : v.toFixed(3));
  const line = (name: string, x?: Metrics, y?: Metrics) =>
    `${name.padEnd(14)} ${keys
      .map((k) => {
        const d = x && y ? y[k] - x[k] : Number.NaN;
        return `${k} ${fmt(x?.[k])}→${fmt(y?.[k])}${Number.isFinite(d) && d !== 0 ? ` (${d > 0 ? '+' : ''}${d.toFixed(3)})` : ''}`;
      })
      .join('  ')}`;
  const out = [`A: ${a.dataset} ${a.startedAt}`, `B: ${b.dataset} ${b.startedAt}`, line('总体', a.overall, b.overall)];
  for (const k of new Set([...Object.keys(a.byKind), ...Object.keys(b.byKind)])) out.push(line(k, a.byKind[k], b.byKind[k]));
  const ok = (c: EvalRun['cases'][number]) => (c.inScope ? c.rank === 0 && c.decision !== 'refuse' : c.decision === 'refuse');
  const before = new Map(a.cases.map((c) => [c.question, c]));
  const flips = b.cases.filter((c) => before.has(c.question) && ok(before.get(c.question)!) !== ok(c));
  out.push(`变化的用例:${flips.length}`);
  for (const c of flips) out.push(`  ${ok(c) ? '修复' : '退步'} [${c.kind}] ${c.question}`);
  return out.join('\n');
}

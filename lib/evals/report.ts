import type { Metrics } from './metrics';
import type { EvalRun } from './run';

const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Grouped bars per kind: hit@1 of the design against the baseline. */
function kindBars(run: EvalRun): string {
  const kinds = Object.entries(run.byKind).filter(([, m]) => m.inScope > 0);
  const w = 760,
    rowH = 34,
    left = 110,
    h = kinds.length * rowH + 40,
    scale = (w - left - 60) / 1;
  const rows = kinds.map(([k, m], i) => {
    const y = 20 + i * rowH;
    return `<text x="${left - 8}" y="${y + 14}" text-anchor="end">${esc(k)}</text>
<rect x="${left}" y="${y}" width="${m.hitAt1 * scale}" height="12" fill="#0b63ce"/><text x="${left + m.hitAt1 * scale + 4}" y="${y + 10}" class="v">${pct(m.hitAt1)}</text>
<rect x="${left}" y="${y + 14}" width="${m.baseline.hitAt1 * scale}" height="12" fill="#b6bcc4"/><text x="${left + m.baseline.hitAt1 * scale + 4}" y="${y + 24}" class="v">${pct(m.baseline.hitAt1)}</text>`;
  });
  return `<svg class="chart" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="各类问题 hit@1">${rows.join('\n')}
<rect x="${left}" y="${h - 14}" width="10" height="10" fill="#0b63ce"/><text x="${left + 14}" y="${h - 5}">本设计</text>
<rect x="${left + 80}" y="${h - 14}" width="10" height="10" fill="#b6bcc4"/><text x="${left + 94}" y="${h - 5}">BM25 字二元组基线</text></svg>`;
}

/** Histogram of retrieval confidence, in-scope against off-topic, with the noAnswer threshold. */
function confidenceHistogram(run: EvalRun): string {
  const bins = 20,
    w = 760,
    h = 220,
    left = 40,
    bottom = 190,
    bw = (w - left - 20) / bins;
  const count = (oos: boolean) => {
    const c = new Array<number>(bins).fill(0);
    for (const r of run.cases.filter((x) => x.outOfScope === oos)) c[Math.min(bins - 1, Math.floor(r.confidence * bins))]!++;
    return c;
  };
  const ins = count(false),
    oos = count(true);
  const max = Math.max(1, ...ins, ...oos);
  const bar = (c: number[], color: string, dx: number) =>
    c
      .map(
        (v, i) =>
          `<rect x="${left + i * bw + dx}" y="${bottom - (v / max) * 160}" width="${bw / 2 - 1}" height="${(v / max) * 160}" fill="${color}"><title>${v}</title></rect>`,
      )
      .join('');
  const tx = left + run.threshold * bins * bw;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => `<text x="${left + t * bins * bw}" y="${bottom + 16}" text-anchor="middle">${t}</text>`).join('');
  return `<svg class="chart" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="置信度分布">${bar(ins, '#0b63ce', 0)}${bar(oos, '#cf222e', bw / 2)}
<line x1="${tx}" x2="${tx}" y1="20" y2="${bottom}" stroke="#1f2328" stroke-dasharray="4 3"/><text x="${tx + 4}" y="30">noAnswer 阈值 ${run.threshold}</text>
<line x1="${left}" x2="${w - 20}" y1="${bottom}" y2="${bottom}" stroke="#999"/>${ticks}
<rect x="${w - 250}" y="8" width="10" height="10" fill="#0b63ce"/><text x="${w - 236}" y="17">FAQ 已收录</text><rect x="${w - 150}" y="8" width="10" height="10" fill="#cf222e"/><text x="${w - 136}" y="17">FAQ 未收录</text></svg>`;
}

function metricsRow(name: string, m: Metrics): string {
  const ins = (s: string) => (m.inScope ? s : '-');
  const oos = (s: string) => (m.outOfScope ? s : '-');
  const cells = [
    m.n,
    ins(pct(m.hitAt1)),
    ins(pct(m.hitAt3)),
    ins(m.mrr.toFixed(3)),
    pct(m.noAnswerPrecision),
    oos(pct(m.noAnswerRecall)),
    ins(pct(m.falseNoAnswerRate)),
    pct(m.citationAccuracy),
    pct(m.groundedness),
    `${m.latencyP50}/${m.latencyP95}`,
    ins(pct(m.baseline.hitAt1)),
    ins(pct(m.baseline.hitAt3)),
    oos(pct(m.baseline.noAnswerRecall)),
  ];
  return `<tr><th>${esc(name)}</th>${cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`;
}

/** A self-contained HTML report: tables, inline SVG charts, and every miss with what came back instead. */
export function renderHtml(run: EvalRun): string {
  const misses = run.cases.filter((c) => (c.outOfScope ? !c.noAnswer : c.rank !== 0 || c.noAnswer));
  const head = [
    'n',
    'hit@1',
    'hit@3',
    'MRR',
    'noAnswer 精确率',
    'noAnswer 召回率',
    '误判未收录',
    '引用正确',
    '有据可依',
    'p50/p95 ms',
    '基线 hit@1',
    '基线 hit@3',
    '基线 noAnswer 召回',
  ];
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>评测报告 ${esc(run.dataset)}</title>
<style>body{font-family:-apple-system,'PingFang SC','Noto Sans CJK SC',sans-serif;margin:24px;color:#1f2328}table{border-collapse:collapse;font-size:13px;margin:8px 0 20px}th,td{border:1px solid #d8dee4;padding:4px 8px;text-align:left}.chart text{font-size:12px}.chart .v{font-size:11px}h2{margin-top:28px}.miss td{vertical-align:top}</style></head><body>
<h1>评测报告</h1><p>数据集:${esc(run.dataset)} · 模式:${esc(run.mode)} · 时间:${esc(run.startedAt)} · noAnswer 阈值:${esc(run.threshold)}</p>
<h2>总体与各类问题</h2><table><tr><th></th>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${metricsRow('总体', run.overall)}${Object.entries(run.byKind)
    .map(([k, m]) => metricsRow(k, m))
    .join('')}</table>
<p>hit@k 与 MRR 只计 FAQ 已收录的问题;FAQ 未收录的问题计入 noAnswer 精确率与召回率。</p>
<h2>各类问题 hit@1(本设计 vs 基线)</h2>${kindBars(run)}
<h2>检索置信度分布</h2>${confidenceHistogram(run)}
<h2>未命中的问题(${misses.length})</h2><table class="miss"><tr><th>问题</th><th>类型</th><th>期望</th><th>结果</th><th>前三条命中(覆盖度/向量/关键词)</th></tr>
${misses.map((c) => `<tr><td>${esc(c.question)}</td><td>${esc(c.kind)}</td><td>${esc(c.expected.join(', ') || '未收录')}</td><td>${c.noAnswer ? '判定未收录' : `引用 ${esc(c.citations.join(', ') || '无')}`} · 置信度 ${esc(c.confidence)}</td><td>${c.top.map((t) => `${esc(t.id)} (${t.coverage}/${t.vector}/${t.keyword})`).join('<br>')}</td></tr>`).join('\n')}</table>
</body></html>`;
}

/** What changed between two runs: metric deltas overall and per kind, and the cases that flipped. */
export function compareReports(a: EvalRun, b: EvalRun): string {
  const keys = ['hitAt1', 'hitAt3', 'mrr', 'noAnswerPrecision', 'noAnswerRecall', 'falseNoAnswerRate', 'citationAccuracy', 'groundedness'] as const;
  const line = (name: string, x?: Metrics, y?: Metrics) =>
    `${name.padEnd(14)} ${keys.map((k) => `${k} ${x ? x[k].toFixed(3) : '-'}→${y ? y[k].toFixed(3) : '-'}${x && y && x[k] !== y[k] ? ` (${y[k] - x[k] > 0 ? '+' : ''}${(y[k] - x[k]).toFixed(3)})` : ''}`).join('  ')}`;
  const out = [`A: ${a.dataset} ${a.startedAt}`, `B: ${b.dataset} ${b.startedAt}`, line('总体', a.overall, b.overall)];
  for (const k of new Set([...Object.keys(a.byKind), ...Object.keys(b.byKind)])) out.push(line(k, a.byKind[k], b.byKind[k]));
  const ok = (c: EvalRun['cases'][number]) => (c.outOfScope ? c.noAnswer : c.rank === 0 && !c.noAnswer);
  const before = new Map(a.cases.map((c) => [c.question, c]));
  const flips = b.cases.filter((c) => before.has(c.question) && ok(before.get(c.question)!) !== ok(c));
  out.push(`变化的用例:${flips.length}`);
  for (const c of flips) out.push(`  ${ok(c) ? '修复' : '退步'} [${c.kind}] ${c.question}`);
  return out.join('\n');
}

import type { CaseResult, Metrics } from './metrics';

/** Escapes text for HTML and SVG. */
export const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
export const pct = (x: number) => (Number.isNaN(x) ? '-' : `${(x * 100).toFixed(1)}%`);

/** Grouped bars per kind: hit@1 of the design against the BM25 baseline. */
export function kindBars(byKind: Record<string, Metrics>): string {
  const kinds = Object.entries(byKind).filter(([, m]) => m.inScope > 0);
  const w = 760;
  const rowH = 34;
  const left = 120;
  const h = kinds.length * rowH + 40;
  const scale = w - left - 60;
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

/** The risk–coverage curve: precision of the answers against the share of questions answered, with the answer threshold marked. */
export function riskCoverageChart(points: { threshold: number; coverage: number; precision: number }[], answerAt: number): string {
  const w = 760;
  const h = 260;
  const left = 50;
  const bottom = 220;
  const x = (c: number) => left + c * (w - left - 20);
  const y = (p: number) => bottom - p * 190;
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.coverage).toFixed(1)},${y(p.precision).toFixed(1)}`).join('');
  const at = points.filter((p) => p.threshold >= answerAt).at(-1);
  const mark = at
    ? `<circle cx="${x(at.coverage)}" cy="${y(at.precision)}" r="4" fill="#cf222e"/><text x="${x(at.coverage) + 6}" y="${y(at.precision) + 14}">回答阈值 ${answerAt.toFixed(3)}:覆盖 ${pct(at.coverage)},准确 ${pct(at.precision)}</text>`
    : '';
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (t) =>
        `<text x="${x(t)}" y="${bottom + 16}" text-anchor="middle">${t * 100}%</text><text x="${left - 6}" y="${y(t) + 4}" text-anchor="end">${t * 100}%</text>`,
    )
    .join('');
  return `<svg class="chart" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="风险-覆盖曲线">
<line x1="${left}" x2="${w - 20}" y1="${bottom}" y2="${bottom}" stroke="#999"/><line x1="${left}" x2="${left}" y1="20" y2="${bottom}" stroke="#999"/>${ticks}
<path d="${path}" fill="none" stroke="#0b63ce" stroke-width="2"/>${mark}
<text x="${(left + w) / 2}" y="${h - 4}" text-anchor="middle">回答的问题占比(按置信度从高到低)</text><text x="${left + 4}" y="14">回答准确率(首条命中)</text></svg>`;
}

/** Histogram of the decision confidence: in scope and right, in scope and wrong, out of scope; with both thresholds. */
export function confidenceHistogram(cases: CaseResult[], thresholds: { answer: number; hedge: number }): string {
  const bins = 20;
  const w = 760;
  const h = 220;
  const left = 40;
  const bottom = 190;
  const bw = (w - left - 20) / bins;
  const groups: [string, string, (c: CaseResult) => boolean][] = [
    ['已收录且首条正确', '#0b63ce', (c) => c.inScope && c.rank === 0],
    ['已收录但首条错误', '#bf8700', (c) => c.inScope && c.rank !== 0],
    ['FAQ 未收录', '#cf222e', (c) => !c.inScope],
  ];
  const counts = groups.map(([, , f]) => {
    const n = new Array<number>(bins).fill(0);
    for (const c of cases.filter(f)) n[Math.min(bins - 1, Math.floor(c.confidence * bins))]!++;
    return n;
  });
  const max = Math.max(1, ...counts.flat());
  const bars = counts
    .map((n, g) =>
      n
        .map(
          (v, i) =>
            `<rect x="${left + i * bw + (g * bw) / 3}" y="${bottom - (v / max) * 160}" width="${bw / 3 - 1}" height="${(v / max) * 160}" fill="${groups[g]![1]}"><title>${v}</title></rect>`,
        )
        .join(''),
    )
    .join('');
  const line = (t: number, label: string) =>
    `<line x1="${left + t * bins * bw}" x2="${left + t * bins * bw}" y1="20" y2="${bottom}" stroke="#1f2328" stroke-dasharray="4 3"/><text x="${left + t * bins * bw + 4}" y="${label === '回答' ? 30 : 44}">${label} ${t.toFixed(2)}</text>`;
  const legend = groups
    .map(
      ([name, color], i) => `<rect x="${w - 420 + i * 140}" y="4" width="10" height="10" fill="${color}"/><text x="${w - 406 + i * 140}" y="13">${name}</text>`,
    )
    .join('');
  return `<svg class="chart" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="置信度分布">${bars}${line(thresholds.answer, '回答')}
<line x1="${left}" x2="${w - 20}" y1="${bottom}" y2="${bottom}" stroke="#999"/>${[0, 0.25, 0.5, 0.75, 1].map((t) => `<text x="${left + t * bins * bw}" y="${bottom + 16}" text-anchor="middle">${t}</text>`).join('')}${legend}</svg>`;
}

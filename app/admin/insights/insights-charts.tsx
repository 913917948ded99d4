'use client';

import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { InsightsView } from '@/lib/admin/insights';
import { DECISION_LABEL, FEEDBACK_REASON_LABEL } from '@/lib/text/messages';

const COLORS = { answer: '#2e7d32', hedge: '#f0a020', refuse: '#8e6fd8' } as const;
const DECISIONS = ['answer', 'hedge', 'refuse'] as const;

function percent(x: number | null): string {
  return x === null ? '—' : `${(x * 100).toFixed(1)}%`;
}

/** The insights page's charts (recharts) and tables. */
export function InsightsCharts({ view }: { view: InsightsView }) {
  const mix = DECISIONS.map((d) => ({ name: DECISION_LABEL[d], key: d, value: view.decisions[d] }));
  return (
    <div className="charts" data-testid="insights">
      <section className="chart-card">
        <h2>提问总数</h2>
        <div className="stat" data-testid="total">
          {view.total}
        </div>
        <p className="hint">
          差评率 {percent(view.downRate)}(好评 {view.feedback.up} / 差评 {view.feedback.down})
        </p>
        {view.feedback.down > 0 && (
          <p className="hint">
            差评原因:
            {Object.entries(view.feedback.reasons)
              .map(([r, n]) => `${FEEDBACK_REASON_LABEL[r as keyof typeof FEEDBACK_REASON_LABEL] ?? '未说明'} ${n}`)
              .join(',')}
          </p>
        )}
      </section>
      <section className="chart-card">
        <h2>判定分布</h2>
        <ResponsiveContainer width="100%" height={220}>
          <PieChart>
            <Pie data={mix} dataKey="value" nameKey="name" outerRadius={80} label>
              {mix.map((m) => (
                <Cell key={m.key} fill={COLORS[m.key]} />
              ))}
            </Pie>
            <Tooltip />
            <Legend />
          </PieChart>
        </ResponsiveContainer>
      </section>
      <section className="chart-card" style={{ gridColumn: '1 / -1' }}>
        <h2>每日提问</h2>
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={view.perDay}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            {DECISIONS.map((d) => (
              <Bar key={d} dataKey={d} name={DECISION_LABEL[d]} stackId="a" fill={COLORS[d]} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </section>
      <section className="chart-card">
        <h2>引用最多的条目</h2>
        <ResponsiveContainer width="100%" height={Math.max(120, view.mostCited.length * 28)}>
          <BarChart data={view.mostCited} layout="vertical" margin={{ left: 20 }}>
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="id" width={60} />
            <Tooltip formatter={(v, _n, p) => [v, (p.payload as { question: string }).question]} />
            <Bar dataKey="count" name="引用次数" fill="#0b63ce" />
          </BarChart>
        </ResponsiveContainer>
      </section>
      <section className="chart-card">
        <h2>最大的漏答簇</h2>
        <table>
          <tbody>
            {view.clusters.map((c) => (
              <tr key={c.key}>
                <td>{c.label}</td>
                <td>{c.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">
          <a href="/admin/misses">去漏答队列处理</a>
        </p>
      </section>
      <section className="chart-card" style={{ gridColumn: '1 / -1' }}>
        <h2>从未被引用的条目({view.neverCited.length})</h2>
        <ul data-testid="never-cited">
          {view.neverCited.map((e) => (
            <li key={e.id}>
              <a href={`/faq/${e.id}`}>{e.id}</a> {e.question}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

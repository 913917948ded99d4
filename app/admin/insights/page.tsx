import { insightsView } from '@/lib/admin/insights';
import { getRuntime } from '@/lib/runtime';
import { readRange } from '../../api/admin/schema';
import { AdminNav, adminGate, Gate, RangeForm } from '../gate';
import { InsightsCharts } from './insights-charts';

export const dynamic = 'force-dynamic';

type Search = Promise<Record<string, string | string[] | undefined>>;

/** /admin/insights: questions per day, decision mix, most and never cited entries, 👎 rate, largest miss clusters. */
export default async function InsightsPage({ searchParams }: { searchParams: Search }) {
  const state = await adminGate();
  if (state !== 'admin') return <Gate state={state} />;
  const sp = await searchParams;
  const from = typeof sp.from === 'string' ? sp.from : undefined;
  const to = typeof sp.to === 'string' ? sp.to : undefined;
  const rt = getRuntime();
  const query = new URLSearchParams({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
  const { range, error } = readRange(query);
  const view = rt.store ? await insightsView(rt.store, await rt.knowledge.get(), range) : null;
  return (
    <>
      <AdminNav current="insights" />
      <h1>数据洞察</h1>
      <RangeForm from={from} to={to} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {view ? <InsightsCharts view={view} /> : <p className="error">未配置数据库,没有可显示的记录。</p>}
    </>
  );
}

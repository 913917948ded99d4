import { missQueue } from '@/lib/admin/misses';
import { getRuntime } from '@/lib/runtime';
import { parseRange } from '../../api/admin/schema';
import { AdminNav, adminGate, Gate, RangeForm } from '../gate';
import { MissQueue } from './miss-queue';

export const dynamic = 'force-dynamic';

/** Clusters shown on the page; the export has them all. */
const SHOWN = 100;

type Search = Promise<Record<string, string | string[] | undefined>>;

/** /admin/misses: refused, hedged and 👎 questions, clustered by meaning, largest first. */
export default async function MissesPage({ searchParams }: { searchParams: Search }) {
  const state = await adminGate();
  if (state !== 'admin') return <Gate state={state} />;
  const sp = await searchParams;
  const from = typeof sp.from === 'string' ? sp.from : undefined;
  const to = typeof sp.to === 'string' ? sp.to : undefined;
  const rt = getRuntime();
  const kb = await rt.knowledge.get();
  const query = new URLSearchParams({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
  const clusters = rt.store ? await missQueue(rt.store, kb, parseRange(query)) : null;
  const entries = kb.entries.map((e) => ({ id: e.id, question: e.question.split('\n')[0]! }));
  return (
    <>
      <AdminNav current="misses" />
      <h1>漏答队列</h1>
      <RangeForm from={from} to={to}>
        <a href={`/api/admin/misses/export?format=csv&${query}`}>导出 CSV</a>
        <a href={`/api/admin/misses/export?format=xlsx&${query}`}>导出 XLSX</a>
      </RangeForm>
      {clusters === null ? (
        <p className="error">未配置数据库,没有可显示的记录。</p>
      ) : (
        <>
          <p className="hint" data-testid="miss-summary">
            共 {clusters.length} 组相似问题、{clusters.reduce((n, c) => n + c.count, 0)} 次提问
            {clusters.length > SHOWN ? `,显示最大的 ${SHOWN} 组(导出包含全部)` : ''}。
          </p>
          <MissQueue clusters={clusters.slice(0, SHOWN)} entries={entries} />
        </>
      )}
    </>
  );
}

import { type MissView, missViewQuery, parseMissView, viewMisses } from '@/lib/admin/miss-view';
import { missQueue } from '@/lib/admin/misses';
import { BadRequestError } from '@/lib/errors';
import { getRuntime } from '@/lib/runtime';
import { MISS_LIMIT } from '@/lib/store/misses';
import { readRange } from '../../api/admin/schema';
import { AdminNav, adminGate, Gate, RangeForm } from '../gate';
import { MissQueue } from './miss-queue';

export const dynamic = 'force-dynamic';

type Search = Promise<Record<string, string | string[] | undefined>>;

/** /admin/misses: refused, hedged and 👎 questions, clustered by meaning, largest first. */
export default async function MissesPage({ searchParams }: { searchParams: Search }) {
  const state = await adminGate();
  if (state !== 'admin') return <Gate state={state} />;
  const sp = await searchParams;
  const params = new URLSearchParams(Object.entries(sp).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));
  const from = params.get('from') || undefined;
  const to = params.get('to') || undefined;
  const rt = getRuntime();
  const kb = await rt.knowledge.get();
  const query = new URLSearchParams({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
  // A filter that does not parse (a hand-edited link) shows everything, and says why.
  let view: MissView = { open: false, page: 1 };
  let viewError: string | null = null;
  try {
    view = parseMissView(params);
  } catch (e) {
    if (!(e instanceof BadRequestError)) throw e;
    viewError = e.message;
  }
  const { range, error: rangeError } = readRange(query);
  // The exports get the range only when it is a range (a bad one is said above and shows everything, as they will).
  const exportQuery = rangeError ? '' : query.toString();
  const queue = rt.store ? await missQueue(rt.store, kb, range, view.q) : null;
  const clusters = queue?.clusters ?? null;
  const shown = clusters ? viewMisses(clusters, view) : null;
  const pageLink = (page: number) => `/admin/misses?${missViewQuery(view, { from, to }, page)}`;
  const entries = kb.entries.map((e) => ({ id: e.id, question: e.question.split('\n')[0]! }));
  return (
    <>
      <AdminNav current="misses" />
      <h1>漏答队列</h1>
      <RangeForm from={from} to={to}>
        <label>
          关键词 <input type="search" name="q" defaultValue={view.q} placeholder="问题中的词或条目编号" size={16} />
        </label>
        <label>
          类型{' '}
          <select name="kind" defaultValue={view.kind ?? ''}>
            <option value="">全部</option>
            <option value="refuse">拒答</option>
            <option value="hedge">不确定</option>
            <option value="down">差评</option>
          </select>
        </label>
        <label>
          <input type="checkbox" name="open" value="1" defaultChecked={view.open} /> 隐藏已标记未覆盖
        </label>
        <a href={`/api/admin/misses/export?format=csv&${exportQuery}`}>导出 CSV</a>
        <a href={`/api/admin/misses/export?format=xlsx&${exportQuery}`}>导出 XLSX</a>
      </RangeForm>
      {[rangeError, viewError].filter(Boolean).map((message) => (
        <p key={message} className="error" role="alert">
          {message}
        </p>
      ))}
      {clusters === null || shown === null ? (
        <p className="error">未配置数据库,没有可显示的记录。</p>
      ) : (
        <>
          <p className="hint" data-testid="miss-summary">
            共 {clusters.length} 组相似问题、{clusters.reduce((n, c) => n + c.count, 0)} 次提问
            {shown.matching < clusters.length ? `,符合筛选的 ${shown.matching} 组` : ''}
            {shown.pages > 1 ? `;第 ${shown.page}/${shown.pages} 页(导出包含全部)` : ''}。
          </p>
          {queue?.capped && (
            <p className="hint" role="status" data-testid="miss-capped">
              未命中的提问超过 {MISS_LIMIT} 次:只统计了最近的 {MISS_LIMIT}{' '}
              次,更早的未计入,导出的文件也一样。请缩小日期范围;按关键词或条目编号搜索时也会查找更早的提问。
            </p>
          )}
          <MissQueue clusters={shown.shown} entries={entries} />
          {shown.pages > 1 && (
            <nav className="pager" aria-label="分页" data-testid="miss-pager">
              {shown.page > 1 && <a href={pageLink(shown.page - 1)}>上一页</a>}
              <span>
                第 {shown.page}/{shown.pages} 页
              </span>
              {shown.page < shown.pages && <a href={pageLink(shown.page + 1)}>下一页</a>}
            </nav>
          )}
        </>
      )}
    </>
  );
}

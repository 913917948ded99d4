import { addedAlternatives } from '@/lib/admin/misses';
import { getRuntime } from '@/lib/runtime';
import { AdminNav, adminGate, Gate } from '../gate';
import { AddedList } from './added-list';

export const dynamic = 'force-dynamic';

/** /admin/alternatives: the alternative questions admins added, by entry, each with 撤销 (a wrong attach noticed later). */
export default async function AlternativesPage() {
  const state = await adminGate();
  if (state !== 'admin') return <Gate state={state} />;
  const rt = getRuntime();
  const entries = rt.store ? await addedAlternatives(rt.store, await rt.knowledge.get()) : null;
  return (
    <>
      <AdminNav current="alternatives" />
      <h1>已添加的相似问题</h1>
      <p className="hint">从漏答队列添加的相似问题(保存在数据库中,所有实例共用)。撤销后该问题不再指向这个条目,并回到漏答队列。</p>
      {entries === null ? <p className="error">未配置数据库,没有可显示的记录。</p> : <AddedList entries={entries} />}
    </>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { sendJson } from '@/app/components/send-json';
import type { AttachResult, MissQueueCluster } from '@/lib/admin/misses';
import { DECISION_LABEL } from '@/lib/text/messages';

type Entry = { id: string; question: string };

function standing(s: { decision: keyof typeof DECISION_LABEL; rank: number | null }): string {
  return `${DECISION_LABEL[s.decision]} · ${s.rank === null ? '未进前 5' : `第 ${s.rank} 位`}`;
}

function post(url: string, body: unknown) {
  return sendJson(url, 'POST', body, '操作失败,请稍后再试。');
}

/** Wordings a cluster shows before 展开全部 (a cluster of thousands would make the page endless). */
const WORDINGS_SHOWN = 30;

/** One list of every entry, shared by the clusters' entry inputs (a select per cluster would repeat it a hundred times). */
const ENTRY_LIST = 'faq-entries';

function ClusterCard({ cluster }: { cluster: MissQueueCluster }) {
  const router = useRouter();
  // Checked at first: the wordings retrieval read as the cluster's first candidate (a cluster can gather 「…手续费多少」 of many
  // products); all of them when the cluster has no candidate.
  const lead = cluster.candidates[0]?.id;
  const [picked, setPicked] = useState(() => new Set(cluster.wordings.filter((w) => !w.followUp && (!lead || w.candidate === lead)).map((w) => w.text)));
  const [other, setOther] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AttachResult | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [expanded, setExpanded] = useState(false);
  const chosen = cluster.wordings.filter((w) => picked.has(w.text));
  const hidden = expanded ? [] : cluster.wordings.slice(WORDINGS_SHOWN);
  // The buttons pressed give way to others (attach → 撤销, 撤销 → attach): the keyboard's focus goes with them, not to the page's top.
  const [focusNext, setFocusNext] = useState<'detach' | 'attach' | null>(null);
  const detachButton = useRef<HTMLButtonElement>(null);
  const attachRow = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusNext === 'detach') detachButton.current?.focus();
    if (focusNext === 'attach') attachRow.current?.querySelector('button')?.focus();
    setFocusNext(null);
  }, [focusNext]);

  const attach = async (entryId: string) => {
    setBusy(true);
    setMessage(null);
    const r = await post('/api/admin/misses/attach', { entryId, questions: chosen.map((w) => w.text), exchangeIds: chosen.flatMap((w) => w.exchangeIds) });
    setBusy(false);
    if (r.ok) {
      setResult(r.json as AttachResult);
      setFocusNext('detach');
    } else setMessage(r.message);
  };
  const detach = async () => {
    if (!result) return;
    setBusy(true);
    setMessage(null);
    const r = await post('/api/admin/misses/detach', {
      entryId: result.entryId,
      questions: result.questions.map((q) => q.question),
      exchangeIds: chosen.flatMap((w) => w.exchangeIds),
    });
    setBusy(false);
    if (r.ok) {
      setResult(null);
      setMessage(`已撤销:这些问题不再作为 ${result.entryId} 的相似问题,并已回到漏答队列。`);
      setFocusNext('attach');
    } else setMessage(r.message);
  };
  const uncovered = async () => {
    setBusy(true);
    const r = await post('/api/admin/misses/uncovered', { exchangeIds: chosen.flatMap((w) => w.exchangeIds) });
    setBusy(false);
    if (r.ok) router.refresh();
    else setMessage(r.message);
  };

  return (
    <section className={`cluster${cluster.uncovered ? ' uncovered' : ''}`} data-testid="miss-cluster">
      <h2>{cluster.label}</h2>
      <div className="meta">
        {cluster.count} 次 · 最近 {new Date(cluster.lastSeen).toLocaleString('zh-CN')} · 拒答 {cluster.kinds.refuse} · 不确定 {cluster.kinds.hedge} · 差评{' '}
        {cluster.kinds.down}
        {cluster.uncovered && ' · 已标记为 FAQ 未覆盖'}
      </div>
      <ul>
        {(expanded ? cluster.wordings : cluster.wordings.slice(0, WORDINGS_SHOWN)).map((w) => (
          <li key={w.text}>
            <label>
              <input
                type="checkbox"
                // A follow-up fragment is no way of asking an entry (lib/admin/cluster.ts followUp): shown, never attached.
                disabled={!!w.followUp}
                checked={picked.has(w.text)}
                onChange={(e) => {
                  const next = new Set(picked);
                  if (e.target.checked) next.add(w.text);
                  else next.delete(w.text);
                  setPicked(next);
                }}
              />{' '}
              {w.text}{' '}
              <span className="hint">
                ×{w.count}
                {w.candidate && w.candidate !== lead ? ` · 检索首位 ${w.candidate}` : ''}
                {w.followUp ? ` · 追问,依赖上文(结合上文检索为「${w.followUp}」),不能作为相似问题` : ''}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {hidden.length > 0 && (
        <button type="button" className="link" onClick={() => setExpanded(true)} data-testid="show-all-wordings">
          展开全部 {cluster.wordings.length} 种问法(另有 {hidden.length} 种未显示,其中 {hidden.filter((w) => picked.has(w.text)).length} 种已勾选)
        </button>
      )}
      {cluster.comments.length > 0 && <p className="hint">用户补充:{cluster.comments.join(';')}</p>}
      {cluster.offDomain && (
        <p className="hint" data-testid="off-domain">
          这些问题看起来与 FAQ 无关(如闲聊、天气),因此不推荐条目;如确属 FAQ 范围,请在下方填写条目。
        </p>
      )}
      {result ? (
        <>
          <table data-testid="attach-result">
            <thead>
              <tr>
                <th>问题(已加入 {result.entryId})</th>
                <th>之前</th>
                <th>之后</th>
              </tr>
            </thead>
            <tbody>
              {result.questions.map((q) => (
                <tr key={q.question}>
                  <td>{q.question}</td>
                  <td>{standing(q.before)}</td>
                  <td>{standing(q.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" ref={detachButton} disabled={busy} onClick={() => void detach()} data-testid="detach">
            撤销添加(选错了条目)
          </button>
        </>
      ) : (
        <div className="attach-row" ref={attachRow}>
          {cluster.candidates.map((c) => (
            <button key={c.id} type="button" disabled={busy || chosen.length === 0} onClick={() => void attach(c.id)} title={c.question}>
              作为 {c.id} 的相似问题
              <span className="candidate-question">{c.question.length > 24 ? `${c.question.slice(0, 24)}…` : c.question}</span>
            </button>
          ))}
          <input
            aria-label="其他条目"
            list={ENTRY_LIST}
            placeholder="其他条目,如 FAQ2.5"
            size={16}
            value={other}
            onChange={(e) => setOther(e.target.value.trim().toUpperCase())}
          />
          <button type="button" disabled={busy || !/^FAQ\d+\.\d+$/.test(other) || chosen.length === 0} onClick={() => void attach(other)}>
            作为{other ? ` ${other} ` : '所填条目'}的相似问题
          </button>
          {!cluster.uncovered && (
            <button type="button" disabled={busy || chosen.length === 0} onClick={() => void uncovered()}>
              FAQ 确实未覆盖
            </button>
          )}
        </div>
      )}
      {message && (
        <p className="error" role="alert">
          {message}
        </p>
      )}
    </section>
  );
}

/** The clusters with their actions: attach to an entry (re-indexed, before/after shown) or mark as not covered. */
export function MissQueue({ clusters, entries }: { clusters: MissQueueCluster[]; entries: Entry[] }) {
  if (clusters.length === 0) return <p className="hint">没有待处理的漏答问题。</p>;
  return (
    <div>
      <datalist id={ENTRY_LIST}>
        {entries.map((e) => (
          <option key={e.id} value={e.id}>
            {e.question.slice(0, 40)}
          </option>
        ))}
      </datalist>
      {clusters.map((c) => (
        <ClusterCard key={c.key} cluster={c} />
      ))}
    </div>
  );
}

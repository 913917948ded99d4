'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { Decision } from '@/lib/answer/types';
import { DECISION_LABEL } from '@/lib/text/messages';

/** What POST /api/retrieve answers. */
interface Result {
  decision: Decision;
  confidence: number;
  thresholds: { answer: number; hedge: number };
  signals: Record<string, number>;
  answerIds: string[];
  suggestionIds: string[];
  hits: {
    id: string;
    ids: string[];
    category: { name: string };
    question: string;
    rank: number;
    scores: { vector: number; keyword: number; fused: number };
    coverage: number;
  }[];
}

const VERDICT_CLASS: Record<Decision, string> = { answer: 'yes', hedge: 'hedge', refuse: 'no' };

/** What the decision means for the user, in a sentence. */
function consequence(r: Result): string {
  const list = (ids: string[]) => ids.join('、');
  if (r.decision === 'answer') return `作答,引用 ${list(r.answerIds)}`;
  if (r.decision === 'hedge') return `给出最接近的 ${list(r.answerIds)} 并注明不完全对应${r.suggestionIds.length ? `,推荐 ${list(r.suggestionIds)}` : ''}`;
  return `不作答${r.suggestionIds.length ? `,列出可能相关的 ${list(r.suggestionIds)}` : ''}`;
}

function roleOf(r: Result, id: string): string {
  if (r.answerIds.includes(id)) return r.decision === 'hedge' ? '最接近' : '作答';
  return r.suggestionIds.includes(id) ? '推荐' : '';
}

/** Type a question, see the decision (answer / hedge / refuse), its confidence, thresholds and signals, and the ranked entries. */
export function RetrievalTester({ maxTextChars, example }: { maxTextChars: number; example?: string }) {
  const [q, setQ] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState('');
  const tooLong = q.trim().length > maxTextChars;
  const run = async () => {
    setError('');
    const res = await fetch('/api/retrieve', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: q, k: 10 }),
    }).catch(() => null);
    if (!res) return setError('网络异常,请稍后重试。');
    const json = await res.json().catch(() => null);
    if (!res.ok) return setError(json?.error?.message ?? '请求失败,请稍后重试。');
    setResult(json as Result);
  };
  return (
    <div>
      <h1 style={{ fontSize: 20 }}>命中测试</h1>
      <p className="hint">输入一个问题,查看检索到的条目及各项得分,以及判定结果:可回答、不确定(给出最接近的条目)或 FAQ 未收录。</p>
      <form
        className="composer-row tester-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (q.trim() && !tooLong) void run();
        }}
      >
        <input
          className="filter"
          aria-label="测试问题"
          aria-invalid={tooLong || undefined}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={example ? `例如:${example}(Enter 测试)` : '输入问题(Enter 测试)'}
        />
        <button type="submit" className="primary" disabled={!q.trim() || tooLong}>
          测试
        </button>
      </form>
      {tooLong && (
        <p className="error">
          问题 {q.trim().length} 字,超出上限 {maxTextChars} 字,请删减后再测试。
        </p>
      )}
      {error && <p className="error">{error}</p>}
      {result && (
        <>
          <div className={`verdict ${VERDICT_CLASS[result.decision]}`} data-testid="verdict" data-decision={result.decision}>
            <strong>判定:{DECISION_LABEL[result.decision]}</strong>({consequence(result)})
            <br />
            首条正确的概率 {result.confidence.toFixed(3)}(≥ {result.thresholds.answer.toFixed(3)} 时回答) · FAQ 覆盖该问题的概率{' '}
            {(result.signals.covered ?? 0).toFixed(3)}(&lt; {result.thresholds.hedge.toFixed(3)} 时拒答)
          </div>
          {Object.keys(result.signals).length > 0 && (
            <details className="signals" open>
              <summary>判定依据(信号)</summary>
              <table className="score-table" data-testid="signals">
                <tbody>
                  {Object.entries(result.signals).map(([name, value]) => (
                    <tr key={name}>
                      <td>{name}</td>
                      <td className="num">{Number.isInteger(value) ? value : value.toFixed(3)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
          <div className="table-scroll">
            <table className="score-table">
              <thead>
                <tr>
                  <th>#</th>
                  <th>条目</th>
                  <th>用途</th>
                  <th>向量</th>
                  <th>关键词</th>
                  <th>覆盖度</th>
                  <th>融合</th>
                </tr>
              </thead>
              <tbody>
                {result.hits.map((h) => (
                  <tr key={h.id}>
                    <td className="num">{h.rank}</td>
                    <td>
                      <Link href={`/faq/${h.id}`}>[{h.ids.join(' / ')}]</Link> {h.question.split('\n')[0]} <span className="hint">({h.category.name})</span>
                    </td>
                    <td>{roleOf(result, h.id)}</td>
                    <td className="num">{h.scores.vector.toFixed(3)}</td>
                    <td className="num">{h.scores.keyword.toFixed(3)}</td>
                    <td className="num">{h.coverage.toFixed(3)}</td>
                    <td className="num">{h.scores.fused.toFixed(3)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

'use client';

import Link from 'next/link';
import { useState } from 'react';
import { KnowledgeBanner } from './knowledge-banner';

interface Result {
  noAnswer: boolean;
  confidence: number;
  threshold: number;
  answerIds: string[];
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

/** 命中测试: type a question, see the ranked entries with every score and the noAnswer decision. */
export default function RetrievalPage() {
  const [q, setQ] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState('');
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
      <KnowledgeBanner />
      <p className="hint">输入一个问题,查看检索到的条目及向量、关键词、融合得分,以及是否判定为 FAQ 未收录。</p>
      <form
        className="composer"
        style={{ position: 'static' }}
        onSubmit={(e) => {
          e.preventDefault();
          if (q.trim()) void run();
        }}
      >
        <input
          className="filter"
          style={{ margin: 0 }}
          aria-label="测试问题"
          maxLength={2000}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="例如:挥卡报03(Enter 测试)"
        />
        <button type="submit" className="primary" disabled={!q.trim()}>
          测试
        </button>
      </form>
      {error && <p className="error">{error}</p>}
      {result && (
        <>
          <div className={`verdict ${result.noAnswer ? 'no' : 'yes'}`} data-testid="verdict">
            {result.noAnswer ? '判定:FAQ 未收录(不会作答)' : `判定:可回答,使用 ${result.answerIds.join('、')}`} · 置信度 {result.confidence.toFixed(3)} / 阈值{' '}
            {result.threshold.toFixed(3)}
          </div>
          <table className="score-table">
            <thead>
              <tr>
                <th>#</th>
                <th>条目</th>
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
                  <td className="num">{h.scores.vector.toFixed(3)}</td>
                  <td className="num">{h.scores.keyword.toFixed(3)}</td>
                  <td className="num">{h.coverage.toFixed(3)}</td>
                  <td className="num">{h.scores.fused.toFixed(3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

import type { AnswerResult } from '../answer/types';
import { titleOf } from '../corpus/schema';
import { explainRetrieval } from '../retrieval/explain';
import type { RetrievalResult } from '../retrieval/types';
import { DECISION_LABEL } from '../text/messages';

const f3 = (n: number) => n.toFixed(3);

/**
 * The stable JSON shape of one answer, as README documents it; `explain` adds `retrieval`
 * (decision, confidence, thresholds, signals, answerIds, suggestionIds) and each hit's rank.
 */
export function answerJson(r: AnswerResult, opts: { explain?: boolean } = {}) {
  return {
    question: r.question,
    decision: r.decision,
    confidence: r.retrieval.confidence,
    hits: r.retrieval.hits.map((h) => ({
      id: h.id,
      ids: h.entry.ids,
      category: h.entry.category.name,
      question: h.entry.question,
      ...(opts.explain ? { rank: h.rank } : {}),
      score: h.score,
      scores: { vector: h.scores.vector, keyword: h.scores.keyword, fused: h.scores.fused, coverage: h.coverage },
    })),
    answer: r.text,
    citations: r.citations,
    mode: r.mode,
    notices: r.notices.map((n) => n.message),
    suggestions: r.suggestions,
    ...(opts.explain ? { retrieval: explainRetrieval(r.retrieval) } : {}),
  };
}

/** The decision and every score as a table, in the hit-testing page's terms (命中测试). */
export function explainText(r: RetrievalResult): string {
  const verdict =
    r.decision === 'refuse'
      ? `判定:${DECISION_LABEL.refuse}(不会作答)`
      : `判定:${DECISION_LABEL[r.decision]},使用 ${r.answerIds.join('、')}${r.suggestionIds.length ? `;您是不是想问 ${r.suggestionIds.join('、')}` : ''}`;
  const signals = Object.entries(r.signals)
    .map(([name, v]) => `${name} ${f3(v)}`)
    .join(' · ');
  const rows = r.hits.map(
    (h) =>
      `${String(h.rank).padStart(2)}  ${f3(h.scores.vector)}  ${f3(h.scores.keyword)}  ${f3(h.coverage)}  ${f3(h.scores.fused)}  [${h.entry.ids.join(' / ')}] ${titleOf(h.entry)}(${h.entry.category.name})`,
  );
  return [
    `${verdict} · 置信度 ${f3(r.confidence)} / 阈值 回答 ${f3(r.thresholds.answer)},拒答(覆盖概率低于)${f3(r.thresholds.hedge)}`,
    `信号:${signals || '无'}`,
    ' #  向量   关键词 覆盖度 融合   条目',
    ...rows,
  ].join('\n');
}

/** The answer for a person: notices, the answer, then the sources (`*` marks cited ones), or the explain table. */
export function answerText(r: AnswerResult, opts: { explain?: boolean } = {}): string {
  const notices = r.notices.map((n) => `提示:${n.message}\n`).join('');
  if (opts.explain) return `${notices}${r.text}\n\n—— 检索详情\n${explainText(r.retrieval)}\n`;
  const sources = r.retrieval.hits
    .map(
      (h) =>
        `  ${r.citations.includes(h.id) ? '*' : ' '} [${h.id}] ${titleOf(h.entry)}  (融合 ${h.scores.fused}, 向量 ${h.scores.vector}, 关键词 ${h.scores.keyword})`,
    )
    .join('\n');
  return `${notices}${r.text}\n\n—— 检索结果(* 为引用;判定 ${r.decision},置信度 ${r.retrieval.confidence})\n${sources}\n`;
}

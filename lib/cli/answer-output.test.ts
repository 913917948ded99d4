import { describe, expect, it } from 'vitest';
import type { AnswerResult } from '../answer/types';
import type { Entry } from '../corpus/schema';
import type { Hit, RetrievalResult } from '../retrieval/types';
import { answerJson, answerText, explainText } from './answer-output';

const entry = (id: string, question: string): Entry => ({
  id,
  ids: [id],
  category: { id: id.split('.')[0]!, name: '普通POS类' },
  question,
  solution: '答案',
  line: 1,
  alternatives: [],
});
const hit = (id: string, rank: number, s: number): Hit => ({
  id,
  entry: entry(id, `${id} 的问题\n第二行`),
  rank,
  score: s,
  scores: { vector: s, keyword: s / 2, fused: s },
  coverage: 0.5,
});
const retrieval: RetrievalResult = {
  query: '挥卡报03',
  hits: [hit('FAQ2.5', 1, 0.9), hit('FAQ2.12', 2, 0.4)],
  decision: 'answer',
  confidence: 0.8123,
  thresholds: { answer: 0.5, hedge: 0.3 },
  answerIds: ['FAQ2.5'],
  suggestionIds: ['FAQ2.12'],
  signals: { coverage: 0.75, vector: 0.9 },
};
const result = {
  question: '挥卡报03',
  standaloneQuestion: '挥卡报03',
  decision: 'answer',
  mode: 'offline',
  text: '答案 [FAQ2.5]',
  citations: ['FAQ2.5'],
  removedCitations: [],
  notices: [],
  retrieval,
  cited: [],
  suggestions: [],
  timings: { retrievalMs: 1, totalMs: 2 },
} satisfies AnswerResult;

describe('answer output', () => {
  it('adds the retrieval decision, thresholds and signals to the JSON only with explain', () => {
    expect(answerJson(result)).not.toHaveProperty('retrieval');
    const json = answerJson(result, { explain: true });
    // The same explanation as /api/retrieve and the hit-testing page: the decision, then every hit with its scores.
    expect(json.retrieval).toMatchObject({
      query: '挥卡报03',
      decision: 'answer',
      confidence: 0.8123,
      thresholds: { answer: 0.5, hedge: 0.3 },
      signals: { coverage: 0.75, vector: 0.9 },
      answerIds: ['FAQ2.5'],
      suggestionIds: ['FAQ2.12'],
    });
    expect(json.retrieval?.hits.map((h) => [h.id, h.rank, h.scores.fused, h.coverage])).toEqual([
      ['FAQ2.5', 1, 0.9, 0.5],
      ['FAQ2.12', 2, 0.4, 0.5],
    ]);
    expect(json.hits[0]).toEqual({
      id: 'FAQ2.5',
      ids: ['FAQ2.5'],
      category: '普通POS类',
      question: 'FAQ2.5 的问题\n第二行',
      rank: 1,
      score: 0.9,
      scores: { vector: 0.9, keyword: 0.45, fused: 0.9, coverage: 0.5 },
    });
  });

  it('explains the decision and every score as the hit-testing page does', () => {
    expect(explainText(retrieval).split('\n')).toEqual([
      '判定:可回答,使用 FAQ2.5;您是不是想问 FAQ2.12 · 置信度 0.812 / 阈值 回答 0.500,拒答(覆盖概率低于)0.300',
      '信号:coverage 0.750 · vector 0.900',
      ' #  向量   关键词 覆盖度 融合   条目',
      ' 1  0.900  0.450  0.500  0.900  [FAQ2.5] FAQ2.5 的问题(普通POS类)',
      ' 2  0.400  0.200  0.500  0.400  [FAQ2.12] FAQ2.12 的问题(普通POS类)',
    ]);
    expect(explainText({ ...retrieval, decision: 'refuse', answerIds: [] })).toMatch(/^判定:FAQ 未收录\(不会作答\) · /);
  });

  it('marks cited sources in the text, or shows the explain table instead', () => {
    expect(answerText(result)).toContain('  * [FAQ2.5] FAQ2.5 的问题  (融合 0.9, 向量 0.9, 关键词 0.45)');
    expect(answerText(result)).toContain('    [FAQ2.12]');
    expect(answerText(result, { explain: true })).toContain('—— 检索详情\n判定:可回答');
  });
});

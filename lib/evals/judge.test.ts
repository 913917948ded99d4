import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { entryOf } from '../testing/fixtures';
import { startMockOpenAI } from '../testing/openai-mock-server';
import { buildJudgePromptV1, judgeRun } from './judge';
import type { EvalRun } from './run';

it('builds judge-v1 with the fixed rubric', () => {
  expect(
    buildJudgePromptV1({
      question: '挥卡报03',
      answer: '补注册双免白名单 [FAQ2.5]',
      entries: [{ id: 'FAQ2.5', question: '挥卡报03?', answer: '补注册双免白名单。' }],
    }),
  ).toMatchSnapshot();
});

describe('judgeRun', () => {
  it('scores every cited answer of a run with the model (mean, per case)', async () => {
    const mock = await startMockOpenAI([{ text: '4' }]);
    try {
      const entry = entryOf('FAQ2.5', '挥卡报03?', '补注册双免白名单。');
      const base = {
        kind: 'colloquial',
        expected: ['FAQ2.5'],
        inScope: true,
        rank: 0,
        confidence: 0.9,
        citationCorrect: true,
        grounded: true,
        latencyMs: 1,
        top: [],
        baselineRank: 0,
      };
      const run = {
        cases: [
          { ...base, question: '挥卡报03', decision: 'answer', citations: ['FAQ2.5'], answer: '补注册双免白名单 [FAQ2.5]' },
          { ...base, question: '今天天气', decision: 'refuse', citations: [], answer: '抱歉,FAQ 中没有找到…' },
        ],
      } as unknown as EvalRun;
      const kb = { getEntry: (id: string) => (id === 'FAQ2.5' ? entry : undefined) } as unknown as KnowledgeBase;
      const judged = await judgeRun(run, kb, { model: 'judge', baseURL: mock.url, apiKey: 'sk-test', timeoutMs: 3000, maxRetries: 0, temperature: 0 });
      expect(judged.mean).toBe(4);
      expect(judged.scores).toEqual([{ question: '挥卡报03', score: 4 }]);
      expect(mock.requests).toHaveLength(1);
      expect(mock.requests[0]!.body.messages.at(-1).content).toContain('补注册双免白名单 [FAQ2.5]');
    } finally {
      await mock.close();
    }
  });
});

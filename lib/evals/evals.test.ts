import { describe, expect, it } from 'vitest';
import type { AnswerResult } from '../answer/types';
import { parseDataset } from './dataset';
import { aggregate, type CaseResult, isGroundedOffline, percentile } from './metrics';
import { compareReports, renderHtml } from './report';
import type { EvalRun } from './run';

const base = { rank: 0, noAnswer: false, topScore: 1 };
const caseOf = (over: Partial<CaseResult>): CaseResult => ({
  question: 'q',
  kind: 'colloquial',
  expected: ['FAQ2.5'],
  outOfScope: false,
  rank: 0,
  noAnswer: false,
  citations: ['FAQ2.5'],
  answer: '补注册双免白名单 [FAQ2.5]',
  citationCorrect: true,
  grounded: true,
  confidence: 0.8,
  latencyMs: 1,
  top: [],
  baseline: base,
  ...over,
});

describe('dataset parsing', () => {
  it('reports bad lines with their numbers', () => {
    const text = [
      '{"question":"挥卡报03","expected":["FAQ2.5"],"kind":"colloquial"}',
      'not json',
      '{"question":"","expected":[],"kind":"x"}',
      '{"question":"q","expected":["2.5"],"kind":"x"}',
    ].join('\n');
    const { cases, errors } = parseDataset(text);
    expect(cases).toHaveLength(1);
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4]);
  });
});

describe('metrics', () => {
  it('computes hit@k and MRR over in-scope cases and noAnswer precision/recall over all', () => {
    const m = aggregate([
      caseOf({ rank: 0 }),
      caseOf({ rank: 2, baseline: { ...base, rank: -1 } }),
      caseOf({ rank: 0, noAnswer: true }),
      caseOf({ outOfScope: true, expected: [], rank: -1, noAnswer: true, baseline: { ...base, noAnswer: false } }),
      caseOf({ outOfScope: true, expected: [], rank: -1, noAnswer: false }),
    ]);
    expect(m.hitAt1).toBe(0.667);
    expect(m.hitAt3).toBe(1);
    expect(m.mrr).toBe(0.778);
    expect(m.noAnswerRecall).toBe(0.5);
    expect(m.noAnswerPrecision).toBe(0.5);
    expect(m.falseNoAnswerRate).toBe(0.333);
    expect(m.baseline.hitAt1).toBe(0.667);
  });

  it('takes percentiles by rank', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 100], 95)).toBe(100);
  });

  it('judges an offline answer grounded only when it is the cited text plus template', () => {
    const cited = [
      { id: 'FAQ2.5', ids: ['FAQ2.5'], category: { id: 'FAQ2', name: 'POS' }, question: '挥卡报03?', solution: '补注册双免白名单。', solutionMarkdown: '' },
    ];
    const r = (text: string) => ({ text, cited, decision: 'answer', retrieval: { hits: [] } }) as unknown as AnswerResult;
    expect(isGroundedOffline(r('**挥卡报03?** [FAQ2.5]\n\n补注册双免白名单。'))).toBe(true);
    expect(isGroundedOffline(r('**挥卡报03?** [FAQ2.5]\n\n补注册双免白名单。另外建议重启机器并联系银行。'))).toBe(false);
    expect(isGroundedOffline(r('请重启机器 [FAQ2.5]'))).toBe(false);
  });
});

describe('report', () => {
  const run: EvalRun = {
    dataset: 'x.jsonl',
    mode: 'offline',
    startedAt: '2026-01-01T00:00:00Z',
    threshold: 0.35,
    overall: aggregate([caseOf({}), caseOf({ question: '<script>alert(1)</script>', rank: 1 })]),
    byKind: { colloquial: aggregate([caseOf({})]) },
    cases: [caseOf({}), caseOf({ question: '<script>alert(1)</script>', rank: 1 })],
  };

  it('renders self-contained HTML with the charts and escapes questions', () => {
    const html = renderHtml(run);
    expect(html.match(/<svg/g)).toHaveLength(2);
    expect(html).toContain('noAnswer 阈值 0.35');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<(link|script)[^>]+(src|href)=/);
  });

  it('shows what changed between two runs', () => {
    const worse = { ...run, cases: run.cases.map((c) => ({ ...c, rank: 1 })), overall: { ...run.overall, hitAt1: 0 } };
    const diff = compareReports(run, worse);
    expect(diff).toContain('hitAt1 0.500→0.000 (-0.500)');
    expect(diff).toContain('退步 [colloquial] q');
  });
});

import { describe, expect, it } from 'vitest';
import type { AnswerResult } from '../answer/types';
import { parseDataset } from './dataset';
import { aggregate, type CaseResult, isGroundedOffline, percentile, riskCoverage } from './metrics';
import { compareReports, renderHtml } from './report';
import type { EvalRun } from './run';

const caseOf = (over: Partial<CaseResult>): CaseResult => ({
  question: 'q',
  kind: 'colloquial',
  expected: ['FAQ2.5'],
  inScope: true,
  rank: 0,
  decision: 'answer',
  confidence: 0.8,
  citations: ['FAQ2.5'],
  answer: '补注册双免白名单 [FAQ2.5]',
  citationCorrect: true,
  grounded: true,
  latencyMs: 1,
  top: [],
  baselineRank: 0,
  ...over,
});
const oos = (over: Partial<CaseResult>) => caseOf({ expected: [], inScope: false, rank: -1, citations: [], citationCorrect: true, baselineRank: -1, ...over });

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
  const results = [
    caseOf({ rank: 0 }),
    caseOf({ rank: 2, decision: 'hedge', baselineRank: -1, citations: ['FAQ9.9'], citationCorrect: false }),
    caseOf({ rank: 9, decision: 'refuse', citations: [], citationCorrect: false, confidence: 0.1 }),
    oos({ decision: 'refuse', confidence: 0.05 }),
    oos({ decision: 'answer', confidence: 0.9, citations: ['FAQ2.5'], citationCorrect: false }),
  ];
  const m = aggregate(results);

  it('computes hit@k and MRR over in-scope cases, with the baseline beside them', () => {
    expect(m.hitAt1).toBe(0.333);
    expect(m.hitAt3).toBe(0.667);
    expect(m.hitAt10).toBe(1);
    expect(m.mrr).toBe(Math.round(((1 + 1 / 3 + 1 / 10) / 3) * 1000) / 1000);
    expect(m.baseline.hitAt1).toBe(0.667);
  });

  it('splits in-scope questions into answered, hedged and refused', () => {
    expect([m.answered, m.hedged, m.refused]).toEqual([0.333, 0.333, 0.333]);
    expect(m.rightCited).toBe(0.333);
  });

  it('counts a confident answer to an out-of-scope question against precision', () => {
    expect(m.answerPrecision).toBe(0.5);
    expect(m.outOfScopeAnswered).toBe(0.5);
    expect(m.outOfScopeRefused).toBe(0.5);
  });

  it('draws the risk–coverage curve from the most confident down', () => {
    const curve = riskCoverage(results);
    expect(curve[0]).toEqual({ threshold: 0.9, coverage: 0.2, precision: 0 });
    expect(curve.at(-1)!.coverage).toBe(1);
    expect(curve.at(-1)!.precision).toBe(0.2);
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
    expect(isGroundedOffline(r('请重启机器,然后再联系发卡银行处理 [FAQ2.5]'))).toBe(false);
  });
});

describe('report', () => {
  const cases = [caseOf({}), caseOf({ question: '<script>alert(1)</script>', rank: 1, decision: 'hedge' })];
  const run: EvalRun = {
    dataset: 'x.jsonl',
    mode: 'offline',
    startedAt: '2026-01-01T00:00:00Z',
    thresholds: { answer: 0.9, hedge: 0.35 },
    overall: aggregate(cases),
    byKind: { colloquial: aggregate(cases) },
    byDecision: { answer: aggregate([cases[0]!]), hedge: aggregate([cases[1]!]) },
    riskCoverage: riskCoverage(cases),
    cases,
  };

  it('renders self-contained HTML with the charts and escapes questions', () => {
    const html = renderHtml(run);
    expect(html.match(/<svg/g)).toHaveLength(3);
    expect(html).toContain('风险–覆盖曲线');
    expect(html).toContain('回答阈值 0.900');
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

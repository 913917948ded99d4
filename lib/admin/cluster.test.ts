import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MissQuestion } from '../store/types';
import { tempRuntime } from '../testing/temp-kb';
import { clusterMisses } from './cluster';

let t: Awaited<ReturnType<typeof tempRuntime>>;
beforeAll(async () => {
  t = await tempRuntime({ ANSWER_MODE: 'offline' });
}, 120_000);
afterAll(async () => t?.cleanup());

let n = 0;
function miss(question: string, over: Partial<MissQuestion> = {}): MissQuestion {
  n++;
  return {
    exchangeId: `x${n}`,
    question,
    decision: 'refuse',
    candidates: [{ id: 'FAQ2.5', score: 0.3 }],
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
    vote: null,
    reason: null,
    comment: null,
    resolution: null,
    ...over,
  };
}

describe('clusterMisses', () => {
  it('puts rewordings of one question together, other questions apart, largest first', () => {
    const clusters = clusterMisses(
      [
        miss('信用卡逾期了怎么办'),
        miss('信用卡逾期怎么办?'),
        miss('信用卡逾期了怎么处理'),
        miss('信用卡 逾期了 怎么办'),
        miss('今天天气怎么样', { decision: 'hedge', candidates: [{ id: 'FAQ9.1', score: 0.2 }] }),
        miss('发票怎么开', { vote: -1, decision: 'answer', comment: '没说电子发票' }),
        miss('怎么开发票', { vote: -1, decision: 'answer' }),
      ],
      t.kb.tokenizer,
      { idf: t.kb.embedder.state },
    );
    expect(clusters.map((c) => c.count)).toEqual([4, 2, 1]);
    const [credit, invoice, weather] = clusters;
    expect(credit!.wordings.map((w) => w.text).sort()).toEqual(['信用卡逾期了怎么办', '信用卡逾期了怎么处理', '信用卡逾期怎么办?'].sort());
    expect(credit!.wordings.find((w) => w.text === '信用卡逾期了怎么办')!.count).toBe(2);
    expect(credit!.kinds).toEqual({ refuse: 4, hedge: 0, down: 0 });
    expect(invoice!.kinds.down).toBe(2);
    expect(invoice!.comments).toEqual(['没说电子发票']);
    expect(weather!.candidates).toEqual([{ id: 'FAQ9.1', count: 1 }]);
    expect(credit!.lastSeen > credit!.wordings.at(-1)!.lastSeen || credit!.lastSeen === credit!.wordings[0]!.lastSeen).toBe(true);
  });

  it('says which entry retrieval ranked first for each wording, so a cluster of look-alike questions is not attached whole', () => {
    const clusters = clusterMisses(
      [
        miss('信用卡逾期了怎么办', { candidates: [{ id: 'FAQ2.5', score: 0.3 }] }),
        miss('信用卡逾期了怎么办', { candidates: [{ id: 'FAQ2.5', score: 0.3 }] }),
        miss('信用卡逾期了怎么处理', { candidates: [{ id: 'FAQ5.6', score: 0.3 }] }),
      ],
      t.kb.tokenizer,
      { idf: t.kb.embedder.state },
    );
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.candidates[0]).toEqual({ id: 'FAQ2.5', count: 2 });
    expect(Object.fromEntries(clusters[0]!.wordings.map((w) => [w.text, w.candidate]))).toEqual({
      信用卡逾期了怎么办: 'FAQ2.5',
      信用卡逾期了怎么处理: 'FAQ5.6',
    });
  });

  it('does not put questions together for the frame they share (客户在催, [捂脸], 在线等, 谁能帮忙看下) (round 23, a fresh-clone check)', () => {
    const clusters = clusterMisses(
      [
        miss('报表导出失败,客户在催'),
        miss('报表导出失败[捂脸]'),
        miss('收钱没有语音,客户在催'),
        miss('收钱没有语音 在线等'),
        miss('结算卡不到账谁能帮忙看下'),
        miss('公众号显示异常谁能帮忙看下'),
      ],
      t.kb.tokenizer,
      { idf: t.kb.embedder.state },
    );
    const together = (a: string, b: string) => clusters.some((c) => c.wordings.some((w) => w.text === a) && c.wordings.some((w) => w.text === b));
    expect(together('报表导出失败,客户在催', '报表导出失败[捂脸]')).toBe(true);
    expect(together('收钱没有语音,客户在催', '收钱没有语音 在线等')).toBe(true);
    expect(together('报表导出失败,客户在催', '收钱没有语音,客户在催')).toBe(false);
    expect(together('结算卡不到账谁能帮忙看下', '公众号显示异常谁能帮忙看下')).toBe(false);
  });

  it('marks a wording asked only as a follow-up with what it was searched as, the latest, and not one also asked alone', () => {
    const rows = [
      miss('那退款呢', { searched: '打款验证多久 那退款呢', candidates: [{ id: 'FAQ4.8' }] }),
      miss('那退款呢', { searched: '挥卡报03无效商户怎么办 那退款呢', candidates: [{ id: 'FAQ2.5' }] }),
      miss('要多久', { searched: '对账单下载不了 要多久' }),
      miss('要多久'),
    ];
    const wordings = clusterMisses(rows, t.kb.tokenizer, { idf: t.kb.embedder.state }).flatMap((c) => c.wordings);
    expect(wordings.find((w) => w.text === '那退款呢')?.followUp).toBe('挥卡报03无效商户怎么办 那退款呢');
    expect(wordings.find((w) => w.text === '要多久')?.followUp).toBeUndefined();
  });

  it('marks a cluster uncovered only when every question of it is', () => {
    const [c] = clusterMisses([miss('信用卡逾期了', { resolution: 'uncovered' }), miss('信用卡逾期了')], t.kb.tokenizer, { idf: t.kb.embedder.state });
    expect(c!.uncovered).toBe(false);
    const [d] = clusterMisses([miss('信用卡逾期了', { resolution: 'uncovered' })], t.kb.tokenizer);
    expect(d!.uncovered).toBe(true);
  });

  it('offers no entry for small talk and questions refused as plainly off the FAQ, and says so', () => {
    const off = { domain: 0.002, covered: 0.003 };
    const [weather] = clusterMisses([miss('今天天气怎么样', { scope: off }), miss('今天天气怎么样?', { scope: off })], t.kb.tokenizer);
    expect(weather).toMatchObject({ offDomain: true, candidates: [] });
    expect(clusterMisses([miss('你好')], t.kb.tokenizer)[0]).toMatchObject({ offDomain: true, candidates: [] });
    // A low domain reading alone is not enough (a short question the FAQ covers), nor a hedge, nor an old record without scope.
    for (const m of [
      miss('批下来要多久', { scope: { domain: 0.005, covered: 0.4 } }),
      miss('今天天气怎么样', { scope: off, decision: 'hedge' }),
      miss('今天天气怎么样'),
    ]) {
      expect(clusterMisses([m], t.kb.tokenizer)[0]).toMatchObject({ offDomain: false, candidates: [{ id: 'FAQ2.5', count: 1 }] });
    }
    // A cluster where some questions are about the FAQ keeps their candidates.
    const [mixed] = clusterMisses([miss('天气怎么样', { scope: off }), miss('天气怎么样啊', { scope: { domain: 0.3, covered: 0.2 } })], t.kb.tokenizer);
    expect(mixed).toMatchObject({ offDomain: false, candidates: [{ id: 'FAQ2.5', count: 1 }] });
  });

  it('clusters 3,000 misses in well under a second', () => {
    const words = ['退款', '挥卡', '发票', '密码', '结算', '到账', '对账', '流量卡', '押金', '积分'];
    const misses = Array.from({ length: 3_000 }, (_, i) => miss(`${words[i % 10]}${words[(i * 7) % 10]}的问题${i % 400}号怎么办`));
    const started = performance.now();
    const clusters = clusterMisses(misses, t.kb.tokenizer, { idf: t.kb.embedder.state });
    const ms = performance.now() - started;
    console.info(`[cluster] 3000 misses -> ${clusters.length} clusters in ${ms.toFixed(0)} ms`);
    expect(clusters.reduce((s, c) => s + c.count, 0)).toBe(3_000);
    expect(ms).toBeLessThan(1_500);
  });
});

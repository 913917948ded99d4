import { describe, expect, it } from 'vitest';
import type { RetrievalResult } from '../retrieval/types';
import { entryOf, hitOf } from '../testing/fixtures';
import { resolveFollowUp, standaloneQuestion } from './follow-up';
import { looksLikeFollowUp } from './leaning';

const history = [
  { role: 'user' as const, text: '扫码交易撤销多久到账' },
  { role: 'assistant' as const, text: '撤销 1-2 分钟到账 [FAQ2.6]' },
];
const E26 = entryOf('FAQ2.6', '撤销或退款什么时候入账?', '1、撤销 即时到账\n2、退款 以发卡行为准');
const E27 = entryOf('FAQ2.7', '新进件商户报96?', '检查商户是否配置了直联');
const E416 = entryOf('FAQ4.16', '对公汇款多久退回?', 'T+1 日原路退回');
const result = (hits: RetrievalResult['hits'], decision: RetrievalResult['decision'], confidence: number): RetrievalResult => ({
  query: '',
  hits,
  decision,
  confidence,
  thresholds: { answer: 0.9, hedge: 0.5 },
  answerIds: decision === 'refuse' ? [] : [hits[0]!.id],
  suggestionIds: [],
  signals: {},
});

describe('offline follow-up handling', () => {
  it('combines a follow-up with the previous user turn', () => {
    expect(standaloneQuestion('那退款呢?', history)).toBe('扫码交易撤销多久到账 那退款呢?');
    expect(standaloneQuestion('如果是银行卡支付的', history)).toBe('扫码交易撤销多久到账 如果是银行卡支付的');
  });

  it('combines a question that names an earlier exchange with that exchange’s question, however it reads alone', () => {
    const two = [
      { role: 'user' as const, text: 'API请求返回不允许提交商户的请求' },
      { role: 'assistant' as const, text: '检查是否申请了参数共享 [FAQ1.1]' },
      { role: 'user' as const, text: 'API入网报合作机构未开通产品' },
      { role: 'assistant' as const, text: '查看代理商是否开通了相应产品 [FAQ8.10]' },
    ];
    expect(looksLikeFollowUp('头一个报错,查谁的号?')).toBe(false);
    expect(standaloneQuestion('头一个报错,查谁的号?', two)).toBe('API请求返回不允许提交商户的请求 头一个报错,查谁的号?');
    expect(standaloneQuestion('商户入网要交哪些材料和证件', two)).toBe('商户入网要交哪些材料和证件');
  });

  it('leaves a question alone without a conversation, and a long question always', () => {
    expect(standaloneQuestion('好老板APP忘记登录账号怎么办', history)).toBe('好老板APP忘记登录账号怎么办');
    expect(standaloneQuestion('那退款呢?', [])).toBe('那退款呢?');
    expect(looksLikeFollowUp('商户入网时报错该商户法人证件号已入网等于或超过3个无法提交怎么办')).toBe(false);
  });

  it('keeps the topic of the conversation when the follow-up alone is no surer', async () => {
    const retrieve = async (q: string) => (q.includes('撤销') ? result([hitOf(E26, 1)], 'answer', 0.95) : result([hitOf(E26, 1)], 'hedge', 0.6));
    const r = await resolveFollowUp('那退款呢?', history, retrieve);
    expect(r).toMatchObject({ query: '扫码交易撤销多久到账 那退款呢?', followUp: true });
  });

  it('lets a follow-up that names a new topic stand alone', async () => {
    const retrieve = async (q: string) => (q.includes('撤销') ? result([hitOf(E26, 1)], 'hedge', 0.5) : result([hitOf(E27, 1)], 'answer', 0.97));
    const r = await resolveFollowUp('报96怎么办', history, retrieve);
    expect(r).toMatchObject({ query: '报96怎么办', followUp: false });
    expect(r.retrieval.hits[0]!.id).toBe('FAQ2.7');
  });

  it('moves past the entry already given when another explains the follow-up’s own words better', async () => {
    // With its context the entry given leads; alone, the follow-up ranks the other one above it.
    const retrieve = async (q: string) =>
      q.includes('撤销') ? result([hitOf(E26, 1), hitOf(E416, 2)], 'answer', 0.95) : result([hitOf(E416, 1), hitOf(E26, 2)], 'hedge', 0.6);
    const coverage = (_q: string, text: string) => (text.includes('退回') ? 1 : 0.2);
    const r = await resolveFollowUp('那钱什么时候退回来', history, retrieve, coverage);
    expect(r.retrieval.hits[0]!.id).toBe('FAQ4.16');
    expect(r.retrieval.answerIds).toEqual(['FAQ4.16']);
  });

  it('does not move past the entry given for words in common when the follow-up alone ranks the entry given higher', async () => {
    const coverage = (_q: string, text: string) => (text.includes('退回') ? 1 : 0.2);
    const withContext = result([hitOf(E26, 1), hitOf(E416, 2)], 'answer', 0.95);
    // Alone, the entry given first (「一个月能改几次」 after 商户简称能改吗), or the other one nowhere (「不想每笔都传呢」).
    for (const alone of [result([hitOf(E26, 1), hitOf(E416, 2)], 'hedge', 0.6), result([hitOf(E27, 1), hitOf(E26, 2)], 'refuse', 0.1)]) {
      const r = await resolveFollowUp('那钱什么时候退回来', history, async (q) => (q.includes('撤销') ? withContext : alone), coverage);
      expect(r.retrieval.hits[0]!.id).toBe('FAQ2.6');
    }
  });

  it('stays with the entry given when the follow-up asks for more of it, or goes back to an earlier exchange', async () => {
    expect(looksLikeFollowUp('除了改信息,还有没有别的处理方式?')).toBe(true);
    const retrieve = async () => result([hitOf(E26, 1), hitOf(E416, 2)], 'answer', 0.95);
    const coverage = (_q: string, text: string) => (text.includes('退回') ? 1 : 0.2);
    // Another entry explains the follow-up's words better, yet 「还有别的办法吗」 asks for more of what was given.
    expect((await resolveFollowUp('那钱退回来还有别的办法吗', history, retrieve, coverage)).retrieval.hits[0]!.id).toBe('FAQ2.6');
    // Said the way people say it (别的招, 其他法子), even when alone the follow-up finds the other entry first; words that ask for
    // nothing more move there.
    const aloneElsewhere = async (q: string) =>
      q.includes('撤销') ? result([hitOf(E26, 1), hitOf(E416, 2)], 'answer', 0.95) : result([hitOf(E416, 1), hitOf(E26, 2)], 'hedge', 0.6);
    for (const q of ['那钱退回来还有别的招不', '那钱退回来有没有其他法子'])
      expect((await resolveFollowUp(q, history, aloneElsewhere, coverage)).retrieval.hits[0]!.id, q).toBe('FAQ2.6');
    expect((await resolveFollowUp('那钱退回来要多久', history, aloneElsewhere, coverage)).retrieval.hits[0]!.id).toBe('FAQ4.16');
    // 「回到第一个问题」: the first exchange is the context, and its entry stays first.
    const two = [...history, { role: 'user' as const, text: '对公汇款多久退回' }, { role: 'assistant' as const, text: 'T+1 日原路退回 [FAQ4.16]' }];
    const searched: string[] = [];
    const back = await resolveFollowUp(
      '回到第一个问题,那钱退回来呢',
      two,
      async (q) => {
        searched.push(q);
        return retrieve();
      },
      coverage,
    );
    expect(searched).toContain('扫码交易撤销多久到账 回到第一个问题,那钱退回来呢');
    expect(back.retrieval.hits[0]!.id).toBe('FAQ2.6');
  });

  it('hedges when the entry leaves most of the follow-up’s own words unexplained', async () => {
    const retrieve = async () => result([hitOf(E26, 1)], 'answer', 0.95);
    const r = await resolveFollowUp('退款要手续费吗', history, retrieve, () => 0.3);
    expect(r.retrieval.decision).toBe('hedge');
  });

  it('swaps the entry given for the one the follow-up alone points at, when the context ranks it among its first three', async () => {
    const E28 = entryOf('FAQ2.8', '退货怎么操作?', '在好老板APP发起退货');
    const withContext = result([hitOf(E26, 1), hitOf(E27, 2), hitOf(E28, 3)], 'answer', 0.95);
    const retrieve = (alone: RetrievalResult) => async (q: string) => (q.includes('撤销') ? withContext : alone);
    const even = () => 1;
    const swapped = await resolveFollowUp('那退货呢', history, retrieve(result([hitOf(E28, 1), hitOf(E416, 2)], 'hedge', 0.6)), even);
    expect(swapped).toMatchObject({ query: '扫码交易撤销多久到账 那退货呢', followUp: true });
    expect(swapped.retrieval.hits.map((h) => [h.id, h.rank])).toEqual([
      ['FAQ2.8', 1],
      ['FAQ2.6', 2],
      ['FAQ2.7', 3],
    ]);
    expect(swapped.retrieval.answerIds).toEqual(['FAQ2.8']);
    // Alone, the follow-up still ranks the entry given among its first three: it asks more about it.
    const kept = await resolveFollowUp('那退货呢', history, retrieve(result([hitOf(E28, 1), hitOf(E26, 2)], 'hedge', 0.6)), even);
    expect(kept.retrieval.hits[0]!.id).toBe('FAQ2.6');
    // Unless, alone, it finds the entry given far less likely (「报名的活动呢」 after 手续费补贴): it has moved on.
    const faint = { ...hitOf(E26, 2), score: 0.02 };
    const movedOn = await resolveFollowUp('那退货呢', history, retrieve(result([{ ...hitOf(E28, 1), score: 0.9 }, faint], 'hedge', 0.6)), even);
    expect(movedOn.retrieval.hits[0]!.id).toBe('FAQ2.8');
    // What the follow-up alone points at is not among the context's first three: nothing vouches for it.
    const far = await resolveFollowUp('那退货呢', history, retrieve(result([hitOf(E416, 1)], 'hedge', 0.6)), even);
    expect(far.retrieval.hits[0]!.id).toBe('FAQ2.6');
    // Without the corpus's vocabulary nothing moves.
    expect((await resolveFollowUp('那退货呢', history, retrieve(result([hitOf(E28, 1), hitOf(E416, 2)], 'hedge', 0.6)))).retrieval.hits[0]!.id).toBe('FAQ2.6');
    // The swap comes before the own-words refinement, which would have picked FAQ2.7.
    const coverage = (_q: string, text: string) => (text.includes('直联') ? 1 : 0.6);
    const first = await resolveFollowUp('那退货呢', history, retrieve(result([hitOf(E28, 1), hitOf(E416, 2)], 'hedge', 0.6)), coverage);
    expect(first.retrieval.hits[0]!.id).toBe('FAQ2.8');
    // Without the swap, the own-words refinement picks FAQ2.7 when the follow-up alone finds it, and not when it does not.
    expect((await resolveFollowUp('那退货呢', history, retrieve(result([hitOf(E416, 1), hitOf(E27, 2)], 'hedge', 0.6)), coverage)).retrieval.hits[0]!.id).toBe(
      'FAQ2.7',
    );
    expect((await resolveFollowUp('那退货呢', history, retrieve(result([hitOf(E416, 1)], 'hedge', 0.6)), coverage)).retrieval.hits[0]!.id).toBe('FAQ2.6');
  });

  it('stays in the category of the entry given when the follow-up alone allows it', async () => {
    // Written for this test: after an order-POS answer, 「那报验签失败呢」 alone finds the API's 验签失败 first and the order POS's second.
    const E32 = entryOf('FAQ3.2', '订单POS报验签失败?', '检查订单系统的签名密钥', '订单POS类');
    const E34 = entryOf('FAQ3.4', '订单POS报97终端未登记?', '检查商户号终端号与IP端口', '订单POS类');
    const E531 = entryOf('FAQ5.31', 'API请求报sign验证失败?', '检查签名方式与密钥', '接口类');
    const posHistory = [
      { role: 'user' as const, text: '订单POS报97终端未登记' },
      { role: 'assistant' as const, text: '商户号终端号和IP端口没匹配上 [FAQ3.4]' },
    ];
    const withContext = result([hitOf(E34, 1), hitOf(E531, 2), hitOf(E32, 3)], 'hedge', 0.8);
    const alone = (hits: RetrievalResult['hits']) => async (q: string) => (q.includes('97') ? withContext : result(hits, 'hedge', 0.6));
    const even = () => 1;
    const stays = await resolveFollowUp('那报验签失败呢', posHistory, alone([hitOf(E531, 1), hitOf(E32, 2)]), even);
    expect(stays.retrieval.hits[0]!.id).toBe('FAQ3.2');
    // Alone, nothing of the category is among its first three: what it points at leads.
    const moves = await resolveFollowUp('那报验签失败呢', posHistory, alone([hitOf(E531, 1), hitOf(E416, 2)]), even);
    expect(moves.retrieval.hits[0]!.id).toBe('FAQ5.31');
  });

  it('lets a long follow-up, which says enough on its own, swap the entry given for the one it points at', async () => {
    const E28 = entryOf('FAQ2.8', '退货怎么操作?', '在好老板APP发起退货');
    const withContext = result([hitOf(E26, 1), hitOf(E28, 2)], 'hedge', 0.7);
    // Alone, the follow-up still has the entry given among its first three: a short one asks more about it, a long one has moved on.
    const alone = result([hitOf(E28, 1), hitOf(E26, 2)], 'hedge', 0.6);
    const retrieve = async (q: string) => (q.includes('撤销') ? withContext : alone);
    const even = () => 1;
    expect((await resolveFollowUp('那退货呢', history, retrieve, even)).retrieval.hits[0]!.id).toBe('FAQ2.6');
    const long = await resolveFollowUp('你刚才说的那个做完了,现在商户又要在好老板里发起退货', history, retrieve, even);
    expect(long.retrieval.hits[0]!.id).toBe('FAQ2.8');
  });

  it('hedges with the entry just cited instead of refusing, unless the question’s own words are about something else', async () => {
    const refused = (covered: number) => ({ ...result([hitOf(E26, 1), hitOf(E27, 2)], 'refuse', 0.1), signals: { covered } });
    const kept = await resolveFollowUp('退了以后手续费还收不收', history, async () => refused(0.45));
    expect(kept.retrieval).toMatchObject({ decision: 'hedge', answerIds: ['FAQ2.6'], suggestionIds: ['FAQ2.7'] });
    // Its own words are plainly off the FAQ (「那今天天气怎么样」): refused as before.
    expect((await resolveFollowUp('那今天天气怎么样', history, async () => refused(0.05))).retrieval.decision).toBe('refuse');
    // Nothing was cited before: nothing vouches for the topic.
    expect((await resolveFollowUp('退了以后手续费还收不收', [], async () => refused(0.45))).retrieval.decision).toBe('refuse');
    // The refused question leads to another entry than the one cited, and with the conversation to nothing.
    const other = { ...result([hitOf(E27, 1)], 'refuse', 0.1), signals: { covered: 0.45 } };
    const nothing = { ...result([], 'refuse', 0), answerIds: [], signals: { covered: 0.45 } };
    const alone = async (q: string) => (q.includes('撤销') ? nothing : other);
    expect((await resolveFollowUp('退了以后手续费还收不收', history, alone)).retrieval.decision).toBe('refuse');
  });

  it('looks further down for the entry cited when a question in English, refused alone, may still be about it', async () => {
    const fillers = ['FAQ3.1', 'FAQ3.2', 'FAQ3.3', 'FAQ3.4', 'FAQ3.5'].map((id) => entryOf(id, '其他', '其他'));
    // Alone the English question ranks the entry cited sixth, in words the FAQ does not use (covered 0.1); the app asks for as
    // many hits as the rule looks at.
    const asked: (number | undefined)[] = [];
    const retrieve = (signals: RetrievalResult['signals']) => async (q: string, o?: { k?: number }) => {
      if (q.includes('撤销')) return result([hitOf(E26, 1)], 'hedge', 0.7);
      asked.push(o?.k);
      const hits = [...fillers, E26].map((e, i) => hitOf(e, i + 1)).slice(0, o?.k ?? 5);
      return { ...result(hits, 'refuse', 0.05), signals };
    };
    const kept = await resolveFollowUp('card opened at the counter just now, wait', history, retrieve({ covered: 0.1, domain: 0.4 }));
    expect(kept.retrieval).toMatchObject({ decision: 'hedge', answerIds: ['FAQ2.6'] });
    // Asked first as the caller asks (five), then further down.
    expect(asked.slice(0, 2)).toEqual([undefined, 8]);
    // The same question in Chinese is held to the first three.
    expect((await resolveFollowUp('柜台刚开的卡,等一下', history, retrieve({ covered: 0.1, domain: 0.4 }))).retrieval.decision).toBe('refuse');
    // English that reads plainly off the FAQ is refused, wherever the entry cited ranks.
    expect((await resolveFollowUp('nice weather today right', history, retrieve({ covered: 0.003, domain: 0.001 }))).retrieval.decision).toBe('refuse');
  });

  it('refuses small talk and a question plainly off the FAQ after an answer instead of offering the entry given again', async () => {
    const refusedAlone = (signals: RetrievalResult['signals']) => ({ ...result([hitOf(E27, 1)], 'refuse', 0.01), signals });
    const retrieve = async (q: string) =>
      q.includes('撤销')
        ? result([hitOf(E26, 1)], 'answer', 0.95)
        : q.includes('天气')
          ? refusedAlone({ domain: 0.001, covered: 0.003 })
          : q.includes('谢谢')
            ? { ...result([], 'refuse', 0), signals: {} }
            : refusedAlone({ domain: 0.4, covered: 0.3 });
    for (const q of ['谢谢', '今天天气怎么样', '🙏🙏🙏', '？？？']) {
      const r = await resolveFollowUp(q, history, retrieve);
      expect(r).toMatchObject({ query: q, followUp: false });
      expect(r.retrieval.decision).toBe('refuse');
    }
    // A follow-up refused alone whose words read as the FAQ's still leans on the conversation.
    expect(await resolveFollowUp('那退款呢?', history, retrieve)).toMatchObject({ followUp: true });
  });

  it('keeps on the entry given a follow-up saying it did not help, however few of its words the FAQ uses (round 27, dev29)', async () => {
    const retrieve = async (q: string) =>
      q.includes('撤销') ? result([hitOf(E26, 1)], 'refuse', 0.2) : { ...result([hitOf(E27, 1)], 'refuse', 0.05), signals: { covered: 0.05, domain: 0.5 } };
    const r = await resolveFollowUp('等了还是不行', history, retrieve);
    expect(r.retrieval).toMatchObject({ decision: 'hedge', answerIds: ['FAQ2.6'] });
    // Without saying so, a follow-up whose own words the FAQ hardly uses is not vouched for.
    expect((await resolveFollowUp('等了一会儿', history, retrieve)).retrieval.decision).toBe('refuse');
  });

  it('never searches with the conversation a question that says the topic changes', async () => {
    const withContext = result([hitOf(E416, 1)], 'answer', 0.97);
    const alone = { ...result([hitOf(E27, 1)], 'refuse', 0.05), signals: { covered: 0.4 } };
    const retrieve = async (q: string) => (q.includes('撤销') ? withContext : alone);
    for (const q of [
      '谢啦,换个话题,今天会下雨吗',
      '换个问题,96是什么意思',
      'switching topic, a new shop cannot take overseas Alipay',
      'btw unrelated: 96 on every card',
    ])
      expect(await resolveFollowUp(q, history, retrieve)).toMatchObject({ query: q, followUp: false, retrieval: { decision: 'refuse' } });
    // Unless what it then asks leans on the conversation after all; 顺便问下 adds to a topic as often as it leaves it; English words
    // inside a question say nothing of the conversation.
    for (const q of ['换个问题,那96呢', '换个话题,手续费呢', '顺便问下,96是什么意思', 'is error 96 unrelated to the refund?'])
      expect((await resolveFollowUp(q, history, retrieve)).followUp).toBe(true);
  });

  it('lets a follow-up stand alone after a refused question plainly off the FAQ, not after one refused in its domain', async () => {
    const refusedTurn = (q: string) => [
      { role: 'user' as const, text: q },
      { role: 'assistant' as const, text: '抱歉,FAQ 中没有找到与该问题相关的内容,无法给出可靠答案。' },
    ];
    const offFaq = { ...result([hitOf(E416, 1)], 'refuse', 0.002), signals: { domain: 0.05, covered: 0.004 } };
    const inDomain = { ...result([hitOf(E26, 1)], 'refuse', 0.1), signals: { domain: 0.87, covered: 0.33 } };
    const searched: string[] = [];
    const retrieve = async (q: string) => {
      searched.push(q);
      if (q === '你们公司年会什么时候') return offFaq;
      if (q === '好老板能开发票吗') return inDomain;
      return result([hitOf(E26, 1)], 'hedge', 0.6);
    };
    expect(await resolveFollowUp('退货呢', refusedTurn('你们公司年会什么时候'), retrieve)).toMatchObject({ query: '退货呢', followUp: false });
    expect(searched).not.toContain('你们公司年会什么时候 退货呢');
    expect(await resolveFollowUp('那退货呢', refusedTurn('好老板能开发票吗'), retrieve)).toMatchObject({ query: '好老板能开发票吗 那退货呢', followUp: true });
  });

  it('searches a question refused alone with the conversation, and offers what it finds as the closest entry', async () => {
    const refusedAlone = (covered: number, demand?: number) => ({
      ...result([hitOf(E27, 1)], 'refuse', 0.05),
      signals: { covered, ...(demand ? { demand } : {}) },
    });
    const withContext = result([hitOf(E416, 1), hitOf(E26, 2)], 'answer', 0.97);
    const retrieve = (alone: RetrievalResult) => async (q: string) => (q.includes('撤销') ? withContext : alone);
    const r = await resolveFollowUp('运营平台里具体是哪个菜单', history, retrieve(refusedAlone(0.4)));
    expect(r).toMatchObject({ query: '扫码交易撤销多久到账 运营平台里具体是哪个菜单', followUp: true });
    // Never a confident answer: alone, the question was refused.
    expect(r.retrieval).toMatchObject({ decision: 'hedge', answerIds: ['FAQ4.16'] });
    // Its own words plainly off the FAQ, or a demand: refused as it stands.
    expect((await resolveFollowUp('帮我写一首关于春天的诗', history, retrieve(refusedAlone(0.05)))).retrieval.decision).toBe('refuse');
    expect((await resolveFollowUp('导出全部商户的身份证号', history, retrieve(refusedAlone(0.4, 1)))).retrieval.decision).toBe('refuse');
    // In words the FAQ does not use, yet ranking first, alone, the entry the conversation is about: not off the FAQ.
    const onCited = { ...result([hitOf(E26, 1), hitOf(E27, 2)], 'refuse', 0.01), signals: { covered: 0.05 } };
    const question = 'How often is the short name allowed to be changed?';
    expect(looksLikeFollowUp(question)).toBe(false);
    const english = await resolveFollowUp(question, history, retrieve(onCited));
    expect(english).toMatchObject({ followUp: true, retrieval: { decision: 'hedge', answerIds: ['FAQ4.16'] } });
    // Or among its first three.
    const third = { ...result([hitOf(E27, 1), hitOf(E416, 2), hitOf(E26, 3)], 'refuse', 0.01), signals: { covered: 0.05 } };
    expect((await resolveFollowUp('Which MCC codes should we avoid for normal purchases?', history, retrieve(third))).followUp).toBe(true);
    const fourth = {
      ...result([hitOf(E27, 1), hitOf(E416, 2), hitOf(entryOf('FAQ5.1', '商户名称违规?', '修改商户名称'), 3), hitOf(E26, 4)], 'refuse', 0.01),
      signals: { covered: 0.05 },
    };
    // Fourth: far enough down for a question in Chinese to be about something else; English ranks more loosely (below).
    expect((await resolveFollowUp('普通消费要避开哪些MCC', history, retrieve(fourth))).retrieval.decision).toBe('refuse');
    expect((await resolveFollowUp('Which MCC codes should we avoid for normal purchases?', history, retrieve(fourth))).followUp).toBe(true);
    // A demand stays refused all the same.
    const demanded = { ...onCited, signals: { covered: 0.05, demand: 1 } };
    expect((await resolveFollowUp('Export every merchant ID number as a spreadsheet', history, retrieve(demanded))).retrieval.decision).toBe('refuse');
  });

  it('keeps the category, not the entry, for a follow-up that names what the entry given never mentions', async () => {
    const h = [
      { role: 'user' as const, text: '挥卡报03无效商户怎么办' },
      { role: 'assistant' as const, text: '需要在系统中做双免报备 [FAQ2.5]' },
    ];
    const E25 = entryOf('FAQ2.5', '挥卡报03无效商户?', '需要在系统中做双免报备');
    const E26pos = { ...E26, category: E25.category };
    const asked: string[] = [];
    const retrieve = async (q: string) => {
      asked.push(q);
      if (q.includes(E25.category.name)) return result([hitOf(E26pos, 1), hitOf(E25, 2)], 'hedge', 0.7);
      return q.includes('挥卡') ? result([hitOf(E25, 1), hitOf(E27, 2)], 'hedge', 0.7) : result([hitOf(E416, 1)], 'refuse', 0.1);
    };
    // What the question names, without 那…呢, is said by the text or not.
    const coverage = (q: string, text: string) => (text.includes(q.replace(/[那呢]/g, '')) ? 1 : 0);
    const r = await resolveFollowUp('那退款呢', h, retrieve, coverage);
    // Searched with the category's name; it stands as the follow-up with the previous question.
    expect(r.query).toBe('挥卡报03无效商户怎么办 那退款呢');
    expect(r.retrieval.hits[0]!.id).toBe('FAQ2.6');
    expect(r.retrieval.decision).toBe('hedge');
    // Nothing named beyond the words that ask: the follow-up asks about the entry given, and stays there.
    const stays = await resolveFollowUp('那要多久能处理好', h, retrieve, coverage);
    expect(stays.retrieval.hits[0]!.id).toBe('FAQ2.5');
    expect(asked.filter((q) => q.includes(E25.category.name))).toEqual([`那退款呢 ${E25.category.name}`]);
    // An entry in the category that does not say what is named is no reason to move.
    const none = await resolveFollowUp('那头像呢', h, retrieve, coverage);
    expect(none.retrieval.hits[0]!.id).toBe('FAQ2.5');
    // Nor is one that says it in another category: the conversation lends its category.
    const elsewhere = async (q: string) => (q.includes(E25.category.name) ? result([hitOf(E26, 1), hitOf(E25, 2)], 'hedge', 0.7) : retrieve(q));
    const E26elsewhere = { ...E26, category: { id: 'FAQ7', name: '资金/结算类' } };
    const moved = async (q: string) => (q.includes(E25.category.name) ? result([hitOf(E26elsewhere, 1), hitOf(E25, 2)], 'hedge', 0.7) : retrieve(q));
    expect((await resolveFollowUp('那退款呢', h, elsewhere, coverage)).retrieval.hits[0]!.id).toBe('FAQ2.6');
    expect((await resolveFollowUp('那退款呢', h, moved, coverage)).retrieval.hits[0]!.id).toBe('FAQ2.5');
  });

  it('keeps the entry given for a follow-up that only asks, though the context searched ranks another first', async () => {
    // 「要多久」 after 「那退款呢」 (itself a follow-up) was answered by FAQ2.6: searched with 「那退款呢」, another entry leads.
    const h = [
      { role: 'user' as const, text: '那退款呢' },
      { role: 'assistant' as const, text: '撤销即时到账,退款以发卡行为准 [FAQ2.6]' },
    ];
    const E76 = entryOf('FAQ7.6', '退款最长多久?', '365天内', '资金/结算类');
    const retrieve = async (q: string) => (q.includes('退款') ? result([hitOf(E76, 1), hitOf(E26, 2)], 'hedge', 0.7) : result([hitOf(E27, 1)], 'refuse', 0.1));
    const coverage = () => 0.5;
    for (const q of [
      '要多久',
      '要等多久',
      '那个要多久',
      '那要多久能处理好',
      '在那儿弄吗',
      '在哪里设置',
      '这个在哪个菜单里',
      '入口在哪',
      'where do I click to set that up?',
    ])
      expect((await resolveFollowUp(q, h, retrieve, coverage)).retrieval.hits[0]!.id, q).toBe('FAQ2.6');
    // Naming something, it is searched as before.
    expect((await resolveFollowUp('退款最长要多久', h, retrieve, coverage)).retrieval.hits[0]!.id).toBe('FAQ7.6');
  });

  it('answers a follow-up with confidence only when, asked alone, it is answered with the same entry', async () => {
    const withContext = result([hitOf(E26, 1), hitOf(E27, 2)], 'answer', 0.98);
    const retrieve = (alone: RetrievalResult) => async (q: string) => (q.includes('撤销') ? withContext : alone);
    const hedged = await resolveFollowUp('那退款呢', history, retrieve(result([hitOf(E26, 1)], 'hedge', 0.7)));
    expect(hedged.retrieval).toMatchObject({ decision: 'hedge', answerIds: ['FAQ2.6'], suggestionIds: ['FAQ2.7'] });
    const answered = await resolveFollowUp('那退款呢', history, retrieve(result([hitOf(E26, 1)], 'answer', 0.96)));
    expect(answered.retrieval.decision).toBe('answer');
  });

  it('takes an aside (对了, 另外想问 …) at its own word when, alone, it finds another entry, though not with confidence', async () => {
    const E81 = entryOf('FAQ8.1', '商户简称能改吗?', '可以,30天内只能改一次', '商户信息类');
    // With the conversation (扫码交易撤销多久到账, answered by FAQ2.6) the entry given leads; alone, the short name's entry, hedged.
    const retrieve = async (q: string) =>
      q.includes('撤销') ? result([hitOf(E26, 1), hitOf(E81, 2)], 'hedge', 0.6) : result([hitOf(E81, 1), hitOf(E26, 2)], 'hedge', 0.6);
    const aside = await resolveFollowUp('对了,商户简称改得了不?', history, retrieve);
    expect(aside).toMatchObject({ query: '对了,商户简称改得了不?', followUp: false });
    expect(aside.retrieval.hits[0]!.id).toBe('FAQ8.1');
    // Without the aside, the same follow-up is searched with the conversation.
    const plain = await resolveFollowUp('商户简称改得了不?', history, retrieve);
    expect(plain.followUp).toBe(true);
    expect(plain.retrieval.hits[0]!.id).toBe('FAQ2.6');
  });

  it('leaves out the entry given when a follow-up rejects it and says what was meant, unless the rejection is of a reading', async () => {
    const given = [
      { role: 'user' as const, text: '交易报不允许进行的交易' },
      { role: 'assistant' as const, text: '新进件商户报96,检查是否配置了直联 [FAQ2.7]' },
    ];
    const E422 = entryOf('FAQ4.22', '交易报不允许进行的交易?', '联系客户经理开通对应产品');
    const coverage = (q: string, text: string) => ([...q].some((c) => text.includes(c)) ? 1 : 0);
    // With the conversation the entry given still leads; what was meant, alone, finds the other entry first.
    const retrieve = async (q: string) =>
      q.startsWith('交易报') ? result([hitOf(E27, 1), hitOf(E422, 2)], 'answer', 0.95) : result([hitOf(E422, 1), hitOf(E27, 2)], 'answer', 0.95);
    const r = await resolveFollowUp('不是96,报的是不允许进行的交易', given, retrieve, coverage);
    expect(r).toMatchObject({ query: '交易报不允许进行的交易 不允许进行的交易', followUp: true });
    expect(r.retrieval.hits.map((h) => h.id)).toEqual(['FAQ4.22']);
    expect(r.retrieval).toMatchObject({ decision: 'answer', answerIds: ['FAQ4.22'] });
    // What was meant, alone, finds the entry given first: the reading was rejected, not the entry.
    const aloneGiven = async (q: string) =>
      q.startsWith('交易报') ? result([hitOf(E27, 1), hitOf(E422, 2)], 'answer', 0.95) : result([hitOf(E27, 1)], 'hedge', 0.6);
    expect((await resolveFollowUp('不是96,报的是不允许进行的交易', given, aloneGiven, coverage)).retrieval.hits[0]!.id).toBe('FAQ2.7');
    // What is rejected is nowhere in the entry given (苹果 after an entry that never says it): not a rejection of the entry; the
    // follow-up is resolved as any other (here, alone, it is answered with confidence on another entry: a new topic), not
    // searched as what was meant without the entry given.
    const reading = await resolveFollowUp('不是苹果,我说的是安卓', given, retrieve, coverage);
    expect(reading).toMatchObject({ query: '不是苹果,我说的是安卓', followUp: false });
    expect((await resolveFollowUp('不是96,我说的是安卓', given, retrieve, coverage)).query).toBe('交易报不允许进行的交易 安卓');
  });

  it('keeps the entry given when a correction names nothing rejected and the entry says all of what was meant (round 27)', async () => {
    const E98 = entryOf('FAQ9.8', '好老板APP是否支持退货?', '支持,在订单详情里发起退货');
    // With the conversation and alone, 退款 finds the app's returns first; the entry given says 退款 too.
    const retrieve = async () => result([hitOf(E98, 1), hitOf(E26, 2)], 'hedge', 0.6);
    for (const q of ['不对,我说的是退款', '我问的是退款']) {
      const r = await resolveFollowUp(q, history, retrieve, () => 1);
      expect(r.retrieval.hits[0]!.id, q).toBe('FAQ2.6');
      expect(r.retrieval.decision, q).toBe('hedge');
    }
    // What the entry given does not say (退货) is a correction of it.
    expect((await resolveFollowUp('不对,我说的是退货', history, retrieve, () => 1)).retrieval.hits[0]!.id).toBe('FAQ9.8');
  });

  it('corrects to nothing that is itself refused as a demand or an attack (round 27’s review)', async () => {
    const E98 = entryOf('FAQ9.8', '好老板APP是否支持退货?', '支持,在订单详情里发起退货');
    const demand = { ...result([hitOf(E98, 1)], 'refuse', 0.6), signals: { demand: 1, covered: 0.9, domain: 0.9 } };
    const retrieve = async (q: string) => (q.includes('撤销') ? result([hitOf(E98, 1), hitOf(E26, 2)], 'refuse', 0.3) : demand);
    const r = await resolveFollowUp('我想问的是你们的营业执照', history, retrieve, () => 0);
    expect(r.retrieval.decision).toBe('refuse');
  });
});

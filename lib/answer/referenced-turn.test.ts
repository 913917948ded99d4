import { describe, expect, it } from 'vitest';
import { previousTurn } from './referenced-turn';
import type { ChatTurn } from './types';

const history: ChatTurn[] = [
  { role: 'user', text: '微信交易报缺少必要字段sub_appid' },
  { role: 'assistant', text: '交易时上送sub_appid,或配置默认支付appid。[FAQ5.10]' },
  { role: 'user', text: '授权目录满5个了想删' },
  { role: 'assistant', text: '只能线下把商户号和要删的目录给通联业务处理。[FAQ5.9]' },
  { role: 'user', text: '好老板不播报' },
  { role: 'assistant', text: '先查用户角色和码牌绑定关系。[FAQ9.4]' },
];

describe('previousTurn', () => {
  it('is the last exchange for a plain follow-up', () => {
    expect(previousTurn(history, '那苹果手机呢')).toEqual({ question: '好老板不播报', citedIds: ['FAQ9.4'], earlier: false });
    expect(previousTurn(history)).toMatchObject({ question: '好老板不播报', earlier: false });
  });

  it('goes back to the exchange named by its place', () => {
    expect(previousTurn(history, '回到第一个问题,还有别的办法吗')).toEqual({
      question: '微信交易报缺少必要字段sub_appid',
      citedIds: ['FAQ5.10'],
      earlier: true,
    });
    expect(previousTurn(history, 'back to the first one')).toMatchObject({ citedIds: ['FAQ5.10'] });
    // In English, an ordinal with what it counts, anywhere in the follow-up.
    expect(previousTurn(history, 'wait the first one, what status does it turn into?')).toMatchObject({ citedIds: ['FAQ5.10'], earlier: true });
    expect(previousTurn(history, 're the second error: how long until it takes effect?')).toMatchObject({ citedIds: ['FAQ5.9'], earlier: true });
    // Without the article, and with again after it.
    expect(previousTurn(history, 'first one again: does it need a restart?')).toMatchObject({ citedIds: ['FAQ5.10'], earlier: true });
    // 「the X one」 names an earlier exchange by what it was about.
    expect(previousTurn(history, 'the sub_appid one: where is the default set?')).toMatchObject({ citedIds: ['FAQ5.10'], earlier: true });
    for (const q of [
      'is the first step in the app?',
      'ok, what is the first thing to check on the speaker?',
      'the first error code in the log is 96, what now',
    ])
      expect(previousTurn(history, q)).toMatchObject({ citedIds: ['FAQ9.4'], earlier: false });
    // A place without pointing back is a place in the answer just given.
    expect(previousTurn(history, '第一个步骤在哪操作')).toMatchObject({ citedIds: ['FAQ9.4'], earlier: false });
  });

  it('goes back to the exchange an opening ordinal names, not to a thing it names or an item of a numbered answer', () => {
    expect(previousTurn(history, '第一个那个报错要检查啥来着')).toMatchObject({ citedIds: ['FAQ5.10'], earlier: true });
    expect(previousTurn(history, '那第二个,删完多久生效?')).toMatchObject({ citedIds: ['FAQ5.9'], earlier: true });
    expect(previousTurn(history, '好的,第一个开通了还报呢')).toMatchObject({ citedIds: ['FAQ5.10'], earlier: true });
    // 家 counts merchants as 个 counts things (round 27, dev29).
    expect(previousTurn(history, '第一家是要签什么协议?')).toMatchObject({ citedIds: ['FAQ5.10'], earlier: true });
    // A thing after the ordinal: a step, a button, a month, a store of the answer just given.
    for (const thing of ['第一个按钮是灰的', '第二个选项选哪个', '头一个月能提现吗', '还有第二个门店也报这个错'])
      expect(previousTurn(history, thing)).toMatchObject({ citedIds: ['FAQ9.4'], earlier: false });
    // After an answer that lists its points, an ordinal names one of them.
    const listed: ChatTurn[] = [
      ...history,
      { role: 'user', text: '撤销和退款多久到账' },
      { role: 'assistant', text: '1、撤销:银行卡交易即时到账;\n2、退款:以发卡行处理时效为准。[FAQ2.6]' },
    ];
    for (const item of ['第二个要多久', '第一个是即时到账吗']) expect(previousTurn(listed, item)).toMatchObject({ citedIds: ['FAQ2.6'], earlier: false });
  });

  it('goes back to the earlier exchange the follow-up repeats words of', () => {
    expect(previousTurn(history, '前面那个授权目录的,删完多久生效')).toMatchObject({ citedIds: ['FAQ5.9'], earlier: true });
    // 「re」 (regarding) points back as 前面 does; not the prefix of re-onboard.
    expect(previousTurn(history, 're the 授权目录 - how long until it takes effect?')).toMatchObject({ citedIds: ['FAQ5.9'], earlier: true });
    expect(previousTurn(history, 'can we re-onboard the 授权目录 merchant?')).toMatchObject({ citedIds: ['FAQ9.4'], earlier: false });
    // Pointing back without repeating anything of an earlier exchange: the last one.
    expect(previousTurn(history, '刚才那个要多久')).toMatchObject({ citedIds: ['FAQ9.4'], earlier: false });
  });

  it('has nothing to lean on without a history', () => {
    expect(previousTurn([], '那退款呢')).toEqual({ question: undefined, citedIds: [], earlier: false });
  });
});

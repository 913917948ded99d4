import { describe, expect, it } from 'vitest';
import { ASKS_FOR_MORE, looksLikeFollowUp, opensAside, rejectionOf, STILL_FAILING } from './leaning';

describe('looksLikeFollowUp', () => {
  it('takes a longer question that points back at the conversation as a follow-up', () => {
    expect(looksLikeFollowUp('你上面说的那个设置要在哪个页面里操作,我找了半天没找到')).toBe(true);
    expect(looksLikeFollowUp('这两个都开了还是不行?')).toBe(true);
    expect(looksLikeFollowUp('what about that one')).toBe(true);
    // Past 40 characters a question carries its own topic, whatever it points back at.
    expect(looksLikeFollowUp('那个商户入网时报错该商户法人证件号已入网等于或超过3个无法提交,客户经理说要换法人,请问这种情况要怎么处理')).toBe(false);
  });

  it('counts an English follow-up in words, after an acknowledgement', () => {
    expect(looksLikeFollowUp('What about on an iPhone?')).toBe(true);
    expect(looksLikeFollowUp('OK, and if the user forgot the account?')).toBe(true);
    expect(looksLikeFollowUp('好的,那退款要多久到账呢')).toBe(true);
    expect(looksLikeFollowUp('What does the error code 96 mean when a newly onboarded merchant swipes a card?')).toBe(false);
  });

  it('allows an English follow-up that opens by leaning on the conversation more words than a Chinese one characters', () => {
    expect(looksLikeFollowUp('What about micro merchants, which documents do they need?')).toBe(true);
    expect(looksLikeFollowUp('And if the refund request says the transaction cannot be refunded?')).toBe(true);
    // 「if」 opens as many questions of their own; past twelve words a question carries its own topic; Chinese is counted in
    // characters whatever opens it.
    expect(looksLikeFollowUp('If the POS shows 96, what should we check?')).toBe(false);
    expect(looksLikeFollowUp('also 商户的结算账户要怎么修改才能生效呢谢谢')).toBe(false);
    expect(looksLikeFollowUp('And what should a newly onboarded merchant check first when every card swipe on the POS is declined with 96?')).toBe(false);
  });

  it('takes short English that points back (the … one, too, one again) or only asks as a follow-up', () => {
    for (const q of [
      'the alipay one: what do we submit?',
      'old merchant with successful trades, affected too?',
      'first one again: company set up 8 months ago?',
      'so what should we do?',
      'what now?',
    ])
      expect(looksLikeFollowUp(q)).toBe(true);
    // A symptom with too in it, a question that names its own topic, and a long one stand alone.
    for (const q of [
      'merchant name too long for wechat',
      'what is the best way to refund a card payment?',
      'how do we refund a card payment from yesterday?',
      'the merchant says the speaker one stays silent after every payment since the last app update, what should we check',
    ])
      expect(looksLikeFollowUp(q)).toBe(false);
  });

  it('reads a follow-up as retrieval does: without its chat frame, traditional characters as simplified', () => {
    expect(looksLikeFollowUp('@客服小王 老师好,那退款的话要多久呢?谢谢!')).toBe(true);
    expect(looksLikeFollowUp('你上面說的這個設置要在哪個頁面裡操作,我找了半天沒找到')).toBe(true);
  });
});

describe('opensAside', () => {
  it('finds an aside opened before a question of its own', () => {
    for (const q of [
      '对了,商户简称改得了不?',
      '另外想問,深度睡眠商戶點定義?',
      '顺便问下 无纸化一审过了要二审吗',
      '还有个事,企业户三要素都对却验证不通过',
      'btw how do I change the short name',
    ])
      expect(opensAside(q), q).toBe(true);
  });

  it('not when what follows leans on the conversation, or without a marker at the start', () => {
    for (const q of ['对了,那退款呢', '另外这个要多久', '顺便问下还有别的办法吗', '商户简称对了吗', '对了', '还有没有别的原因', '对了账单发现少了一笔'])
      expect(opensAside(q), q).toBe(false);
  });
});

describe('rejectionOf', () => {
  it('reads what a follow-up rejects and what it says was meant', () => {
    expect(rejectionOf('不是96,报的是不允许进行的交易')).toEqual({ rejected: '96', meant: '不允许进行的交易' });
    expect(rejectionOf('好的,不对,屏幕上写的是95此商户不支持双免')).toEqual({ rejected: '', meant: '95此商户不支持双免' });
    expect(rejectionOf('不是授权那一步,我是说整个流程多久作废')).toEqual({ rejected: '授权那一步', meant: '整个流程多久作废' });
    expect(rejectionOf('不是好老板,是接口退货报错')).toEqual({ rejected: '好老板', meant: '接口退货报错' });
    expect(rejectionOf('不对,我问的是退款')).toEqual({ rejected: '', meant: '退款' });
    expect(rejectionOf('不是這個,我說的是安卓')).toEqual({ rejected: '这个', meant: '安卓' });
    expect(rejectionOf('No, I mean the refund')).toEqual({ rejected: '', meant: 'the refund' });
  });

  it('takes saying what was meant, without rejecting anything first, for a restatement (round 27, dev29)', () => {
    expect(rejectionOf('我讲的是好老板APP不会报啦')).toEqual({ rejected: '', meant: '好老板APP不会报啦', restated: true });
    expect(rejectionOf('我问的是企业的')).toEqual({ rejected: '', meant: '企业的', restated: true });
    expect(rejectionOf('I mean the refund')).toEqual({ rejected: '', meant: 'the refund', restated: true });
    // Not a question of its own after the opening, nor more than a follow-up's few words (round 27's review).
    for (const q of [
      '我问的是',
      '我说的话你没看懂吗',
      '问的是不是退款',
      '我问的是POS机怎么签到',
      '我说的是,今年的年费怎么交',
      '我想问的是退款多久到账',
      'I mean how long does it take',
    ])
      expect(rejectionOf(q), q).toBeNull();
  });

  it('not surprise, a reminder, or a question of its own that opens with 不是/不对/错了/no', () => {
    for (const q of [
      '不是吧,要这么久',
      '不是说三天吗',
      '不是已经开通了吗,还报错',
      '不是所有商户都能开吗',
      '不是',
      // A condition or a question of its own after a break: no word says what was meant.
      '不是本人的卡,能退款吗',
      '不对账的话,会有什么影响',
      '错了一笔,怎么退',
      '不是工作日,多久到账',
      '不对,还是不行',
      'No card present, what to do?',
      'No problem, and refunds?',
    ])
      expect(rejectionOf(q), q).toBeNull();
  });
});

describe('asking for more, or saying it did not help', () => {
  it('asks for another way or says, as it ends, that the answer did not help', () => {
    expect(ASKS_FOR_MORE.test('不想改代码咧,有没有别的方式')).toBe(true);
    for (const q of ['等了还是不行', '弄完还是一样咧', '重启了仍然没反应。', 'did that, still not working']) expect(STILL_FAILING.test(q), q).toBe(true);
    // A new symptom after it is a question of its own.
    for (const q of ['刷了还是不行,又说用户被冻结', '还是不行的话找谁', 'still not sure what 96 means', '节假日还是一样吗'])
      expect(STILL_FAILING.test(q), q).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { regionalToMandarin } from './regional';
import { readTyped } from './simplified';

describe('regionalToMandarin', () => {
  it('reads north-eastern, south-western, Shanghai and Taiwan wording as Mandarin, longest form first', () => {
    // Written for this test.
    expect(regionalToMandarin('俺们这个码牌咋个收勿了钱')).toBe('我们这个码牌怎么收不了钱');
    expect(regionalToMandarin('莫得反应,啥子原因')).toBe('没有反应,什么原因');
    expect(regionalToMandarin('阿拉系统是勿是要改,啥辰光截止')).toBe('我们系统是不是要改,什么时候截止');
    expect(regionalToMandarin('串接的软体登入不了')).toBe('对接的软件登录不了');
    expect(regionalToMandarin('认证弄好了木有,上哪儿瞅一眼,忒慢了,没招了')).toBe('认证弄好了没有,上哪儿看一眼,太慢了,没办法了');
  });

  it('reads 伐 as 吗 only where it asks at the end of a sentence, and 阿拉 only as "we"', () => {
    expect(regionalToMandarin('换个叫法,好伐?')).toBe('换个叫法,好吗?');
    expect(regionalToMandarin('可以伐')).toBe('可以吗');
    expect(regionalToMandarin('征伐,步伐。')).toBe('征伐,步伐。');
    expect(regionalToMandarin('阿拉伯数字,阿拉善')).toBe('阿拉伯数字,阿拉善');
  });

  it('leaves a word alone where it is part of an ordinary word (什么子商户号, 伊拉克, 方程式)', () => {
    const mandarin = '有什么子商户号能用,伊拉克的卡,方程式,阿拉木图,阿拉山口,交易过程中不中断,找寻思路,感冒得很,请勿要求,验钞票';
    expect(regionalToMandarin(mandarin)).toBe(mandarin);
    expect(regionalToMandarin('么子原因,伊拉讲的,小程式,冒得反应,中不中?')).toBe('什么原因,他们讲的,小程序,没有反应,行不行?');
  });

  it('reads the Wu of Shanghai and Zhejiang: 勿 (not), 伐 asking after any word, 伊 (he), 寻 (look for), 搿, 哪能 (how), 啥个', () => {
    // Written for this test.
    expect(regionalToMandarin('跳出来讲伊勿是填单子的人,啥个原因?')).toBe('跳出来讲他不是填单子的人,什么原因?');
    expect(regionalToMandarin('还好再打一趟伐?请款支持伐')).toBe('还好再打一趟吗?请款支持吗');
    expect(regionalToMandarin('寻勿着搿台机器的子号,哪能回事,今朝哪能弄')).toBe('找不着这台机器的子号,怎么回事,今天怎么弄');
    // Mandarin words with the same characters stay as they are.
    const mandarin =
      '请勿拔出,切勿重复,勿忘,勿扰,伊利,伊朗,伊春,伊藤,新年伊始,木乃伊,伊利诺伊州,寻找,寻求,搜寻,追寻,寻常,讨伐,砍伐,盗伐,在哪能看,对账单在哪能弄';
    expect(regionalToMandarin(mandarin)).toBe(mandarin);
  });

  it('reads Hunan and Hubei wording: 何解 (why), 么样 (how), 啵 asking at the end, 哒 (done)', () => {
    expect(regionalToMandarin('扫码失败,何解?')).toBe('扫码失败,为什么?');
    expect(regionalToMandarin('这个么样搞咯')).toBe('这个怎么搞');
    expect(regionalToMandarin('补哒以后要重新进件啵?')).toBe('补了以后要重新进件吗?');
    expect(regionalToMandarin('何解呢')).toBe('为什么呢');
    for (const t of [
      '这是怎么样的流程',
      '什么样的商户能开',
      '甚么样的商户',
      '那么样子也行',
      '么么哒',
      '哒哒哒',
      '好哒,谢谢',
      '萌萌哒',
      '啵啵奶茶店的收款码',
      '如何解决?',
      '微信实名认证如何解除',
      '没有任何解释',
      '何解扫不出来',
    ])
      expect(regionalToMandarin(t)).toBe(t);
  });

  it('leaves ordinary Mandarin alone', () => {
    const mandarin = '小程序怎么设置,知道多久能到账,请勿重复提交';
    expect(regionalToMandarin(mandarin)).toBe(mandarin);
    for (const t of ['等了好久才到账', '好久没到账了', '退款好久了还没到', '这个问题好久处理不了', '审核好久通过不了', '退款已经好久到不了账', '需要好久到账'])
      expect(regionalToMandarin(t)).toBe(t);
    // The north-eastern and Henan words' ordinary neighbours.
    for (const t of ['红木有限公司的商户', '没招行的卡能绑吗', '门店还没招到收银员', '咋着手排查这个问题']) expect(regionalToMandarin(t)).toBe(t);
  });

  it('reads the south-western 好久 (how long) before what is waited for', () => {
    expect(regionalToMandarin('退款好久到账哦')).toBe('退款多久到账哦');
    expect(regionalToMandarin('资金好久能解冻')).toBe('资金多久能解冻');
  });

  it('is part of reading a typed message, after traditional characters are read as simplified', () => {
    expect(readTyped('串接API一直回簽章沒過，好伐？')).toBe('对接API一直回签章没过,好吗?');
  });

  it('reads the Wu of Suzhou, Hangzhou and Ningbo too: 弗, 拨, 搭, 阿好/阿是, 啥体, 咋话, 俚, 倷, 牢, 脱, 里向, 嘎, 是哇, 咯', () => {
    // Written for this test.
    expect(regionalToMandarin('退拨客人要几时,撤销搭退款有啥两样')).toBe('退给客人要几时,撤销和退款有什么区别');
    expect(regionalToMandarin('同一只微信阿好一道交两张申请?阿是后台没弄好')).toBe('同一只微信可不可以一起交两张申请?是不是后台没弄好');
    expect(regionalToMandarin('接弗进来,是啥体,倷晓得咋话弄弗')).toBe('接不进来,是什么,你晓得怎么弄不');
    expect(regionalToMandarin('俚拉账号锁牢了,执照名字录错脱')).toBe('他们账号锁住了,执照名字录错掉');
    expect(regionalToMandarin('好老板里向看弗着,嘎奇怪,是哇?交易关掉了咯')).toBe('好老板里面看不着,这么奇怪,是吗?交易关掉了');
    // 个 (of) after what completes a verb (汇过去个, 冻牢个), and 钞票 as the everyday 钱; not the classifier after a verb (进来个人).
    expect(regionalToMandarin('汇过去个钞票几时退回?冻牢个单子')).toBe('汇过去的钱几时退回?冻住的单子');
    expect(regionalToMandarin('刚进来个人问,开个户,问个事')).toBe('刚进来个人问,开个户,问个事');
    // In a text that is Wu (勿, 阿拉, 哪能 …), 个 between two words is its 的; in Mandarin it stays.
    expect(regionalToMandarin('小应用个appid绑勿上去,开户个流程哪能弄')).toBe('小应用的appid绑不上去,开户的流程怎么弄');
    expect(regionalToMandarin('这个个体户勿晓得每个月几个人')).toBe('这个个体户不知道每个月几个人');
    expect(regionalToMandarin('退款过了个礼拜勿到,等了个把钟头')).toBe('退款过了个礼拜不到,等了个把钟头');
    expect(regionalToMandarin('开户个流程,问个事')).toBe('开户个流程,问个事');
    // Mandarin words with Wu characters in them (克里斯托弗, 啥体验) do not make a text Wu.
    for (const t of ['克里斯托弗的卡开户个流程', '啥体验都没有,开户个流程']) expect(regionalToMandarin(t), t).toBe(t);
    // Mandarin words with the same characters stay as they are.
    const mandarin =
      '弗兰克,弗吉尼亚,拨打客服电话,拨号,拨款,拨付,划拨,下拨,好老板不拨报,搭建系统,搭配使用,自己搭的服务器,一道题,俚语,牢固,牢靠,发牢骚,脱离,脱敏,摆脱,嘎吱,阿里巴巴,阿姨';
    expect(regionalToMandarin(mandarin)).toBe(mandarin);
    // Ordinary sentences of a support desk with the same characters (round 24's review): none changes.
    for (const t of [
      '客服会回拨给商户',
      '请重拨一次',
      '拨客服电话没人接',
      '资金拨入结算账户',
      '款项拨给商户了吗',
      '拨码开关在机器背面',
      '本地搭测试环境联调',
      '自己搭一个服务器',
      '活动是买一搭一,满减搭赠',
      '过一道审核才能开通',
      '多了一道手续',
      '统一道歉话术',
      '人物事迹,购物事宜',
      '啥体验都没有',
      '从里向外看',
      '克里斯托弗的卡,杰弗逊',
      '那嘎达的商户,嘎嘣脆,嘎然而止',
      '过去个把月了,过来个多月',
    ])
      expect(regionalToMandarin(t), t).toBe(t);
  });
});

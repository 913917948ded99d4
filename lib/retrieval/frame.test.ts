import { describe, expect, it } from 'vitest';
import { stripFrame } from './frame';

describe('stripFrame', () => {
  it.each([
    ['@客服小王 挥卡报03怎么办', '挥卡报03怎么办'],
    ['[图片] 这个报错怎么处理', '这个报错怎么处理'],
    ['老师好,请问退款多久到账', '请问退款多久到账'],
    ['急!!!好老板不播报了 在线等', '好老板不播报了'],
    ['客户反映:扫码付款失败', '扫码付款失败'],
    ['领导让我问一下,商户简称能改吗', '商户简称能改吗'],
    ['商户简称能改吗?谢谢!', '商户简称能改吗?'],
    // A number with the label that names it goes, a word that says which stays.
    ['商户号821330058120001交易报96', '交易报96'],
    ['退款多久到账,商户号 821330000123456,终端 20012345', '退款多久到账, ,'],
    ['MID: 898330048160012 报97', '报97'],
    ['商户号 [商户号] 挥卡报03,电话 [手机号]', '商户号 挥卡报03,电话'],
    ['新商户 821330000123456 刷卡报96', '新商户 刷卡报96'],
    ['商户号不一致', '商户号不一致'],
    ['终端未登记97', '终端未登记97'],
    ['客户手机+86 138 1234 5678说退款没到', '说退款没到'],
    ['报表导出失败,客户在催', '报表导出失败'],
    // One line ending in a time is a question, not a chat's speaker line.
    ['结算款什么时候到 15:00\n还是明天', '结算款什么时候到 15:00 还是明天'],
    ['店长结算卡不到账谁能帮忙看下', '店长结算卡不到账'],
    ['客户手机86-138-1234-5678退款没到', '退款没到'],
    // A pasted ticket (round 27's fresh-clone check): its tag, its own number, whom to call back; the numbers it gives an order,
    // a reference or a merchant's WeChat account, their labels kept (round 27's review); not an error's own text.
    ['【转单】商户编号821330045661234 好老板APP不播报了 店长电话18600001111', '好老板APP不播报了'],
    ['工单#20261204-0087 订单号 2026120412345678901234 消费者支付成功但终端显示失败', '订单号 消费者支付成功但终端显示失败'],
    ['参考号 123456789012 凭证号 000123 撤销时报没有原交易', '参考号 凭证号 撤销时报没有原交易'],
    ['法人手机号13800001111换了怎么改', '法人手机号 换了怎么改'],
    ['流水号000123重复', '流水号 重复'],
    ['终端号12345678POS机签到失败', 'POS机签到失败'],
    ['订单POS报非法订单号3000002', '订单POS报非法订单号3000002'],
    ['订单号怎么查', '订单号怎么查'],
    // Dictated by voice input (written for this test): hesitations, lead-ins, a topic's pause, 那个 before the code, a final 啊.
    ['嗯那个我想问一下就是退款的话呢一般多久能到账啊', '那个 就是退款的话 一般多久能到账'],
    ['嗯那个pos机呢它挥卡的时候呢报那个零三然后插卡是好的', '那个pos机 它挥卡的时候 报零三然后插卡是好的'],
    ['呃 就是说码牌扫了没反应', '码牌扫了没反应'],
    // An acknowledgement opening the message answers the previous reply.
    ['ok how to fix it', 'how to fix it'],
    ['好的,那退款呢', '那退款呢'],
    ['好的谢谢,报93又咋整', '报93又咋整'],
    ['中,谢了。报96不让交易呢', '报96不让交易呢'],
    ['谢了哈,TRADE_CLOSED是啥', 'TRADE_CLOSED是啥'],
    ['对了,商户简称改得了不', '商户简称改得了不'],
    ['顺便问下月对帐单咋下', '月对帐单咋下'],
    ['另外请教一下,退款多久到账', '退款多久到账'],
    // A pasted group chat (written for this test): speaker lines with times, emoji codes, mentions.
    ['张三 14:00\n收到[捂脸]\n华南-阿强 14:04\n@李四 客户说POS挥卡报03[流泪]\n王五 14:07\n[OK]', '收到 客户说POS挥卡报03'],
  ])('leaves the question without its frame: %s', (question, text) => {
    expect(stripFrame(question)).toBe(text);
  });

  it.each([
    '报错0x80070005',
    '非法订单号30000012',
    'mchid 1501244881',
    '挥卡报03',
    'POS显示[95]验签失败',
    '营业时间9:00-18:00能退款吗',
    '帮忙看下载对账单在哪',
    '请帮我看下面这个报错',
    '为什么一直在催',
    '[退款]多久到账',
    '亲子乐园的商户怎么入网',
    '客户说的那个码在哪',
    '紧急冻结的资金多久解冻',
    '谢谢',
    '好老板不播报',
    '那退款呢',
    '然后呢',
    'ok',
    '好的',
    '请问退款多久到账',
    '这个码牌是哪个门店的',
    '这个三要素验证不通过怎么办',
    '那个一码通怎么开',
    'OK 键按了没反应',
    '收到 款了没有',
    '行业类别选错了怎么改',
    '中国银行的卡刷不了',
    '娃哈哈的店',
    '毛呢大衣退货',
    '嗯?',
  ])('keeps what belongs to the question: %s', (question) => {
    expect(stripFrame(question)).toBe(question);
  });
});

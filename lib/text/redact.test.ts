import { describe, expect, it } from 'vitest';
import { redact } from './redact';

describe('redact', () => {
  it.each([
    ['商户号 821290058120001 交易报03', '商户号 [商户号] 交易报03'],
    ['商户号:821290058120001', '商户号:[商户号]'],
    ['终端号12345678 挥卡失败', '终端号[终端号] 挥卡失败'],
    ['我的身份证号是11010519491231002X', '我的身份证号是[身份证号]'],
    ['电话13812345678,或者 +86 138-1234-5678', '电话[手机号],或者 [手机号]'],
    ['座机 021-12345678', '座机 [电话号码]'],
    ['卡号6222021234567890123刷不了', '卡号[号码]刷不了'],
    // Typed full-width: found all the same, the rest of the text kept as typed.
    ['商户号：８２１２９００５８１２０００１，电话１３８１２３４５６７８', '商户号：[商户号]，电话[手机号]'],
    ['身份证１１０１０５１９４９１２３１００２Ｘ', '身份证[身份证号]'],
    // Typed in groups, with spaces or dashes, and a terminal number with its letter.
    ['客户卡号6222 0212 3456 7890 123,身份证 110101 19900307 7516', '客户卡号[号码],身份证 [身份证号]'],
    ['电话 021 5888 1234', '电话 [电话号码]'],
    ['商户号:8213 3015 7990 123', '商户号:[商户号]'],
    ['商户号821-330-157-990-123', '商户号[商户号]'],
    ['终端号 A1234567 挥卡失败', '终端号 [终端号] 挥卡失败'],
    // After 是 / 为 / is, in English, an ID in four groups, landlines in brackets or run together (a fresh-clone check, round 20).
    ['商户编号为82133015799 终端号为12345678', '商户编号为[商户号] 终端号为[终端号]'],
    ['商户号是 8213301579,终端号是 A1234567', '商户号是 [商户号],终端号是 [终端号]'],
    ['tid是12345678, merchant id is 82133015799', 'tid是[终端号], merchant id is [商户号]'],
    // WeChat's sub-merchant number as its API names it (check27 L2).
    ['mchid 1601234567 报签名错误', 'mchid [商户号] 报签名错误'],
    ['sub_mch_id=1601234567', 'sub_mch_id=[商户号]'],
    ['商户号821330157990123的终端号是12345678', '商户号[商户号]的终端号是[终端号]'],
    ['身份证 110101 1990 0307 7516', '身份证 [身份证号]'],
    ['座机(021)58881234,或者 02158881234', '座机[电话号码],或者 [电话号码]'],
  ])('%s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('keeps error codes, amounts, dates and FAQ ids', () => {
    const text = '挥卡报03,退款1000元,2024年5月1日,见[FAQ2.5],错误码96,订单 2024 05 01 共3笔';
    expect(redact(text)).toBe(text);
    // Lists of codes, amounts and dates are no number in groups.
    for (const kept of [
      '报错码 05 51 96 03 14 54 分别是什么',
      '分三笔退:1000 2000 3000 4000',
      '对账 2024-05-01 2024-05-31 的数据',
      '终端 2024-05-01 开始报错',
      '商户 2024 05 01 开通的',
    ])
      expect(redact(kept)).toBe(kept);
    // A number right after a phone or ID number is not part of it.
    expect(redact('电话13812345678 3次都打不通')).toBe('电话[手机号] 3次都打不通');
    expect(redact('身份证110101199003077516 is rejected')).toBe('身份证[身份证号] is rejected');
  });

  it('finds numbers read out as characters by voice input, and mobiles written with dots (round 21, a fresh-clone check)', () => {
    expect(redact('客户电话幺三八一二三四五六七八要退款')).toBe('客户电话[手机号]要退款');
    expect(redact('客户电话一三八一二三四五六七八要退款')).toBe('客户电话[手机号]要退款');
    expect(redact('商户号是八二一三三零一五七九九零一二三')).toBe('商户号是[商户号]');
    expect(redact('客户手机138.1234.5678')).toBe('客户手机[手机号]');
    // Fewer than seven numeral characters are words, and dotted numbers that are no mobile stay.
    for (const t of ['一一对应,三五天到账', '第一二三四五六项', '退款1.5个工作日', '版本 1.2.3']) expect(redact(t)).toBe(t);
  });

  it('finds numbers read out in groups, written in capitals, or typed digit by digit (round 22, a fresh-clone check)', () => {
    expect(redact('电话一三八 一二三四 五六七八,要退款')).toBe('电话[手机号],要退款');
    expect(redact('手机壹叁捌壹贰叁肆伍陆柒捌')).toBe('手机[手机号]');
    expect(redact('商户号 8 2 1 3 3 0 1 5 7 9 9 0 1 2 3 交易失败')).toBe('商户号 [号码] 交易失败');
    expect(redact('卡号 6-2-2-2-0-2-1-2-3-4-5-6')).toBe('卡号 [号码]');
    // A few digits one by one, codes, and numerals that are words stay.
    for (const t of ['按 1 2 3 4 5 的顺序', '报错 05 51 96', '一二三 四五六', '壹佰元', '第 1 2 3 步']) expect(redact(t)).toBe(t);
  });

  it('finds numbers half read out, read out in comma groups, and Hong Kong, travel-permit and passport numbers (round 23, a fresh-clone check)', () => {
    expect(redact('客户手机138一二三四5678说退款没到')).toBe('客户手机[手机号]说退款没到');
    expect(redact('商户号八二一,三三零,一五七,九九零,一二三')).toBe('商户号[商户号]');
    expect(redact('卡号六二二二,零二一二,三四五六,七八九零要退款')).toBe('卡号[号码]要退款');
    expect(redact('香港身份证H123456(7)的客户')).toBe('香港身份证[证件号]的客户');
    expect(redact('通行证C12345678,护照EA1234567')).toBe('通行证[证件号],护照[证件号]');
    for (const t of [
      '退款1,000,000元',
      '步骤一,二,三,四,五,六,七',
      '错误码E0000001',
      'FAQ2.5',
      'MCC 5812',
      'Android14',
      '流水号T20240501',
      '订单P12345678退款',
    ])
      expect(redact(t)).toBe(t);
    // A typed number then a word that starts with a numeral: the number alone, with its own label (round 23's review).
    expect(redact('手机13812345678一直收不到验证码')).toBe('手机[手机号]一直收不到验证码');
    expect(redact('电话13812345678两天没人接')).toBe('电话[手机号]两天没人接');
    expect(redact('身份证110101199003071234一直认证失败')).toBe('身份证[身份证号]一直认证失败');
    expect(redact('卡号6222021234567890123一次都没成功')).toBe('卡号[号码]一次都没成功');
  });

  it("finds a company's unified social credit code, as on a business licence (round 24, a fresh-clone check)", () => {
    expect(redact('营业执照91310000MA1FL5LX3X的商户认证失败')).toBe('营业执照[信用代码]的商户认证失败');
    expect(redact('信用代码 92440300l12345678a')).toBe('信用代码 [信用代码]');
    // Not an order or serial code of another shape, nor an all-digit ID number (labelled as that).
    for (const t of ['流水号T2024050112AB34C', 'SN: 0820A1B2C3D4E5F6G7H8', 'appid wx1234567890abcdef']) expect(redact(t)).toBe(t);
    expect(redact('身份证110101199003077516')).toBe('身份证[身份证号]');
  });
});

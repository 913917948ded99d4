import { describe, expect, it } from 'vitest';
import { redact } from './redact';

describe('redact', () => {
  it.each([
    ['商户号 821290058120001 交易报03', '商户号 [商户号] 交易报03'],
    ['商户号:821290058120001', '商户号:[商户号]'],
    ['终端号12345678 挥卡失败', '终端号[商户号] 挥卡失败'],
    ['我的身份证号是11010519491231002X', '我的身份证号是[身份证号]'],
    ['电话13812345678,或者 +86 138-1234-5678', '电话[手机号],或者 [手机号]'],
    ['座机 021-12345678', '座机 [电话号码]'],
    ['卡号6222021234567890123刷不了', '卡号[号码]刷不了'],
    // Typed full-width: found all the same, the rest of the text kept as typed.
    ['商户号：８２１２９００５８１２０００１，电话１３８１２３４５６７８', '商户号：[商户号]，电话[手机号]'],
    ['身份证１１０１０５１９４９１２３１００２Ｘ', '身份证[身份证号]'],
  ])('%s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('keeps error codes, amounts, dates and FAQ ids', () => {
    const text = '挥卡报03,退款1000元,2024年5月1日,见[FAQ2.5],错误码96';
    expect(redact(text)).toBe(text);
  });
});

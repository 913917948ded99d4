import { describe, expect, it } from 'vitest';
import { looksLikeFollowUp, standaloneQuestion } from './follow-up';

describe('offline follow-up handling', () => {
  const history = [
    { role: 'user' as const, text: '扫码交易撤销多久到账' },
    { role: 'assistant' as const, text: '撤销 1-2 分钟到账 [FAQ2.6]' },
  ];

  it('combines a follow-up with the previous user turn', () => {
    expect(standaloneQuestion('那退款呢?', history)).toBe('扫码交易撤销多久到账 那退款呢?');
    expect(standaloneQuestion('如果是银行卡支付的', history)).toBe('扫码交易撤销多久到账 如果是银行卡支付的');
  });

  it('leaves a standalone question alone', () => {
    expect(standaloneQuestion('好老板APP忘记登录账号怎么办', history)).toBe('好老板APP忘记登录账号怎么办');
    expect(standaloneQuestion('报96', history)).toBe('报96');
    expect(standaloneQuestion('那退款呢?', [])).toBe('那退款呢?');
  });

  it('does not treat long questions as follow-ups', () => {
    expect(looksLikeFollowUp('那个商户入网时报错该商户法人证件号已入网等于或超过3个无法提交怎么办')).toBe(false);
  });
});

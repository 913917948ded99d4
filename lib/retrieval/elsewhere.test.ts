import { describe, expect, it } from 'vitest';
import { mentionsOf, namesElsewhere } from './elsewhere';

const corpus = 'pos挥卡报03无效商户。好老板app退款多久到账?windows 收银插件安装失败。'.toLowerCase();

describe('namesElsewhere', () => {
  it.each([
    ['淘宝退款多久到账', '淘宝'],
    ['QQ号被冻结了怎么解冻', 'QQ'],
    ['I forgot my Gmail password', 'Gmail'],
    ['社保断缴一个月有什么影响', '社保'],
    ['飞书能用吗', '飞书'],
    ['钉钉收不到播报', '钉钉'],
  ])('names a service the FAQ never mentions: %s', (q, name) => {
    expect(namesElsewhere(q, corpus)).toBe(name);
  });

  it.each([
    // The FAQ mentions it.
    'Windows上收银插件装不上',
    // No such name; a Latin name only as a whole word (password is not Word, JavaScript is not Java).
    '好老板退款多久到账',
    'forgot the password of the app',
    // Long enough for context: the name is not what it asks about.
    '我们是做茶叶的小电商,淘宝店开了三年了,现在想用你们的POS收款,需要准备哪些资料才能办下来?',
  ])('leaves it alone: %s', (q) => {
    expect(namesElsewhere(q, corpus)).toBeUndefined();
  });
});

describe('mentionsOf', () => {
  it('leaves web addresses out: a link to a help page on qq.com is no mention of QQ', () => {
    const faq = mentionsOf('微信支付报错请查看 https://kf.qq.com/touch/sappfaq/2004.html?scene_id=kf594,或访问 www.qq.com/help。');
    expect(faq).not.toContain('qq');
    expect(faq).toContain('微信支付报错请查看');
    expect(namesElsewhere('QQ号被冻结了怎么解冻', faq)).toBe('QQ');
    expect(namesElsewhere('QQ号被冻结了怎么解冻', mentionsOf('收款支持微信、QQ钱包'))).toBeUndefined();
  });
});

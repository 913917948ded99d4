import { describe, expect, it } from 'vitest';
import type { Entry } from '../corpus/schema';
import type { AttackModel } from './attack';
import { domainProbability, domainTexts, fitDomainModel, OFF_TOPIC_QUESTIONS, rescueRefusal } from './domain';

describe('domainTexts', () => {
  it("takes an entry's question, its alternative questions and each sentence of its solution, leaving out scraps", () => {
    const entry = { question: '挥卡报03无效商户', alternatives: ['闪付不行插卡可以'], solution: '联系银联补注册。补完后重新挥卡;仍不行请报障' } as Entry;
    expect(domainTexts([entry])).toEqual(['挥卡报03无效商户', '闪付不行插卡可以', '联系银联补注册', '补完后重新挥卡', '仍不行请报障']);
  });
});

describe('fitDomainModel', () => {
  // Written for this test: a tiny FAQ of its own, against the committed off-topic questions.
  const texts = [
    '挥卡报03无效商户怎么办',
    'POS机刷卡提示金额超限',
    '商户结算卡怎么更换',
    '好老板APP收款不播报',
    '退款多久原路退回',
    '营业执照名称和商户名称不一致',
  ];

  it("reads the FAQ's own kind of question as its domain and everyday questions as not, the same each time it is fitted", () => {
    const model = fitDomainModel(texts);
    expect(domainProbability('刷卡机提示商户无效', model)).toBeGreaterThan(0.5);
    expect(domainProbability('周末去哪里爬山比较好', model)).toBeLessThan(0.5);
    expect(fitDomainModel(texts)).toEqual(model);
  });

  it('is fitted against off-topic questions of no particular FAQ', () => {
    expect(OFF_TOPIC_QUESTIONS.length).toBeGreaterThan(500);
    expect(new Set(OFF_TOPIC_QUESTIONS).size).toBe(OFF_TOPIC_QUESTIONS.length);
  });
});

describe('rescueRefusal', () => {
  const sure = { bias: 5, weights: {} };
  const calm: AttackModel = { version: 't', bias: -5, weights: {}, threshold: 0.7 };
  const q = { refusalPoint: 0.6, asked: '机器没吐纸条', screened: '机器没吐纸条' };
  it('rescues just short of the refusal point, in the domain, and with no doubt of an attack', () => {
    expect(rescueRefusal({ ...q, covered: 0.55 }, sure, calm)).toEqual({ domain: expect.closeTo(0.993, 3), rescued: true });
    expect(rescueRefusal({ ...q, covered: 0.35 }, sure, calm)).toEqual({ domain: 0, rescued: false });
    expect(rescueRefusal({ ...q, covered: 0.55 }, { bias: 0, weights: {} }, calm).rescued).toBe(false);
    expect(rescueRefusal({ ...q, covered: 0.55 }, sure, { ...calm, bias: -2 }).rescued).toBe(false);
  });

  it('further below the point, down to twice the margin, rescues only what the domain model is all but sure of', () => {
    const likely = { bias: 2.2, weights: {} }; // 0.90
    expect(rescueRefusal({ ...q, covered: 0.45 }, sure, calm)).toEqual({ domain: expect.closeTo(0.993, 3), rescued: true });
    expect(rescueRefusal({ ...q, covered: 0.45 }, likely, calm).rescued).toBe(false);
    expect(rescueRefusal({ ...q, covered: 0.55 }, likely, calm).rescued).toBe(true);
    // The edges of the bands: 0.5 is the first band's, 0.4 the second's, below 0.4 nothing is read.
    expect(rescueRefusal({ ...q, covered: 0.5 }, likely, calm).rescued).toBe(true);
    expect(rescueRefusal({ ...q, covered: 0.4 }, sure, calm).rescued).toBe(true);
    expect(rescueRefusal({ ...q, covered: 0.399 }, sure, calm)).toEqual({ domain: 0, rescued: false });
  });
});

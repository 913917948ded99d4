import { describe, expect, it } from 'vitest';
import { buildSenseLexicon, createSenseSpace, lexiconWords, stemsOf } from './senses';

describe('lexiconWords', () => {
  it('cuts a text into the lexicon’s words, longest first from the left, skipping what starts none', () => {
    const has = (w: string) => ['退款', '退款时间', '到账', '时间'].includes(w);
    expect(lexiconWords('退款时间几天到账', has)).toEqual(['退款时间', '到账']);
    expect(lexiconWords('几天', has)).toEqual([]);
  });
});

describe('stemsOf', () => {
  it('keeps an English text’s topic words as stems, not its function words', () => {
    expect(stemsOf('How long does a refund take to arrive?')).toEqual(['refund', 'arriv']);
  });
});

describe('createSenseSpace', () => {
  const lexicon = { 退费: ['refund'], 退款: ['refund'], 登入: ['log'], 登录: ['log'], 账号: ['account'], 帐号: ['account'] };
  const entries = ['退款多久到账', '登录账号忘了怎么办'];

  it('meets an entry through shared senses, in words the entry does not use', () => {
    const space = createSenseSpace(lexicon, entries);
    const q = space.ofQuestion('登入不了帐号');
    expect(space.similarity(q, 1)).toBeGreaterThan(0.9);
    expect(space.similarity(q, 0)).toBe(0);
  });

  it('reads English words as themselves', () => {
    const space = createSenseSpace(lexicon, entries);
    expect(space.similarity(space.ofQuestion('refund'), 0)).toBeGreaterThan(space.similarity(space.ofQuestion('refund'), 1));
  });

  it('is 0 with an empty lexicon and no English', () => {
    const space = createSenseSpace({}, entries);
    expect(space.similarity(space.ofQuestion('登入不了帐号'), 1)).toBe(0);
  });
});

describe('buildSenseLexicon', () => {
  it('links a word the corpus does not use to the corpus’s word of the same sense (CC-CEDICT)', async () => {
    const lexicon = await buildSenseLexicon('商户忘记登录账号怎么办');
    expect(lexicon['登录']).toBeDefined();
    expect(lexicon['登入']?.some((s) => lexicon['登录']!.includes(s))).toBe(true);
  });
});

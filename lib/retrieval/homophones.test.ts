import { describe, expect, it } from 'vitest';
import { createHomophoneCorrector } from './homophones';

const corpus = '好老板APP收款不播报怎么办\n商户登录好老板\n高危商户禁止入网\n银行账户';
const words = new Map(['好老板', '老板', '播报', '登录', '商户', '高危', '禁止', '入网', '银行', '账户', '#老板'].map((w) => [w, 1]));

describe('createHomophoneCorrector', () => {
  const c = createHomophoneCorrector(words, corpus);

  it('replaces a stretch that reads like a corpus word and shares a character with it', () => {
    expect(c.correct('好老版app不波报了')).toBe('好老板app不播报了');
    expect(c.correct('好老板登陆不上去')).toBe('好老板登录不上去');
    expect(c.correct('提示高危商护')).toBe('提示高危商户');
    expect(c.correct('帐户')).toBe('账户');
  });

  it('leaves text the corpus contains, words it does not know, and homophones sharing no character', () => {
    expect(c.correct('好老板收款不播报')).toBe('好老板收款不播报');
    expect(c.correct('今天天气怎么样')).toBe('今天天气怎么样');
    // 伤湖 reads shang hu like 商户 but shares no character with it: not a typo of it.
    expect(c.correct('伤湖')).toBe('伤湖');
  });

  it('never cuts through a common word to make a correction', () => {
    const withWords = new Map([...words, ['一到', 1]]);
    const text = `${corpus}\n一到两天`;
    // 迁移到 holds 迁移: its 移到 reads like 一到, but is no typo of it.
    const spans = (run: string): [number, number][] => (run.includes('迁移') ? [[run.indexOf('迁移'), run.indexOf('迁移') + 2]] : []);
    expect(createHomophoneCorrector(withWords, text).correct('数据迁移到新手机')).toBe('数据迁一到新手机');
    expect(createHomophoneCorrector(withWords, text, spans).correct('数据迁移到新手机')).toBe('数据迁移到新手机');
    expect(createHomophoneCorrector(withWords, text, spans).correct('好老版app不波报了')).toBe('好老板app不播报了');
  });

  it('corrects a typo of a function word the corpus uses, though no index holds it', () => {
    const words = new Map([
      ['退款', 3],
      ['入账', 2],
    ]);
    expect(createHomophoneCorrector(words, '退款什么时候入账').correct('退款什么时侯入账')).toBe('退款什么时侯入账');
    expect(createHomophoneCorrector(words, '退款什么时候入账', undefined, ['时候', '当天']).correct('退款什么时侯入账')).toBe('退款什么时候入账');
  });

  it('keeps everything outside Chinese runs as it was', () => {
    expect(c.correct('POS 报 03,商护?')).toBe('POS 报 03,商户?');
  });
});

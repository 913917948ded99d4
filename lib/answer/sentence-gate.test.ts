import { describe, expect, it } from 'vitest';
import { createSentenceGate } from './sentence-gate';

const inventsDays = (t: string) => (/360/.test(t) ? ['360'] : []);

describe('createSentenceGate', () => {
  it('lets whole sentences through once checked, holding the unfinished one', () => {
    const gate = createSentenceGate(inventsDays, '以下是最接近的内容:\n\n');
    expect(gate.push('请先补注册')).toEqual({ out: '' });
    expect(gate.push('双免白名单 [FAQ2.5]。然后')).toEqual({ out: '以下是最接近的内容:\n\n请先补注册双免白名单 [FAQ2.5]。' });
    expect(gate.push('重新挥卡;')).toEqual({ out: '然后重新挥卡;' });
    expect(gate.end()).toEqual({ out: '' });
  });

  it('never lets a sentence through that holds what the entries do not say, nor anything after it', () => {
    const gate = createSentenceGate(inventsDays);
    expect(gate.push('请补注册 [FAQ2.5]。退款最长期限为 3')).toEqual({ out: '请补注册 [FAQ2.5]。' });
    expect(gate.push('60 天。')).toEqual({ out: '', invented: ['360'] });
    expect(gate.push('其余照常。')).toEqual({ out: '' });
    expect(gate.end()).toEqual({ out: '' });
  });

  it('keeps the opening back until a sentence passes: a reply that fails at once shows nothing', () => {
    const gate = createSentenceGate(inventsDays, 'FAQ 中没有完全对应的条目:\n\n');
    expect(gate.push('期限 360 天')).toEqual({ out: '' });
    expect(gate.end()).toEqual({ out: '', invented: ['360'] });
  });

  it('does not end a sentence at a decimal point or a numbered step', () => {
    const gate = createSentenceGate(() => []);
    expect(gate.push('费率 0.6% 起 1. 登录')).toEqual({ out: '' });
    expect(gate.end()).toEqual({ out: '费率 0.6% 起 1. 登录' });
  });

  it('lets a clause through at a comma or a colon, but not a number’s thousands comma or a link’s colon', () => {
    const gate = createSentenceGate(() => []);
    expect(gate.push('请先核实,再补注册，然后')).toEqual({ out: '请先核实,再补注册，' });
    expect(gate.push('退 1,000')).toEqual({ out: '' });
    expect(gate.push(' 元:见 https://a.example')).toEqual({ out: '然后退 1,000 元:' });
  });

  it('holds a colon or a comma at the end of what has come: a link cut after 「https:」 or 「https:/」 is checked whole', () => {
    const inventsLink = (t: string) => t.match(/https?:\/\/\S+/g) ?? [];
    for (const cut of [
      ['详见 https:', '//evil.example.com/help。'],
      ['详见 https:/', '/evil.example.com/help。'],
    ]) {
      const gate = createSentenceGate(inventsLink);
      expect(gate.push(`请补注册 [FAQ2.5]。${cut[0]}`)).toEqual({ out: '请补注册 [FAQ2.5]。' });
      expect(gate.push(cut[1]!)).toEqual({ out: '', invented: ['https://evil.example.com/help。'] });
    }
    const gate = createSentenceGate(() => []);
    expect(gate.push('请先核实,')).toEqual({ out: '' });
    expect(gate.push('再补注册')).toEqual({ out: '请先核实,' });
  });
});

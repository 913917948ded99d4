import { describe, expect, it } from 'vitest';
import { coverageOf, indexText, type Unit, unitMatched } from './coverage';

const text = '因银联双免政策变更,商户入网后需报备双免白名单。\npos 机挥卡报03无效商户 😀 ab';
const unit = (t: string, alternatives: string[] = []): Unit => ({ text: t, alternatives, weight: 1 });

describe('an indexed text', () => {
  it('answers every form as a scan of the text does', () => {
    const forms = [
      '',
      '银',
      '银联',
      '银联双免',
      '双免白',
      '白名单。',
      '挥卡报',
      '挥卡报96',
      '03',
      '3无',
      'pos 机',
      'os',
      '😀',
      '\n',
      'x',
      '名白',
      '报备双免白名单呢',
      'ab',
    ];
    // Every substring of the text too, and each with a character added.
    for (let i = 0; i < text.length; i++) for (let n = 1; n <= 5 && i + n <= text.length; n++) forms.push(text.slice(i, i + n), `${text.slice(i, i + n)}呢`);
    const indexed = indexText(text);
    for (const f of forms) expect(unitMatched(unit(f), indexed), f).toBe(unitMatched(unit(f), text));
  });

  it('gives the same coverage, alternatives included', () => {
    const units = [unit('挥卡'), unit('报03'), unit('信用卡'), unit('whitelist', ['白名单']), unit('营业执照')];
    expect(coverageOf(units, indexText(text))).toBe(coverageOf(units, text));
    expect(coverageOf(units, text)).toBeCloseTo(3 / 5);
  });
});

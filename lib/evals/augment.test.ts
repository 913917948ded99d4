import { describe, expect, it } from 'vitest';
import { rng as seededRandom } from '../random';
import { homophoneTable, typoVariant, typoVariants } from './augment';

describe('typo variants for training', () => {
  const table = homophoneTable('退款多久到账 推宽 道帐 款');

  it('groups characters by toneless pinyin', () => {
    expect(table.get('tui')).toEqual(['退', '推']);
    expect(table.get('kuan')).toEqual(['款', '宽']);
  });

  it('changes one character of a short question (homophone, pinyin or dropped), the same way for the same seed', () => {
    const a = typoVariant('退款多久到账', seededRandom(3), table)!;
    expect(a).toBe(typoVariant('退款多久到账', seededRandom(3), table));
    expect(a).not.toBe('退款多久到账');
    const same = [...'退款多久到账'].filter((c, i) => [...a][i] === c).length;
    expect(same).toBeGreaterThanOrEqual(4);
  });

  it('replaces a character by a homophone of its reading in context (行 in 银行 reads hang)', () => {
    const t = homophoneTable('银行 航');
    const seen = new Set<string>();
    for (let seed = 0; seed < 40; seed++) seen.add(typoVariant('银行卡', seededRandom(seed), t) ?? '');
    expect([...seen].some((q) => q.includes('航'))).toBe(true);
    expect([...seen].some((q) => q.includes('hang'))).toBe(true);
  });

  it('leaves questions with fewer than three characters, and out-of-scope or follow-up cases, alone', () => {
    expect(typoVariant('报96', seededRandom(1), table)).toBeNull();
    const made = typoVariants(
      [
        { question: '退款多久到账啊', expected: ['FAQ2.6'], kind: 'paraphrase' },
        { question: '比特币多少钱一个', expected: [], kind: 'off_topic' },
        { question: '那退款多久到账呢', expected: ['FAQ2.6'], kind: 'follow_up', history: [{ role: 'user', text: '撤销多久到账' }] },
        { question: 'refund how long', expected: ['FAQ2.6'], kind: 'english' },
      ],
      '退款多久到账 推宽 道帐',
    );
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ expected: ['FAQ2.6'], kind: 'typo_synthetic', source: '退款多久到账啊' });
  });
});

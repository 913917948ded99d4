import { describe, expect, it } from 'vitest';
import { buildGlosses, glossesOf, glossKey } from './glosses';

describe('glossesOf', () => {
  const glosses = { [glossKey('refund')]: ['退款'], [glossKey('how long')]: ['多久'], [glossKey('arrive')]: ['到达'], [glossKey('come')]: ['来到'] };

  it('glosses the topic words of an English question, longest phrase first', () => {
    expect(glossesOf('how long does a refund arrive', glosses)).toEqual([
      { english: 'how long', chinese: ['多久'] },
      { english: 'refund', chinese: ['退款'] },
      { english: 'arrive', chinese: ['到达'] },
    ]);
  });

  it('never glosses a light verb alone', () => {
    expect(glossesOf('when will the refund come', glosses).map((g) => g.english)).toEqual(['refund']);
  });
});

describe('buildGlosses', () => {
  it('keys a word by the senses CC-CEDICT gives it, not by the light verb of a longer sense ("to take care" is not "take")', async () => {
    const glosses = await buildGlosses('退款之前请小心核对金额');
    expect(glosses[glossKey('refund')]).toContain('退款');
    expect(glosses[glossKey('careful')]).toContain('小心');
    expect(glosses[glossKey('take')] ?? []).not.toContain('小心');
  });
});

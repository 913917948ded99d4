import { describe, expect, it } from 'vitest';
import type { RetrievalResult } from '../retrieval/types';
import { entryOf, hitOf } from '../testing/fixtures';
import {
  EMPTY_ENTRY_INTRO,
  FOLLOW_UP_HEDGE_INTRO,
  HEDGE_INTRO,
  NO_ANSWER_TEXT,
  NO_SOLUTION_TEXT,
  PART_NOTE,
  SMALL_TALK_REPLY_TEXT,
  THANKS_REPLY_TEXT,
} from '../text/messages';
import { composeOfflineAnswer, composePart } from './extractive';

const E26 = entryOf('FAQ2.6', '撤销或退款什么时候入账?', '1、撤销 即时到账\n2、退款 以发卡行为准');
const E915 = entryOf('FAQ9.15', '收银宝出口IP', '');
const hedge = (...entries: ReturnType<typeof entryOf>[]): RetrievalResult => ({
  query: '',
  hits: entries.map((e, i) => hitOf(e, i + 1)),
  decision: 'hedge',
  confidence: 0.5,
  thresholds: { answer: 0.9, hedge: 0.5 },
  answerIds: [entries[0]!.id],
  suggestionIds: [],
  signals: {},
});

describe('offline answers for a hedge', () => {
  it('introduces the closest entry as such', () => {
    const text = composeOfflineAnswer(hedge(E26));
    expect(text.startsWith(`${HEDGE_INTRO} [FAQ2.6]`)).toBe(true);
  });

  it('says an entry without a solution is there but answers nothing, instead of calling it the closest', () => {
    const text = composeOfflineAnswer(hedge(E915));
    expect(text.startsWith(`${EMPTY_ENTRY_INTRO} [FAQ9.15]`)).toBe(true);
    expect(text).toContain(NO_SOLUTION_TEXT);
    expect(text).not.toContain(HEDGE_INTRO);
  });

  it('shows a hedged follow-up the part it asks about, under a note that asks to check it', () => {
    const hedged = composePart(E26, '', '2、退款 以发卡行为准', true);
    expect(hedged.startsWith(`${FOLLOW_UP_HEDGE_INTRO} [FAQ2.6]`)).toBe(true);
    expect(hedged).toContain(PART_NOTE);
    expect(hedged).toContain('退款');
    expect(hedged).not.toContain('即时到账');
    expect(composePart(E26, '', '2、退款 以发卡行为准').startsWith(PART_NOTE)).toBe(true);
  });
});

describe('offline answers for a refusal', () => {
  const refused = (query: string): RetrievalResult => ({ ...hedge(E26), query, decision: 'refuse', answerIds: [] });

  it('answers thanks with 不客气 and other small talk with what to ask, never with the refusal', () => {
    for (const q of ['谢谢', '好的谢谢!', '辛苦了', 'thanks a lot']) expect(composeOfflineAnswer(refused(q)), q).toBe(THANKS_REPLY_TEXT);
    for (const q of ['你好', '在吗?', '你是谁', '测试']) expect(composeOfflineAnswer(refused(q)), q).toBe(SMALL_TALK_REPLY_TEXT);
  });

  it('refuses a question the FAQ does not cover with the fixed reply', () => {
    expect(composeOfflineAnswer(refused('今天天气怎么样'))).toContain(NO_ANSWER_TEXT);
    expect(composeOfflineAnswer(refused('谢谢你们的年会邀请,几点开始'))).toContain(NO_ANSWER_TEXT);
  });
});

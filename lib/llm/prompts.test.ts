import { describe, expect, it } from 'vitest';
import type { Hit } from '../retrieval/types';
import { entryOf } from '../testing/fixtures';
import { ANSWER_PROMPT_VERSION, buildAnswerPromptV1, buildAnswerPromptV2, buildAnswerPromptV3, buildCondensePromptV1 } from './prompts';

const entry = entryOf;
const hits: Hit[] = [
  {
    id: 'FAQ2.5',
    entry: entry('FAQ2.5', '挥卡报03无效商户?', '到银联平台补注册双免白名单。'),
    rank: 1,
    score: 1,
    scores: { vector: 0.6, keyword: 1, fused: 1 },
    coverage: 1,
  },
  { id: 'FAQ9.15', entry: entry('FAQ9.15', '收银宝出口IP', ''), rank: 2, score: 0.5, scores: { vector: 0.1, keyword: 0.2, fused: 0.5 }, coverage: 0.3 },
];

describe('prompt builders', () => {
  it('builds answer-v1 from a fixed set of hits', () => {
    expect(buildAnswerPromptV1({ question: '挥卡报03怎么办', hits, history: [{ role: 'user', text: '你好' }] })).toMatchSnapshot();
  });

  it('builds answer-v2, with the hedge note only for a hedge', () => {
    expect(buildAnswerPromptV2({ question: '挥卡报03怎么办', hits, hedge: true })).toMatchSnapshot();
    expect(buildAnswerPromptV2({ question: '挥卡报03怎么办', hits }).user).not.toContain('检索系统不确定');
    expect(buildAnswerPromptV2({ question: '挥卡报03怎么办', hits }).system).not.toContain('通联');
  });

  it('builds answer-v3 (the one in use): v2 with an entry without a solution sent to 业务同事, not the payments company', () => {
    const v3 = buildAnswerPromptV3({ question: '挥卡报03怎么办', hits, hedge: true });
    expect(v3.version).toBe(ANSWER_PROMPT_VERSION);
    expect(v3).toMatchSnapshot();
    expect(`${v3.system}\n${v3.user}`).not.toContain('通联');
    const v2 = buildAnswerPromptV2({ question: '挥卡报03怎么办', hits, hedge: true });
    expect(v3.user.replace('请联系业务同事确认', '请联系通联业务同事确认')).toBe(v2.user);
    expect(v3.system).toBe(v2.system);
  });

  it('says the FAQ gives no solution for an empty answer instead of leaving it blank', () => {
    expect(buildAnswerPromptV1({ question: 'IP', hits }).user).toContain('FAQ 中未提供该问题的解决方法');
  });

  it('builds condense-v1 from a conversation', () => {
    expect(
      buildCondensePromptV1({
        question: '那退款呢?',
        history: [
          { role: 'user', text: '撤销多久到账' },
          { role: 'assistant', text: '1-2 分钟 [FAQ2.6]' },
        ],
      }),
    ).toMatchSnapshot();
  });
});

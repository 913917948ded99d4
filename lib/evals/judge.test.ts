import { expect, it } from 'vitest';
import { buildJudgePromptV1 } from './judge';

it('builds judge-v1 with the fixed rubric', () => {
  expect(
    buildJudgePromptV1({
      question: '挥卡报03',
      answer: '补注册双免白名单 [FAQ2.5]',
      entries: [{ id: 'FAQ2.5', question: '挥卡报03?', answer: '补注册双免白名单。' }],
    }),
  ).toMatchSnapshot();
});

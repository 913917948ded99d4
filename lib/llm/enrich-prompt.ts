import type { BuiltPrompt } from './prompts';

export const ENRICH_PROMPT_VERSION = 'enrich-v1';

const ENRICH_SYSTEM_V1 = [
  '你为客服 FAQ 知识库编写“相似问题”:同一个问题,换成一线客服和运营同事真实会打出来的各种说法,用来提高检索命中率。',
  '要求:',
  '1. 每条相似问题都必须能由给出的这条 FAQ 的解决方法回答,不能超出它的内容。',
  '2. 覆盖多种说法:商户或客服描述的现象;设备、APP 或接口显示的报错原文;4-8 个字的简短说法;口语化的说法;英文或中英混杂的说法(至少 2 条);带关键细节的较长问法。',
  '3. 每行一条,不要编号,不要解释,不要重复,不要照抄原问题。',
].join('\n');

/** The alternative-question generation prompt, version 1 (`npm run enrich`). Pure. */
export function buildEnrichPromptV1(input: { category: string; question: string; solution: string; count: number }): BuiltPrompt {
  return {
    version: ENRICH_PROMPT_VERSION,
    system: ENRICH_SYSTEM_V1,
    history: [],
    user: `分类:${input.category}\n问题:${input.question}\n解决方法:\n${input.solution || '(FAQ 未提供解决方法)'}\n\n请写 ${input.count} 条相似问题:`,
  };
}

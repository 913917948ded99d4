import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import type { AppConfig } from '../config';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { EvalRun } from './run';

export const JUDGE_PROMPT_VERSION = 'judge-v1';

/** The fixed faithfulness rubric, version 1. Pure. */
export function buildJudgePromptV1(input: { question: string; answer: string; entries: { id: string; question: string; answer: string }[] }) {
  return {
    version: JUDGE_PROMPT_VERSION,
    system: [
      '你是严格的评审。判断“回答”是否完全忠实于给出的 FAQ 条目。评分标准:',
      '5 = 每一句都能在条目中找到依据,没有任何额外信息;',
      '4 = 基本忠实,仅有无关紧要的措辞扩展;',
      '3 = 有一处条目中没有的具体信息;',
      '2 = 多处条目中没有的信息;',
      '1 = 主要内容与条目不符或为编造。',
      '只输出一个数字 1-5。',
    ].join('\n'),
    user: `FAQ 条目:\n${input.entries.map((e) => `[${e.id}] ${e.question}\n${e.answer}`).join('\n\n')}\n\n问题:${input.question}\n\n回答:\n${input.answer}\n\n评分:`,
  };
}

/** Scores every cited, in-scope answer of an LLM-mode run; returns the mean and the per-case scores. */
export async function judgeRun(run: EvalRun, kb: KnowledgeBase, llm: NonNullable<AppConfig['llm']>) {
  const chat = new ChatOpenAI({
    model: llm.model,
    apiKey: llm.apiKey ?? 'not-needed',
    configuration: llm.baseURL ? { baseURL: llm.baseURL } : undefined,
    temperature: 0,
    timeout: llm.timeoutMs,
    maxRetries: llm.maxRetries,
  });
  const scores: { question: string; score: number }[] = [];
  for (const c of run.cases) {
    if (c.decision === 'refuse' || c.citations.length === 0 || !c.answer) continue;
    const entries = c.citations
      .map((id) => kb.getEntry(id))
      .filter((e) => e !== undefined)
      .map((e) => ({ id: e.id, question: e.question, answer: e.solution }));
    const p = buildJudgePromptV1({ question: c.question, answer: c.answer, entries });
    const reply = await chat.invoke([new SystemMessage(p.system), new HumanMessage(p.user)]);
    const score = Number(String(reply.content).match(/[1-5]/)?.[0] ?? NaN);
    if (Number.isFinite(score)) scores.push({ question: c.question, score });
  }
  return { version: JUDGE_PROMPT_VERSION, mean: scores.length ? scores.reduce((a, s) => a + s.score, 0) / scores.length : null, scores };
}

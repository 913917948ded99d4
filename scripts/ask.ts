/**
 * `npm run ask -- "问题"`: prints the answer with its sources.
 * `--json` prints one JSON object; `--json --batch` reads one question per line on stdin
 * and prints one object per line, in order, loading the index once.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { answerQuestion } from '../lib/answer/answer';
import type { AnswerResult } from '../lib/answer/types';

import { configFromEnv } from '../lib/config';
import { BadRequestError } from '../lib/errors';
import { createRuntime } from '../lib/runtime';
import { runCli } from './cli';

/** The stable JSON shape of one answer, as documented in README. */
export function toJson(r: AnswerResult) {
  return {
    question: r.question,
    decision: r.decision,
    confidence: r.retrieval.confidence,
    hits: r.retrieval.hits.map((h) => ({
      id: h.id,
      ids: h.entry.ids,
      category: h.entry.category.name,
      question: h.entry.question,
      score: h.score,
      scores: { vector: h.scores.vector, keyword: h.scores.keyword, fused: h.scores.fused, coverage: h.coverage },
    })),
    answer: r.text,
    citations: r.citations,
    mode: r.mode,
    notices: r.notices.map((n) => n.message),
    suggestions: r.suggestions,
  };
}

function toText(r: AnswerResult): string {
  const sources = r.retrieval.hits
    .map(
      (h) =>
        `  ${r.citations.includes(h.id) ? '*' : ' '} [${h.id}] ${h.entry.question.split('\n')[0]}  (融合 ${h.scores.fused}, 向量 ${h.scores.vector}, 关键词 ${h.scores.keyword})`,
    )
    .join('\n');
  const notices = r.notices.map((n) => `提示:${n.message}\n`).join('');
  return `${notices}${r.text}\n\n—— 检索结果(* 为引用;判定 ${r.decision},置信度 ${r.retrieval.confidence})\n${sources}\n`;
}

await runCli(async () => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean' }, batch: { type: 'boolean' } } });
  // The FAQ files alone: the database (and its lock on the embedded store) stays the server's.
  const runtime = createRuntime(configFromEnv(), { store: null });
  const deps = runtime.answerDeps(await runtime.knowledge.get());
  if (values.batch) {
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      if (line.trim() === '') continue;
      const r = await answerQuestion({ question: line.trim() }, deps);
      process.stdout.write(`${JSON.stringify(values.json ? toJson(r) : { question: r.question, answer: r.text })}\n`);
    }
    return;
  }
  const question = positionals.join(' ').trim();
  if (!question) throw new BadRequestError('请提供问题,例如:npm run ask -- "挥卡报03无效商户怎么办"');
  const r = await answerQuestion({ question }, deps);
  console.log(values.json ? JSON.stringify(toJson(r)) : toText(r));
});

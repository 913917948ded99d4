import { getConfig } from '../config';
import { UpstreamError } from '../errors';
import { getKnowledgeBase } from '../kb';
import { createLlmClient } from '../llm/model';
import { leaksPrompt } from '../llm/prompts';
import type { LlmClient } from '../llm/types';
import type { RetrievalResult, RetrieveFn } from '../retrieval/types';
import { createCitationGuard, extractCitations, isNoAnswerReply } from './citations';
import { composeEntry, composeNoAnswer, composeOfflineAnswer, toCitedEntry } from './extractive';
import { standaloneQuestion } from './follow-up';
import type { AnswerEvent, AnswerInput, AnswerMode, AnswerNotice, AnswerResult } from './types';

export interface AnswerDeps {
  retrieve: RetrieveFn;
  /** Null answers offline, composed from the entries. */
  llm: LlmClient | null;
  /** A hit whose vector similarity reaches this is answered from the entry without the model. */
  directMatchThreshold: number;
}

const NOTICES = {
  upstream_failed: '模型服务暂时不可用,以下为根据 FAQ 原文整理的离线答案。',
  uncited_replaced: '模型的回答未能引用 FAQ 条目,已改为根据 FAQ 原文整理的离线答案。',
  direct_match: '问题与 FAQ 条目高度匹配,直接给出原文答案(未调用模型)。',
  unsafe_replaced: '模型的回答包含不应输出的内容,已改为根据 FAQ 原文整理的离线答案。',
} as const;

function notice(code: AnswerNotice['code'], message?: string): AnswerNotice {
  return { code, message: message ?? NOTICES[code as keyof typeof NOTICES] };
}

/**
 * Answers a question from the FAQ, streaming. Shared by the chat route, the CLI and the evals.
 * Never throws for model failures: they degrade to the offline answer with a notice.
 *
 * @example
 * for await (const ev of streamAnswer({ question: '挥卡报03' }, await getDefaultAnswerDeps())) …
 */
export async function* streamAnswer(input: AnswerInput, deps: AnswerDeps, signal?: AbortSignal): AsyncGenerator<AnswerEvent> {
  const started = performance.now();
  const history = input.history ?? [];
  const notices: AnswerNotice[] = [];
  let llm = deps.llm;
  let standalone = standaloneQuestion(input.question, history);
  if (llm && history.length > 0) {
    try {
      standalone = await llm.condense(input.question, history, signal);
    } catch (e) {
      if (!(e instanceof UpstreamError)) throw e;
      notices.push(notice('upstream_failed'));
      llm = null;
    }
  }
  const retrieval = await deps.retrieve(standalone, { k: 5 });
  const retrievalMs = performance.now() - started;
  const top = retrieval.hits[0];
  const direct = !!llm && !retrieval.noAnswer && !!top && top.scores.vector >= deps.directMatchThreshold;
  // The no-answer reply is fixed text: the model is not asked, so the answer is not the model's.
  let mode: AnswerMode = direct ? 'direct' : llm && !retrieval.noAnswer ? 'llm' : 'offline';
  yield { type: 'retrieval', retrieval, standaloneQuestion: standalone, mode, model: deps.llm?.model };
  // A failed rewrite only matters when the model would have answered; the no-answer reply needs no notice.
  if (retrieval.noAnswer) notices.length = 0;
  for (const n of notices) yield { type: 'notice', notice: n };

  let text = '';
  let firstTokenMs: number | undefined;
  let replace = false;
  let noAnswer = retrieval.noAnswer;
  const removed: string[] = [];
  const emit = (delta: string): AnswerEvent => {
    firstTokenMs ??= performance.now() - started;
    text += delta;
    return { type: 'text-delta', delta };
  };

  if (mode === 'llm') {
    const outcome = yield* streamFromModel(llm!, standalone, retrieval, history, emit, signal);
    removed.push(...outcome.removed);
    if (outcome.modelNoAnswer) {
      // The model read the entries and found they do not answer: trust that over the retrieval score.
      noAnswer = true;
      replace = text !== '';
      const reply = composeNoAnswer(retrieval.hits);
      if (replace) text = reply;
      else yield emit(reply);
    } else if (outcome.fallback) {
      const n = notice(outcome.fallback);
      notices.push(n);
      yield { type: 'notice', notice: n };
      mode = 'offline';
      replace = text !== '';
      if (replace) text = '';
    }
    if (outcome.removed.length) {
      const n = notice('citation_removed', `已移除不在检索结果中的引用:${outcome.removed.join('、')}。`);
      notices.push(n);
      yield { type: 'notice', notice: n };
    }
  }
  if (mode !== 'llm') {
    if (mode === 'direct') {
      const n = notice('direct_match');
      notices.push(n);
      yield { type: 'notice', notice: n };
    }
    const offline = mode === 'direct' ? composeEntry(top!.entry) : composeOfflineAnswer(retrieval);
    if (replace) text = offline;
    else yield emit(offline);
  }

  const citations = extractCitations(text);
  const byId = new Map(retrieval.hits.flatMap((h) => h.entry.ids.map((id) => [id, h.entry] as const)));
  const result: AnswerResult = {
    question: input.question,
    standaloneQuestion: standalone,
    noAnswer,
    mode,
    model: deps.llm?.model,
    text,
    citations,
    removedCitations: removed,
    notices,
    retrieval,
    cited: [...new Set(citations.map((id) => byId.get(id)).filter((e) => e !== undefined))].map(toCitedEntry),
    timings: { retrievalMs: round(retrievalMs), totalMs: round(performance.now() - started), firstTokenMs: firstTokenMs === undefined ? undefined : round(firstTokenMs) },
  };
  yield { type: 'done', result, replace };
}

/**
 * Streams the model's answer through the citation guard. Returns why the offline
 * answer must be used instead, if it must: the model failed, or cited nothing valid.
 */
async function* streamFromModel(
  llm: LlmClient,
  question: string,
  retrieval: RetrievalResult,
  history: AnswerInput['history'] & object,
  emit: (delta: string) => AnswerEvent,
  signal?: AbortSignal,
): AsyncGenerator<AnswerEvent, { fallback?: 'upstream_failed' | 'uncited_replaced' | 'unsafe_replaced'; modelNoAnswer?: boolean; removed: string[] }> {
  const allowed = new Map(retrieval.hits.flatMap((h) => h.entry.ids.map((id) => [id, h.id] as const)));
  const guard = createCitationGuard(allowed);
  let raw = '';
  try {
    for await (const delta of llm.streamAnswer(question, retrieval.hits, history, signal)) {
      raw += delta;
      // Checked before anything more is shown: a reply repeating our instructions is cut off here.
      if (leaksPrompt(raw)) return { fallback: 'unsafe_replaced', removed: guard.removed };
      const out = guard.push(delta);
      if (out) yield emit(out);
    }
    const rest = guard.end();
    if (rest) yield emit(rest);
  } catch (e) {
    if (!(e instanceof UpstreamError)) throw e;
    return { fallback: 'upstream_failed', removed: guard.removed };
  }
  if (isNoAnswerReply(raw)) return { modelNoAnswer: true, removed: guard.removed };
  if (!guard.sawValidCitation) return { fallback: 'uncited_replaced', removed: guard.removed };
  return { removed: guard.removed };
}

/** Runs `streamAnswer` to the end and returns its result (CLI, evals). */
export async function answerQuestion(input: AnswerInput, deps: AnswerDeps, signal?: AbortSignal): Promise<AnswerResult> {
  for await (const ev of streamAnswer(input, deps, signal)) if (ev.type === 'done') return ev.result;
  throw new Error('answer stream ended without a result');
}

const g = globalThis as typeof globalThis & { __faqLlmClient?: LlmClient | null };

/** The deployment's dependencies: the memoised knowledge base and, when configured, the chat model. */
export async function getDefaultAnswerDeps(): Promise<AnswerDeps> {
  const config = getConfig();
  const kb = await getKnowledgeBase(config);
  const llm = (g.__faqLlmClient ??= config.llm ? createLlmClient(config.llm) : null);
  return { retrieve: kb.retrieve, llm, directMatchThreshold: config.directMatchThreshold };
}

/** What the UI's mode badge shows. */
export function describeMode(): { mode: 'offline' | 'llm'; model?: string } {
  const { llm } = getConfig();
  return llm ? { mode: 'llm', model: llm.model } : { mode: 'offline' };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

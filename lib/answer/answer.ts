import { UpstreamError } from '../errors';
import { leaksPrompt } from '../llm/prompts';
import type { CallLimits, LlmClient } from '../llm/types';
import { setsAside } from '../retrieval/query';
import type { RetrievalResult, RetrieveFn } from '../retrieval/types';
import { extractCitations } from '../text/citations';
import { inventedReplacedText, MODEL_HEDGE_INTRO, NOTICE_TEXT } from '../text/messages';
import { questionKey } from '../text/question-key';
import { createCitationGuard, isNoAnswerReply, unretrievedLinks, unretrievedMentions, unretrievedNumbers } from './citations';
import { composeEntry, composeOfflineAnswer, composePart, composeRefusal, suggestionsOf, toCitedEntry } from './extractive';
import { type CoverageFn, resolveFollowUp } from './follow-up';
import { looksLikeFollowUp } from './leaning';
import { pickPart, splitSolution } from './sections';
import { createSentenceGate } from './sentence-gate';
import type { AnswerEvent, AnswerInput, AnswerMode, AnswerNotice, AnswerResult, ChatTurn, FALLBACK_NOTICES } from './types';

export interface AnswerDeps {
  retrieve: RetrieveFn;
  /** Coverage of a question's words by a text (the corpus's vocabulary): focuses follow-ups and picks the part of an entry they ask about. */
  coverage?: CoverageFn;
  /** Null answers offline, composed from the entries. */
  llm: LlmClient | null;
  /** A hit whose vector similarity reaches this is answered from the entry without the model. */
  directMatchThreshold: number;
}

function notice(code: AnswerNotice['code'], message?: string): AnswerNotice {
  return { code, message: message ?? NOTICE_TEXT[code as keyof typeof NOTICE_TEXT] };
}

/** What was decided before any text is written: the question searched, the retrieval and who writes the answer. */
interface Plan {
  standalone: string;
  retrieval: RetrievalResult;
  mode: AnswerMode;
  /** The model, when it writes the answer. */
  llm: LlmClient | null;
  limits: CallLimits;
  notices: AnswerNotice[];
  retrievalMs: number;
  /** For an offline follow-up: the part of the answering entry it asks about. */
  part?: { intro: string; text: string };
}

/**
 * Step 1: makes the question standalone (the model rewrites follow-ups when there is one),
 * retrieves, and decides who writes the answer. A refusal is fixed text: the model is not asked.
 */
async function plan(input: AnswerInput, deps: AnswerDeps, history: ChatTurn[], signal: AbortSignal | undefined, started: number): Promise<Plan> {
  // One deadline for every model call of this request: rewrite, retries and answer.
  const limits: CallLimits = { signal, deadline: deps.llm ? Date.now() + deps.llm.timeoutMs : undefined };
  const notices: AnswerNotice[] = [];
  let llm = deps.llm;
  let condensed: string | null = null;
  if (llm && history.length > 0) {
    try {
      condensed = await llm.condense(input.question, history, limits);
    } catch (e) {
      if (!(e instanceof UpstreamError)) throw e;
      notices.push(notice('upstream_failed'));
      llm = null;
    }
  }
  const retrieve: RetrieveFn = (q, o) => deps.retrieve(q, { k: 5, ...o });
  // A rewrite that changed nothing of a question that leans on the conversation (small models often echo 「那退款呢」) is no
  // rewrite: the offline rules resolve it against the conversation instead.
  const rewritten = condensed !== null && !(questionKey(condensed) === questionKey(input.question) && looksLikeFollowUp(input.question));
  const resolved =
    condensed !== null && rewritten
      ? { query: condensed, retrieval: await retrieve(condensed), followUp: false }
      : await resolveFollowUp(input.question, history, retrieve, deps.coverage);
  const standalone = resolved.query;
  const retrieval = resolved.retrieval;
  const top = retrieval.hits[0];
  const answerable = retrieval.decision !== 'refuse';
  const direct = !!llm && retrieval.decision === 'answer' && !!top && top.scores.vector >= deps.directMatchThreshold;
  const mode: AnswerMode = direct ? 'direct' : llm && answerable ? 'llm' : 'offline';
  const part = resolved.followUp && mode === 'offline' && retrieval.answerIds.length === 1 ? partFor(input.question, retrieval, deps) : undefined;
  // What the message asked of the assistant beside its question (an order, others' data, new rules) is not done: it says so. Of this
  // message: a follow-up searched with the previous question (or rewritten by the model) may carry what that question set aside.
  const ownQuestion = standalone === input.question.trim();
  if (answerable && retrieval.signals.setAside && (ownQuestion || setsAside(input.question))) notices.push(notice('set_aside'));
  // A failed rewrite only matters when the model would have answered; the refusal needs no notice.
  return {
    standalone,
    retrieval,
    mode,
    llm: mode === 'llm' ? llm : null,
    limits,
    notices: answerable ? notices : [],
    retrievalMs: performance.now() - started,
    part,
  };
}

/** At least this share of a follow-up's words in the entry's own question names the entry itself, not one of its parts. */
const NAMES_ENTRY = 0.5;

/**
 * The part of the answering entry a follow-up asks about ("那苹果手机呢" -> the iOS steps), if one part stands out. Not when the
 * follow-up names the entry's own question (「不是这个,我说的是此商户不支持双免」 after a hedge: the whole entry, all its steps;
 * round 25, a fresh-clone check).
 */
function partFor(question: string, retrieval: RetrievalResult, deps: AnswerDeps): Plan['part'] {
  const entry = retrieval.hits.find((h) => h.id === retrieval.answerIds[0])?.entry;
  const coverage = deps.coverage;
  const split = entry && coverage ? splitSolution(entry.solution) : null;
  if (!split || !coverage || (coverage(question, entry!.question) ?? 0) >= NAMES_ENTRY) return undefined;
  const i = pickPart(split.parts, (text) => coverage(question, text) ?? 0);
  return i === null ? undefined : { intro: split.intro, text: split.parts[i]! };
}

/** Why the model's answer cannot be shown, if it cannot, and which citations were dropped. */
interface ModelOutcome {
  fallback?: Exclude<(typeof FALLBACK_NOTICES)[number], 'abstain_overruled'>;
  abstained?: boolean;
  /** Entry ids the reply named that were not retrieved. */
  removed: string[];
  /** Those ids, and the links and numbers no retrieved entry gives, when the reply was replaced for them. */
  invented?: string[];
}

/** Step 2 (LLM mode): streams the model's answer through the citation guard. */
async function* runModel(p: Plan, history: ChatTurn[], emit: (delta: string) => AnswerEvent): AsyncGenerator<AnswerEvent, ModelOutcome> {
  const allowed = new Map(p.retrieval.hits.flatMap((h) => h.entry.ids.map((id) => [id, h.id] as const)));
  const guard = createCitationGuard(allowed);
  const entryTexts = p.retrieval.hits.map((h) => `${h.entry.question}\n${h.entry.solution}`);
  const givenTexts = [...entryTexts, p.standalone, ...history.filter((t) => t.role === 'user').map((t) => t.text)];
  /** What a piece of the reply says that the entries (and the question) do not: an entry id, a link, a number. */
  const inventedIn = (text: string) => [...unretrievedMentions(text, allowed), ...unretrievedLinks(text, entryTexts), ...unretrievedNumbers(text, givenTexts)];
  // A hedge says so in its text, as the offline one does: an API client (Open WebUI, LobeChat) shows the text alone. Shown with
  // the reply's first clause, so a reply that fails at once leaves no opening without an answer under it.
  const gate = createSentenceGate(inventedIn, p.retrieval.decision === 'hedge' ? `${MODEL_HEDGE_INTRO}\n\n` : '');
  let raw = '';
  try {
    // The model is asked the question without what was set aside (an order, new rules): it never reads the attack.
    const question = p.retrieval.asked ?? p.standalone;
    for await (const delta of p.llm!.streamAnswer(question, p.retrieval.hits, history, { ...p.limits, hedge: p.retrieval.decision === 'hedge' })) {
      raw += delta;
      // Checked before anything more is shown: a reply repeating our instructions is cut off here.
      if (leaksPrompt(raw)) return { fallback: 'unsafe_replaced', removed: guard.removed };
      const passed = gate.push(guard.push(delta));
      // A citation of an entry not retrieved, or a clause saying what the entries do not: the model is stopped, and what was
      // invented was never shown.
      if (guard.removed.length || passed.invented) return inventedReplaced(guard.removed, passed.invented ?? []);
      if (passed.out) yield emit(passed.out);
    }
    const rest = gate.push(guard.end());
    const last = rest.invented ? rest : gate.end();
    if (guard.removed.length || rest.invented || last.invented) return inventedReplaced(guard.removed, [...(rest.invented ?? []), ...(last.invented ?? [])]);
    const out = rest.out + last.out;
    if (out) yield emit(out);
  } catch (e) {
    // The asker went away (a reload, a closed tab, a client that hung up): the model is stopped, and the answer is still completed
    // offline, so the question and an answer are recorded (the conversation, the miss queue) instead of lost.
    if (p.limits.signal?.aborted) return { fallback: 'interrupted', removed: guard.removed };
    if (!(e instanceof UpstreamError)) throw e;
    return { fallback: 'upstream_failed', removed: guard.removed };
  }
  if (isNoAnswerReply(raw)) return { abstained: true, removed: guard.removed };
  // A reply that names an entry the retrieval did not give (「退款期限为 30 天 [FAQ7.6]」, 「见 FAQ7.6 条目」) or a link none of them
  // gives, or a number (a phone number, a time limit) neither they nor the question give, says what the entries given do not: its
  // claims cannot be checked, so none of it is shown (fresh-clone checks, rounds 20 and 21). Read over the whole reply too: a
  // clause held back by the citation guard (before the first citation) was checked only once released.
  const whole = inventedIn(raw);
  if (whole.length) return inventedReplaced(guard.removed, whole);
  if (!guard.sawValidCitation) return { fallback: 'uncited_replaced', removed: guard.removed };
  return { removed: guard.removed };
}

/** The outcome of a reply found saying what the entries do not: the ids it cited or named outside them, and all it invented. */
function inventedReplaced(removed: string[], found: string[]): ModelOutcome {
  const ids = [...new Set([...removed, ...found.filter((f) => /^FAQ\d+\.\d+$/.test(f))])];
  return { fallback: 'invented_replaced', removed: ids, invented: [...new Set([...removed, ...found])] };
}

/**
 * Answers a question from the FAQ, streaming: plan (standalone question, retrieval, decision,
 * mode) → the model's answer or the offline one → the final result. Shared by the chat route,
 * the OpenAI-compatible API, the CLI and the evals. Model failures never throw: they degrade
 * to the offline answer with a notice.
 *
 * @example
 * for await (const ev of streamAnswer({ question: '挥卡报03' }, runtime.answerDeps(kb))) …
 */
export async function* streamAnswer(input: AnswerInput, deps: AnswerDeps, signal?: AbortSignal): AsyncGenerator<AnswerEvent> {
  const started = performance.now();
  const history = input.history ?? [];
  const p = await plan(input, deps, history, signal, started);
  yield { type: 'retrieval', retrieval: p.retrieval, standaloneQuestion: p.standalone, mode: p.mode, model: deps.llm?.model };
  const notices = [...p.notices];
  for (const n of notices) yield { type: 'notice', notice: n };

  let text = '';
  let firstTokenMs: number | undefined;
  let replace = false;
  let mode = p.mode;
  let decision = p.retrieval.decision;
  const removed: string[] = [];
  const emit = (delta: string): AnswerEvent => {
    firstTokenMs ??= performance.now() - started;
    text += delta;
    return { type: 'text-delta', delta };
  };
  const say = (n: AnswerNotice): AnswerEvent => {
    notices.push(n);
    return { type: 'notice', notice: n };
  };

  if (mode === 'llm') {
    const outcome = yield* runModel(p, history, emit);
    removed.push(...outcome.removed);
    if (outcome.abstained && p.retrieval.decision === 'answer') {
      // A confident retrieval (its answers are right 98–100 % of the time on every blind set, README "Figures") outweighs a model
      // that says the entries do not answer: an over-cautious model would turn the FAQ's clearest answers into refusals (a
      // fresh-clone check, round 23). Offline, said so.
      yield say(notice('abstain_overruled'));
      mode = 'offline';
      replace = text !== '';
      if (replace) text = '';
    } else if (outcome.abstained) {
      // The model read the entries and found they do not answer what retrieval was unsure of: trust that over the retrieval score.
      decision = 'refuse';
      replace = text !== '';
      if (replace) text = composeRefusal();
      else yield emit(composeRefusal());
    } else if (outcome.fallback) {
      yield say(
        outcome.fallback === 'invented_replaced'
          ? notice('invented_replaced', inventedReplacedText(outcome.invented ?? outcome.removed))
          : notice(outcome.fallback),
      );
      mode = 'offline';
      replace = text !== '';
      if (replace) text = '';
    }
  }
  if (mode === 'direct') yield say(notice('direct_match'));
  if (mode !== 'llm') {
    const answering = p.retrieval.hits.find((h) => h.id === p.retrieval.answerIds[0])?.entry;
    const offline =
      mode === 'direct'
        ? composeEntry(p.retrieval.hits[0]!.entry)
        : p.part && answering && p.retrieval.decision !== 'refuse'
          ? composePart(answering, p.part.intro, p.part.text, p.retrieval.decision === 'hedge')
          : composeOfflineAnswer(p.retrieval);
    if (replace) text = offline;
    else yield emit(offline);
  }
  const result = finish({ input, p, text, mode, decision, notices, removed, model: deps.llm?.model, started, firstTokenMs });
  yield { type: 'done', result, replace };
}

/** Step 3: the final result, with the cited entries resolved from the retrieved ones. */
function finish(a: {
  input: AnswerInput;
  p: Plan;
  text: string;
  mode: AnswerMode;
  decision: AnswerResult['decision'];
  notices: AnswerNotice[];
  removed: string[];
  model?: string;
  started: number;
  firstTokenMs?: number;
}): AnswerResult {
  const citations = extractCitations(a.text);
  const byId = new Map(a.p.retrieval.hits.flatMap((h) => h.entry.ids.map((id) => [id, h.entry] as const)));
  const cited = [...new Set(citations.map((id) => byId.get(id)).filter((e) => e !== undefined))].map(toCitedEntry);
  return {
    question: a.input.question,
    standaloneQuestion: a.p.standalone,
    decision: a.decision,
    mode: a.mode,
    model: a.model,
    text: a.text,
    citations,
    removedCitations: a.removed,
    notices: a.notices,
    retrieval: a.p.retrieval,
    cited,
    suggestions: a.decision === 'answer' ? [] : suggestionsOf(abstainedOn(a.p.retrieval, a.decision)),
    timings: {
      retrievalMs: round(a.p.retrievalMs),
      totalMs: round(performance.now() - a.started),
      firstTokenMs: a.firstTokenMs === undefined ? undefined : round(a.firstTokenMs),
    },
  };
}

/**
 * A refusal the model made of entries the retrieval would have answered with (it read them and found they do not answer)
 * still offers them as 「您是不是想问」: the staff member may see what the model did not (a fresh-clone check, round 20).
 */
function abstainedOn(retrieval: RetrievalResult, decision: AnswerResult['decision']): RetrievalResult {
  if (decision !== 'refuse' || retrieval.decision === 'refuse' || retrieval.suggestionIds.length > 0) return retrieval;
  return { ...retrieval, suggestionIds: retrieval.hits.slice(0, 2).map((h) => h.id) };
}

/** Runs `streamAnswer` to the end and returns its result (CLI, evals, the non-streamed API). */
export async function answerQuestion(input: AnswerInput, deps: AnswerDeps, signal?: AbortSignal): Promise<AnswerResult> {
  for await (const ev of streamAnswer(input, deps, signal)) if (ev.type === 'done') return ev.result;
  throw new Error('answer stream ended without a result');
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

import { toShownEntry } from '../answer/extractive';
import type { AnswerMode, AnswerNotice, Decision, ShownEntry, Suggestion } from '../answer/types';
import { entryFinder } from '../corpus/entry-key';
import { NotFoundError, StoreError } from '../errors';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { Store } from '../store/store';
import type { ConversationSummary, Feedback } from '../store/types';
import { redact } from '../text/redact';
import type { ConversationLog } from './log';

/** One question and its answer, as the chat shows them again when a conversation is reopened. */
export interface ConversationTurn {
  exchangeId: string;
  /** The id the browser gave the question's message. */
  userMessageId?: string;
  question: string;
  createdAt: string;
  answer: {
    text: string;
    citations: string[];
    cited: ShownEntry[];
    notices: AnswerNotice[];
    mode: AnswerMode;
    model?: string;
    decision: Decision;
    suggestions: Suggestion[];
  };
  /** The entries retrieved for it (from the current FAQ), with their scores then. */
  sources: (ShownEntry & { scores: { vector: number; keyword: number; fused: number } })[];
  feedback: Feedback | null;
}

/** Runs a store call; a database failure becomes a StoreError (503, Chinese message). */
async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw new StoreError(e);
  }
}

/** The store, and this instance's log whose queued exchanges a reader should see. */
export interface ConversationDeps {
  store: Store | null;
  log: ConversationLog | null;
}

/** A write of what a user typed: stored with identifying numbers redacted when LOG_REDACT says so. */
export type WritingDeps = ConversationDeps & { redact: boolean };

/** How long a read waits for this instance's queued exchanges to be written before it reads anyway. */
const SETTLE_MS = 2_000;

/** Writes this instance's queued exchanges first, so a client sees the answer it was just given (bounded: a stuck database is not waited for). */
async function settled(log: ConversationLog | null): Promise<void> {
  if (!log) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([log.flush(), new Promise<void>((r) => (timer = setTimeout(r, SETTLE_MS)))]);
  clearTimeout(timer);
}

/** Conversations listed at once (历史对话 loads the next ones on request). */
export const CONVERSATIONS_PAGE = 50;

/**
 * This client's conversations, most recent first, a page of them from `offset`, and whether there are more; none for a client
 * without an id yet.
 */
export async function conversationsOf(
  { store, log }: ConversationDeps,
  clientId: string | null,
  offset = 0,
): Promise<{ conversations: ConversationSummary[]; more: boolean }> {
  if (!store || !clientId) return { conversations: [], more: false };
  if (offset === 0) await settled(log);
  const page = await guarded(() => store.listConversations(clientId, CONVERSATIONS_PAGE + 1, offset));
  return { conversations: page.slice(0, CONVERSATIONS_PAGE), more: page.length > CONVERSATIONS_PAGE };
}

/**
 * A conversation of this client, turn by turn, with cited entries resolved against the current
 * FAQ. NotFoundError when the client has no such conversation (another client's included).
 */
export async function conversationTurns(
  { store, log }: ConversationDeps,
  kb: KnowledgeBase,
  clientId: string | null,
  conversationId: string,
): Promise<ConversationTurn[]> {
  if (store && clientId) await settled(log);
  const exchanges = store && clientId ? await guarded(() => store.conversation(clientId, conversationId)) : null;
  if (!exchanges) throw new NotFoundError('找不到该对话,它可能已过期或属于其他浏览器。');
  return exchanges.map((x) => {
    // The entry each id named when the answer was given (entry-key.ts): after a renumbering, the one that moved, shown under the id
    // the answer cites (citedAs); a deleted one is not shown.
    const find = entryFinder(kb.entries, kb.getEntry, Object.entries(x.retrieval.keys ?? {}));
    const entry = (id: string) => {
      const e = find(id, x.retrieval.keys?.[id]);
      if (!e) return undefined;
      return e.ids.includes(id) ? toShownEntry(e) : { ...toShownEntry(e), citedAs: id };
    };
    return {
      exchangeId: x.id,
      userMessageId: x.userMessageId,
      question: x.question,
      createdAt: x.createdAt,
      answer: {
        text: x.answer,
        citations: x.citations,
        cited: [...new Map(x.citations.flatMap((id) => entry(id) ?? []).map((e) => [e.id, e])).values()],
        notices: x.notices as AnswerNotice[],
        mode: x.mode as AnswerMode,
        model: x.model,
        decision: x.decision,
        suggestions: x.suggestions,
      },
      sources: x.retrieval.hits.flatMap((h) => {
        const e = entry(h.id);
        return e ? [{ ...e, scores: h.scores }] : [];
      }),
      feedback: x.feedback,
    };
  });
}

/** Deletes this client's conversation; NotFoundError when it has none by that id. */
export async function deleteConversationOf({ store, log }: ConversationDeps, clientId: string | null, conversationId: string): Promise<void> {
  // An exchange still queued would bring the conversation back after it was deleted.
  if (store && clientId) await settled(log);
  const deleted = store && clientId ? await guarded(() => store.deleteConversation(clientId, conversationId)) : false;
  if (!deleted) throw new NotFoundError('找不到该对话。');
}

/**
 * Gives this client's conversation the name typed (identifying numbers redacted like the questions, LOG_REDACT);
 * NotFoundError when it has none by that id. Queued exchanges are written first: the first one would title it anew.
 * Returns the name as kept.
 */
export async function renameConversationOf(deps: WritingDeps, clientId: string | null, conversationId: string, title: string): Promise<string> {
  const { store, log } = deps;
  if (store && clientId) await settled(log);
  const named = deps.redact ? redact(title) : title;
  const renamed = store && clientId ? await guarded(() => store.renameConversation(clientId, conversationId, named)) : false;
  if (!renamed) throw new NotFoundError('找不到该对话。');
  return named;
}

/**
 * Records this client's vote on one of its answers; NotFoundError when the answer is not this
 * client's. An answer voted on the moment it arrived may still be in the log's queue: it is
 * written first, then the vote is tried once more.
 */
export async function voteOn(deps: WritingDeps, clientId: string | null, exchangeId: string, given: Feedback): Promise<void> {
  const { store, log } = deps;
  // The note is stored like the questions: with identifying numbers redacted (LOG_REDACT).
  const feedback = given.comment && deps.redact ? { ...given, comment: redact(given.comment) } : given;
  const vote = () => (store && clientId ? guarded(() => store.setFeedback(clientId, exchangeId, feedback)) : Promise.resolve(false));
  let ok = await vote();
  if (!ok && store && clientId && log) {
    await log.flush();
    ok = await vote();
  }
  if (!ok) throw new NotFoundError('找不到这条回答,无法反馈(可能尚未保存或属于其他浏览器)。');
}

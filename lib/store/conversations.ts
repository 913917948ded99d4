import { type Kysely, sql } from 'kysely';
import type { Database, NewExchangeRow } from './schema';
import type { ConversationSummary, ExchangeRecord, Feedback, StoredExchange } from './types';

const TITLE_CHARS = 40;

function rowOf(r: ExchangeRecord): NewExchangeRow {
  return {
    id: r.id,
    client_id: r.clientId,
    conversation_id: r.conversationId,
    user_message_id: r.userMessageId ?? null,
    question: r.question,
    standalone_question: r.standaloneQuestion,
    answer: r.answer,
    citations: JSON.stringify(r.citations),
    decision: r.decision,
    confidence: r.retrieval.confidence,
    retrieval: JSON.stringify(r.retrieval),
    notices: JSON.stringify(r.notices),
    suggestions: JSON.stringify(r.suggestions),
    mode: r.mode,
    model: r.model ?? null,
    timings: JSON.stringify(r.timings),
    created_at: r.createdAt,
  };
}

/**
 * Writes a batch of exchanges in one transaction: each conversation is created on its first
 * exchange (titled by its question) and touched by later ones; one multi-row insert each.
 */
export async function writeExchanges(db: Kysely<Database>, records: ExchangeRecord[]): Promise<void> {
  if (records.length === 0) return;
  const conversations = new Map<string, { client_id: string; id: string; title: string; created_at: Date; updated_at: Date }>();
  for (const r of records) {
    const key = `${r.clientId}\u0000${r.conversationId}`;
    const c = conversations.get(key);
    if (c) c.updated_at = new Date(Math.max(c.updated_at.getTime(), r.createdAt.getTime()));
    else
      conversations.set(key, {
        client_id: r.clientId,
        id: r.conversationId,
        title: r.question.slice(0, TITLE_CHARS),
        created_at: r.createdAt,
        updated_at: r.createdAt,
      });
  }
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('conversations')
      .values([...conversations.values()])
      .onConflict((oc) => oc.columns(['client_id', 'id']).doUpdateSet({ updated_at: sql`greatest(conversations.updated_at, excluded.updated_at)` }))
      .execute();
    await tx
      .insertInto('exchanges')
      .values(records.map(rowOf))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  });
}

/** This client's conversations, most recent first. */
export async function listConversations(db: Kysely<Database>, clientId: string, limit = 50): Promise<ConversationSummary[]> {
  const rows = await db
    .selectFrom('conversations as c')
    .where('c.client_id', '=', clientId)
    .select((eb) => [
      'c.id',
      'c.title',
      'c.updated_at',
      eb
        .selectFrom('exchanges as e')
        .whereRef('e.client_id', '=', 'c.client_id')
        .whereRef('e.conversation_id', '=', 'c.id')
        .select(sql<number>`count(*)::int`.as('n'))
        .as('exchanges'),
    ])
    .orderBy('c.updated_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, updatedAt: r.updated_at.toISOString(), exchanges: Number(r.exchanges ?? 0) }));
}

/**
 * A conversation's exchanges in order, with this client's votes, or null when this client has
 * no such conversation. A regenerated answer replaces the earlier one for the same user message.
 */
export async function conversationExchanges(db: Kysely<Database>, clientId: string, conversationId: string): Promise<StoredExchange[] | null> {
  const rows = await db
    .selectFrom('exchanges as e')
    .leftJoin('feedback as f', 'f.exchange_id', 'e.id')
    .where('e.client_id', '=', clientId)
    .where('e.conversation_id', '=', conversationId)
    .selectAll('e')
    .select(['f.vote', 'f.reason', 'f.comment'])
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
  if (rows.length === 0) {
    const exists = await db.selectFrom('conversations').select('id').where('client_id', '=', clientId).where('id', '=', conversationId).executeTakeFirst();
    return exists ? [] : null;
  }
  const latest = new Map<string, number>();
  rows.forEach((r, i) => latest.set(r.user_message_id ?? r.id, i));
  return rows
    .filter((r, i) => latest.get(r.user_message_id ?? r.id) === i)
    .map((r) => ({
      id: r.id,
      conversationId: r.conversation_id,
      userMessageId: r.user_message_id ?? undefined,
      question: r.question,
      standaloneQuestion: r.standalone_question,
      answer: r.answer,
      citations: r.citations,
      decision: r.decision,
      retrieval: r.retrieval,
      notices: r.notices,
      suggestions: r.suggestions,
      mode: r.mode,
      model: r.model ?? undefined,
      timings: r.timings,
      createdAt: r.created_at.toISOString(),
      feedback: r.vote === null ? null : ({ vote: r.vote, reason: r.reason, comment: r.comment } as Feedback),
    }));
}

/** Deletes this client's conversation and its exchanges; false when there was none. */
export async function deleteConversation(db: Kysely<Database>, clientId: string, conversationId: string): Promise<boolean> {
  const r = await db.deleteFrom('conversations').where('client_id', '=', clientId).where('id', '=', conversationId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

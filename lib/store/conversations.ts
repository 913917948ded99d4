import { type Kysely, sql } from 'kysely';
import { TITLE_CHARS } from '../text/conversation-title';
import type { Database, NewExchangeRow } from './schema';
import type { ConversationSummary, ExchangeRecord, Feedback, StoredExchange } from './types';

/** Every column of `exchanges`, as written. */
const EXCHANGE_COLUMNS = [
  'id',
  'client_id',
  'conversation_id',
  'user_message_id',
  'question',
  'standalone_question',
  'answer',
  'citations',
  'decision',
  'confidence',
  'retrieval',
  'notices',
  'suggestions',
  'mode',
  'model',
  'timings',
  'created_at',
] as const satisfies readonly (keyof NewExchangeRow)[];

/** Text PostgreSQL's JSON-to-text conversion accepts: no lone surrogate, no NUL (a model's answer is not checked elsewhere). */
const wellFormed = (text: string) => text.toWellFormed().replaceAll('\u0000', '');

/** An exchange as the `exchanges` table's row, JSON columns as values (the batch is sent as one JSON document). */
function rowOf(r: ExchangeRecord): Record<(typeof EXCHANGE_COLUMNS)[number], unknown> {
  return {
    id: r.id,
    client_id: r.clientId,
    conversation_id: r.conversationId,
    user_message_id: r.userMessageId ?? null,
    question: wellFormed(r.question),
    standalone_question: wellFormed(r.standaloneQuestion),
    answer: wellFormed(r.answer),
    citations: r.citations,
    decision: r.decision,
    confidence: r.retrieval.confidence,
    retrieval: r.retrieval,
    notices: r.notices,
    suggestions: r.suggestions,
    mode: r.mode,
    model: r.model ?? null,
    timings: r.timings,
    created_at: r.createdAt,
  };
}

const CONVERSATION_COLUMNS = ['client_id', 'id', 'title', 'created_at', 'updated_at'] as const;

/** `insert into <table> (<columns>) select <columns> from json_populate_recordset(null::<table>, <rows as JSON>)`. */
function insertFromJson(table: 'exchanges' | 'conversations', columns: readonly string[], rows: unknown[]) {
  const list = sql.join(columns.map((c) => sql.ref(c)));
  return sql`insert into ${sql.table(table)} (${list}) select ${list} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::json)`;
}

/**
 * Writes a batch of exchanges in one transaction: each conversation is created on its first
 * exchange (titled by its question) and touched by later ones. Each table gets one statement
 * with the batch as a single JSON parameter: against a multi-row VALUES list of 17 parameters a
 * row, that halves the cost on the server's thread and cuts embedded PGlite's by about a quarter
 * (measured in 40-row batches of realistic exchanges).
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
    await sql`${insertFromJson('conversations', CONVERSATION_COLUMNS, [...conversations.values()])}
      on conflict (client_id, id) do update set updated_at = greatest(conversations.updated_at, excluded.updated_at)`.execute(tx);
    await sql`${insertFromJson('exchanges', EXCHANGE_COLUMNS, records.map(rowOf))} on conflict (id) do nothing`.execute(tx);
  });
}

/** This client's conversations, most recent first: `limit` of them after the first `offset`. */
export async function listConversations(db: Kysely<Database>, clientId: string, limit = 50, offset = 0): Promise<ConversationSummary[]> {
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
    .orderBy('c.id')
    .limit(limit)
    .offset(offset)
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

/** Renames this client's conversation; false when there is none by that id. The conversation keeps its place in the list. */
export async function renameConversation(db: Kysely<Database>, clientId: string, conversationId: string, title: string): Promise<boolean> {
  const r = await db.updateTable('conversations').set({ title }).where('client_id', '=', clientId).where('id', '=', conversationId).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** A timestamp: written as a Date (or defaulted), read as a Date by both pg and PGlite. */
type Timestamp = ColumnType<Date, Date | undefined, Date>;
/** jsonb: written as JSON text (pg would turn a JS array into a PostgreSQL array), read parsed. */
type Json<T> = ColumnType<T, string, string>;

/** One entry of the retrieval trace kept with an exchange. */
export interface TraceHit {
  id: string;
  rank: number;
  score: number;
  scores: { vector: number; keyword: number; fused: number };
  coverage: number;
}

/** What retrieval saw and decided, as stored. */
export interface RetrievalTrace {
  query: string;
  hits: TraceHit[];
  confidence: number;
  thresholds: { answer: number; hedge: number };
  answerIds: string[];
  suggestionIds: string[];
  signals: Record<string, number>;
  /** What each entry retrieved said then (lib/corpus/entry-key.ts), by id: reopened after a renumbering, the conversation shows it. Absent before round 26. */
  keys?: Record<string, string>;
}

export interface ConversationsTable {
  client_id: string;
  id: string;
  title: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ExchangesTable {
  id: string;
  client_id: string;
  conversation_id: string;
  /** The id of the user message answered; a regenerated answer replaces the earlier one for the same message. */
  user_message_id: string | null;
  question: string;
  standalone_question: string;
  answer: string;
  citations: Json<string[]>;
  decision: 'answer' | 'hedge' | 'refuse';
  confidence: number;
  retrieval: Json<RetrievalTrace>;
  notices: Json<{ code: string; message: string }[]>;
  suggestions: Json<{ id: string; question: string }[]>;
  mode: string;
  model: string | null;
  timings: Json<{ retrievalMs: number; totalMs: number; firstTokenMs?: number }>;
  created_at: Timestamp;
}

export interface FeedbackTable {
  exchange_id: string;
  client_id: string;
  vote: number;
  reason: string | null;
  comment: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AlternativesTable {
  id: Generated<number>;
  entry_id: string;
  /** What the entry said when the question was added (lib/corpus/entry-key.ts); null for rows added before round 26. */
  entry_key: string | null;
  question: string;
  created_at: Timestamp;
}

export interface MissResolutionsTable {
  exchange_id: string;
  status: 'attached' | 'uncovered';
  entry_id: string | null;
  created_at: Timestamp;
}

/** The whole schema, as Kysely sees it; created by ./migrations.ts. */
export interface Database {
  conversations: ConversationsTable;
  exchanges: ExchangesTable;
  feedback: FeedbackTable;
  alternatives: AlternativesTable;
  miss_resolutions: MissResolutionsTable;
}

export type ExchangeRow = Selectable<ExchangesTable>;
export type NewExchangeRow = Insertable<ExchangesTable>;

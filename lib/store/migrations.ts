import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';

/**
 * The schema's history, in code (bundled with the app, no migration files to ship).
 * Append new migrations; never edit one that has shipped. The same SQL runs on PGlite and PostgreSQL.
 */
export const migrations: Record<string, Migration> = {
  '0001_conversations': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('conversations')
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addPrimaryKeyConstraint('conversations_pk', ['client_id', 'id'])
        .execute();
      await db.schema.createIndex('conversations_client_updated').on('conversations').columns(['client_id', 'updated_at']).execute();

      await db.schema
        .createTable('exchanges')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('user_message_id', 'text')
        .addColumn('question', 'text', (c) => c.notNull())
        .addColumn('standalone_question', 'text', (c) => c.notNull())
        .addColumn('answer', 'text', (c) => c.notNull())
        .addColumn('citations', 'jsonb', (c) => c.notNull())
        .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('answer', 'hedge', 'refuse')`))
        .addColumn('confidence', 'double precision', (c) => c.notNull())
        .addColumn('retrieval', 'jsonb', (c) => c.notNull())
        .addColumn('notices', 'jsonb', (c) => c.notNull())
        .addColumn('suggestions', 'jsonb', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('model', 'text')
        .addColumn('timings', 'jsonb', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addForeignKeyConstraint('exchanges_conversation_fk', ['client_id', 'conversation_id'], 'conversations', ['client_id', 'id'], (c) =>
          c.onDelete('cascade'),
        )
        .execute();
      await db.schema.createIndex('exchanges_conversation').on('exchanges').columns(['client_id', 'conversation_id', 'created_at']).execute();
      await db.schema.createIndex('exchanges_created').on('exchanges').column('created_at').execute();
      await db.schema.createIndex('exchanges_decision_created').on('exchanges').columns(['decision', 'created_at']).execute();

      await db.schema
        .createTable('feedback')
        .addColumn('exchange_id', 'text', (c) => c.primaryKey().references('exchanges.id').onDelete('cascade'))
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('vote', 'smallint', (c) => c.notNull().check(sql`vote in (-1, 1)`))
        .addColumn('reason', 'text')
        .addColumn('comment', 'text')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex('feedback_vote').on('feedback').columns(['vote', 'updated_at']).execute();

      await db.schema
        .createTable('alternatives')
        .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('entry_id', 'text', (c) => c.notNull())
        .addColumn('question', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addUniqueConstraint('alternatives_entry_question', ['entry_id', 'question'])
        .execute();

      await db.schema
        .createTable('miss_resolutions')
        .addColumn('exchange_id', 'text', (c) => c.primaryKey().references('exchanges.id').onDelete('cascade'))
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('attached', 'uncovered')`))
        .addColumn('entry_id', 'text')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ['miss_resolutions', 'alternatives', 'feedback', 'exchanges', 'conversations']) await db.schema.dropTable(t).ifExists().execute();
    },
  },
  // The retrieval trace is written with every answer and only ever read whole or by path (->, ->>): json keeps the
  // text as sent instead of parsing it into jsonb (PGlite, a realistic exchange row in 40-row batches: 138-170 -> 112-116 µs).
  '0002_retrieval_json': {
    async up(db: Kysely<unknown>) {
      await sql`alter table exchanges alter column retrieval type json using retrieval::json`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await sql`alter table exchanges alter column retrieval type jsonb using retrieval::jsonb`.execute(db);
    },
  },
  // What the entry said when an alternative was added to it: the alternative follows its entry when the FAQ is renumbered.
  '0003_alternative_entry_key': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('alternatives').addColumn('entry_key', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('alternatives').dropColumn('entry_key').execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** A Kysely Migrator over the in-code migrations (PostgreSQL: it takes a lock, so instances starting together migrate once). */
export function migratorFor(db: Kysely<unknown>): Migrator {
  return new Migrator({ db, provider });
}

/** Brings the schema up to date; throws the first migration error. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const { error, results } = await migratorFor(db).migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

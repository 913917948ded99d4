import { type Kysely, sql } from 'kysely';
import type { Database } from './schema';
import type { DateRange, InsightsData } from './types';

/** Days are counted in China Standard Time, the users' day. */
const DAY = sql<string>`to_char(e.created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;

/** Counts per day and decision, citations per entry and votes, over a date range. */
export async function insights(db: Kysely<Database>, range: DateRange = {}): Promise<InsightsData> {
  const [byDay, cites, votes] = await Promise.all([
    db
      .selectFrom('exchanges as e')
      .select([DAY.as('day'), 'e.decision', sql<number>`count(*)::int`.as('n')])
      .where(rangeSql(range))
      .groupBy([DAY, 'e.decision'])
      .orderBy('day')
      .execute(),
    db
      .selectFrom(
        sql<{
          id: string;
          key: string | null;
        }>`(select c.id, e.retrieval -> 'keys' ->> c.id as key from exchanges e cross join jsonb_array_elements_text(e.citations) as c(id) where ${rangeSql(range)})`.as(
          'c',
        ),
      )
      .select(['c.id', 'c.key', sql<number>`count(*)::int`.as('n')])
      .groupBy(['c.id', 'c.key'])
      .orderBy('n', 'desc')
      .execute(),
    db
      .selectFrom('feedback as f')
      .innerJoin('exchanges as e', 'e.id', 'f.exchange_id')
      .select(['f.vote', 'f.reason', sql<number>`count(*)::int`.as('n')])
      .where(rangeSql(range))
      .groupBy(['f.vote', 'f.reason'])
      .execute(),
  ]);
  const days = new Map<string, InsightsData['perDay'][number]>();
  const decisions = { answer: 0, hedge: 0, refuse: 0 };
  for (const r of byDay) {
    const d = days.get(r.day) ?? { day: r.day, answer: 0, hedge: 0, refuse: 0 };
    d[r.decision] += Number(r.n);
    decisions[r.decision] += Number(r.n);
    days.set(r.day, d);
  }
  const feedback = { up: 0, down: 0, reasons: {} as Record<string, number> };
  for (const v of votes) {
    if (v.vote === 1) feedback.up += Number(v.n);
    else {
      feedback.down += Number(v.n);
      const key = v.reason ?? 'none';
      feedback.reasons[key] = (feedback.reasons[key] ?? 0) + Number(v.n);
    }
  }
  return {
    total: decisions.answer + decisions.hedge + decisions.refuse,
    perDay: [...days.values()],
    decisions,
    citations: cites.map((c) => ({ id: c.id, key: c.key ?? null, count: Number(c.n) })),
    feedback,
  };
}

/** The range as a condition on `e.created_at`. */
function rangeSql(range: DateRange) {
  const parts = [sql<boolean>`true`];
  if (range.from) parts.push(sql`e.created_at >= ${range.from}`);
  if (range.to) parts.push(sql`e.created_at <= ${range.to}`);
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

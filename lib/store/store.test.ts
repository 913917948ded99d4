import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPostgres, storeTargets, TEST_DATABASE_URL, type TestDatabase } from '../testing/test-store';
import { migrateToLatest, migrations, migratorFor } from './migrations';
import { openDatabase } from './open';
import { createStore, type Store } from './store';
import type { ExchangeRecord } from './types';
import { rejectsData } from './write-queue';

function record(over: Partial<ExchangeRecord> & Pick<ExchangeRecord, 'clientId' | 'conversationId' | 'question'>): ExchangeRecord {
  const decision = over.decision ?? 'answer';
  return {
    id: randomUUID(),
    standaloneQuestion: over.question,
    answer: decision === 'refuse' ? '抱歉,FAQ 中没有找到' : '请联系通联业务同事。[FAQ2.5]',
    citations: decision === 'refuse' ? [] : ['FAQ2.5'],
    decision,
    retrieval: {
      query: over.question,
      hits: [
        { id: 'FAQ2.5', rank: 1, score: 0.8, scores: { vector: 0.7, keyword: 0.9, fused: 0.8 }, coverage: 0.6 },
        { id: 'FAQ2.4', rank: 2, score: 0.5, scores: { vector: 0.5, keyword: 0.4, fused: 0.5 }, coverage: 0.3 },
      ],
      confidence: decision === 'answer' ? 0.8 : 0.2,
      thresholds: { answer: 0.5, hedge: 0.36 },
      answerIds: ['FAQ2.5'],
      suggestionIds: [],
      signals: { coverage: 0.6 },
    },
    notices: [],
    suggestions: [],
    mode: 'offline',
    timings: { retrievalMs: 1.2, totalMs: 1.5 },
    createdAt: new Date(),
    ...over,
  };
}

describe.each(storeTargets())('the $name store', (target) => {
  let db: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    db = await target.create();
    store = createStore(db.config);
    await store.ready();
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('creates the schema on open; opening again runs no migration and keeps the data', async () => {
    await store.recordExchanges([record({ clientId: 'mig', conversationId: 'c1', question: '挥卡报03' })]);
    await store.close();
    const handle = await openDatabase(db.config);
    const tables = (await handle.db.introspection.getTables()).map((t) => t.name).sort();
    expect(tables).toEqual(expect.arrayContaining(['alternatives', 'conversations', 'exchanges', 'feedback', 'miss_resolutions']));
    expect(await migrateToLatest(handle.db as Kysely<unknown>)).toEqual([]);
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(handle.db);
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations));
    await handle.close();
    store = createStore(db.config);
    expect((await store.listConversations('mig')).map((c) => c.title)).toEqual(['挥卡报03']);
  });

  it('rejects an exchange holding a NUL character as data (a SQLSTATE the write queue drops at once instead of retrying)', async () => {
    const error = await store.recordExchanges([record({ clientId: 'nul', conversationId: 'evil\u0000id', question: '挥卡报03' })]).catch((e) => e);
    expect(rejectsData(error), String(error)).toBe(true);
  });

  it('migrates down to 0001 and up again with the data kept: the retrieval trace goes jsonb -> json and reads back whole', async () => {
    await store.recordExchanges([record({ clientId: 'mig2', conversationId: 'c1', question: '退款多久到账' })]);
    await store.close();
    const handle = await openDatabase(db.config);
    const typeOf = async () =>
      (
        await sql<{ t: string }>`select data_type as t from information_schema.columns where table_name = 'exchanges' and column_name = 'retrieval'`.execute(
          handle.db,
        )
      ).rows[0]?.t;
    expect(await typeOf()).toBe('json');
    const { error } = await migratorFor(handle.db as Kysely<unknown>).migrateTo('0001_conversations');
    expect(error).toBeUndefined();
    expect(await typeOf()).toBe('jsonb');
    expect(await migrateToLatest(handle.db as Kysely<unknown>)).toEqual(['0002_retrieval_json', '0003_alternative_entry_key']);
    expect(await typeOf()).toBe('json');
    await handle.close();
    store = createStore(db.config);
    const [exchange] = (await store.conversation('mig2', 'c1')) ?? [];
    expect(exchange?.retrieval.hits.map((h) => h.id)).toEqual(['FAQ2.5', 'FAQ2.4']);
  });

  it('lists a client’s conversations, newest first, and never another client’s', async () => {
    const t0 = Date.now();
    await store.recordExchanges([
      record({ clientId: 'alice', conversationId: 'a1', question: '挥卡报03怎么办', createdAt: new Date(t0 - 3000) }),
      record({ clientId: 'alice', conversationId: 'a1', question: '那退款呢', createdAt: new Date(t0 - 2000) }),
      record({ clientId: 'alice', conversationId: 'a2', question: '好老板忘记密码', createdAt: new Date(t0 - 1000) }),
      record({ clientId: 'bob', conversationId: 'b1', question: '银行卡退款多久到账', createdAt: new Date(t0) }),
    ]);
    const alice = await store.listConversations('alice');
    expect(alice.map((c) => [c.id, c.title, c.exchanges])).toEqual([
      ['a2', '好老板忘记密码', 1],
      ['a1', '挥卡报03怎么办', 2],
    ]);
    expect((await store.listConversations('bob')).map((c) => c.id)).toEqual(['b1']);
    // A page at a time: the older one after the first.
    expect((await store.listConversations('alice', 1, 1)).map((c) => c.id)).toEqual(['a1']);
    expect(await store.listConversations('alice', 1, 2)).toEqual([]);
    expect(await store.conversation('bob', 'a1')).toBeNull();
    expect(await store.conversation('alice', 'nope')).toBeNull();
    const a1 = await store.conversation('alice', 'a1');
    expect(a1?.map((e) => e.question)).toEqual(['挥卡报03怎么办', '那退款呢']);
    expect(a1?.[0]?.retrieval.hits[0]?.id).toBe('FAQ2.5');
    expect(a1?.[0]?.citations).toEqual(['FAQ2.5']);
  });

  it('keeps the latest answer when a user message is answered again, and writes a batch twice without duplicates', async () => {
    const first = record({ clientId: 'carol', conversationId: 'c1', question: '退款', userMessageId: 'm1', createdAt: new Date(Date.now() - 500) });
    const again = record({ clientId: 'carol', conversationId: 'c1', question: '退款', userMessageId: 'm1', answer: '第二次的回答' });
    await store.recordExchanges([first]);
    await store.recordExchanges([first, again]);
    const c = await store.conversation('carol', 'c1');
    expect(c?.map((e) => e.answer)).toEqual(['第二次的回答']);
  });

  it('stores every field as given, whatever the text holds (quotes, backslashes, emoji, a model answer with a lone surrogate or NUL)', async () => {
    const createdAt = new Date(Date.now() - 100);
    const r = record({
      clientId: 'erin',
      conversationId: 'e1',
      question: '商户号"8234\\u0000" 😀 {"a":1}',
      answer: `[FAQ2.5] 答案\ud800尾巴\u0000。`,
      userMessageId: 'um1',
      model: 'gpt-x',
      notices: [{ code: 'upstream_failed', message: '模型服务暂时不可用' }],
      createdAt,
    });
    await store.recordExchanges([r]);
    const [e] = (await store.conversation('erin', 'e1')) ?? [];
    expect(e).toMatchObject({
      question: r.question,
      answer: '[FAQ2.5] 答案\ufffd尾巴。',
      citations: ['FAQ2.5'],
      decision: 'answer',
      mode: 'offline',
      model: 'gpt-x',
      notices: [{ code: 'upstream_failed', message: '模型服务暂时不可用' }],
      createdAt: createdAt.toISOString(),
    });
    expect(e?.retrieval).toEqual(JSON.parse(JSON.stringify(r.retrieval)));
    expect(e?.timings).toEqual(r.timings);
  });

  it('records one vote per answer, changeable, only by the client who asked', async () => {
    const r = record({ clientId: 'dave', conversationId: 'd1', question: '挥卡报03' });
    await store.recordExchanges([r]);
    expect(await store.setFeedback('dave', r.id, { vote: -1, reason: 'wrong_citation', comment: '引用的不是这条' })).toBe(true);
    expect((await store.conversation('dave', 'd1'))?.[0]?.feedback).toEqual({ vote: -1, reason: 'wrong_citation', comment: '引用的不是这条' });
    expect(await store.setFeedback('dave', r.id, { vote: 1, reason: 'other', comment: 'x' })).toBe(true);
    expect((await store.conversation('dave', 'd1'))?.[0]?.feedback).toEqual({ vote: 1, reason: null, comment: null });
    expect(await store.setFeedback('mallory', r.id, { vote: -1 })).toBe(false);
    expect(await store.setFeedback('dave', 'no-such-exchange', { vote: 1 })).toBe(false);
    expect((await store.conversation('dave', 'd1'))?.[0]?.feedback?.vote).toBe(1);
  });

  it('adds alternatives once each and tells listeners', async () => {
    let heard = 0;
    const off = store.onAlternativesChanged(() => heard++);
    expect(await store.addAlternatives('FAQ2.5', ['闪付不能用', '闪付不能用', ' '])).toBe(1);
    expect(await store.addAlternatives('FAQ2.5', ['闪付不能用', '拍卡失败'])).toBe(1);
    expect(await store.alternatives()).toEqual([
      { entryId: 'FAQ2.5', entryKey: null, question: '闪付不能用' },
      { entryId: 'FAQ2.5', entryKey: null, question: '拍卡失败' },
    ]);
    // What the entry said is kept with the questions added to it.
    expect(await store.addAlternatives('FAQ2.6', ['退款几天到'], 'aaaaaaaa:bbbbbbbb')).toBe(1);
    expect((await store.alternatives()).at(-1)).toEqual({ entryId: 'FAQ2.6', entryKey: 'aaaaaaaa:bbbbbbbb', question: '退款几天到' });
    await expect.poll(() => heard, { timeout: 5_000 }).toBeGreaterThanOrEqual(1);
    off();
  });

  it('queues refused, hedged and 👎 questions; attached ones leave, uncovered ones stay marked', async () => {
    const refused = record({ clientId: 'erin', conversationId: 'e1', question: '信用卡逾期怎么办', decision: 'refuse' });
    refused.retrieval = { ...refused.retrieval, signals: { covered: 0.004, domain: 0.0021 } };
    const hedged = record({ clientId: 'erin', conversationId: 'e1', question: '机器坏了', decision: 'hedge' });
    const disliked = record({ clientId: 'erin', conversationId: 'e1', question: '挥卡不行' });
    const fine = record({ clientId: 'erin', conversationId: 'e1', question: '挥卡报03' });
    await store.recordExchanges([refused, hedged, disliked, fine]);
    await store.setFeedback('erin', disliked.id, { vote: -1, reason: 'off_topic' });
    const ids = async () => (await store.misses()).map((m) => m.exchangeId);
    expect(await ids()).toEqual(expect.arrayContaining([refused.id, hedged.id, disliked.id]));
    expect(await ids()).not.toContain(fine.id);
    const miss = (await store.misses()).find((m) => m.exchangeId === disliked.id)!;
    expect(miss).toMatchObject({ vote: -1, reason: 'off_topic', decision: 'answer', candidates: [{ id: 'FAQ2.5' }, { id: 'FAQ2.4' }] });
    // The scope a refusal was read with, for the queue to offer no entry for a question plainly off the FAQ.
    expect(miss.scope).toEqual({ domain: null, covered: null });
    // A question asked alone has no other searched form; a follow-up has the one it was searched as.
    expect(miss.searched).toBeUndefined();
    expect((await store.misses()).find((m) => m.exchangeId === refused.id)?.scope).toEqual({ domain: 0.0021, covered: 0.004 });
    expect(await store.resolveMisses([hedged.id], 'attached', 'FAQ2.5')).toBe(1);
    expect(await store.resolveMisses([refused.id], 'uncovered')).toBe(1);
    expect(await ids()).not.toContain(hedged.id);
    expect((await store.misses()).find((m) => m.exchangeId === refused.id)?.resolution).toBe('uncovered');
    expect((await store.misses(undefined, { includeAttached: true })).map((m) => m.exchangeId)).toContain(hedged.id);
    const future = new Date(Date.now() + 86_400_000);
    expect(await store.misses({ from: future })).toEqual([]);
    // Words to find, any case, their LIKE characters taken literally.
    expect((await store.misses(undefined, { matching: '逾期' })).map((m) => m.exchangeId)).toEqual([refused.id]);
    expect(await store.misses(undefined, { matching: '%' })).toEqual([]);
    // An entry id finds the questions that have it among their first three candidates, as the page's filter does.
    expect((await store.misses(undefined, { matching: 'faq2.4' })).map((m) => m.exchangeId).sort()).toEqual([refused.id, disliked.id].sort());
    const followUp = record({ clientId: 'erin', conversationId: 'e1', question: '那退款呢', decision: 'hedge', standaloneQuestion: '挥卡报03 那退款呢' });
    followUp.retrieval = { ...followUp.retrieval, keys: { 'FAQ2.5': '1a2b3c4d:5e6f7a8b' } };
    await store.recordExchanges([followUp]);
    const searched = (await store.misses()).find((m) => m.exchangeId === followUp.id);
    expect(searched?.searched).toBe('挥卡报03 那退款呢');
    // What each candidate said when it was found, for the queue to follow it across a renumbering (check27 H1).
    expect(searched?.candidates).toEqual([{ id: 'FAQ2.5', key: '1a2b3c4d:5e6f7a8b' }, { id: 'FAQ2.4' }]);
  });

  it('puts attached questions back in the queue by their words, as the queue groups them, for that entry only', async () => {
    const asked = ['退款多久到账?', '退款 多久到账', '退款多久到账'].map((question) =>
      record({ clientId: 'finn', conversationId: 'f1', question, decision: 'refuse' }),
    );
    const other = record({ clientId: 'finn', conversationId: 'f1', question: '退款多久到账', decision: 'hedge' });
    await store.recordExchanges([...asked, other]);
    await store.resolveMisses(
      asked.map((a) => a.id),
      'attached',
      'FAQ2.6',
    );
    await store.resolveMisses([other.id], 'attached', 'FAQ7.6');
    const open = async () => (await store.misses()).map((m) => m.exchangeId);
    expect(await open()).not.toContain(asked[0]!.id);
    expect(await store.reopenMissesAsked('FAQ2.6', ['退款多久到账'])).toBe(3);
    expect(await open()).toEqual(expect.arrayContaining(asked.map((a) => a.id)));
    // Attached to another entry: not this undo's.
    expect(await open()).not.toContain(other.id);
    expect(await store.reopenMissesAsked('FAQ2.6', [])).toBe(0);
  });

  it('sums the log for insights: per day, decisions, citations and votes', async () => {
    const at = new Date(Date.now() - 10 * 86_400_000);
    const range = { from: new Date(at.getTime() - 3_600_000), to: new Date(at.getTime() + 3_600_000) };
    const base = { clientId: 'frank', conversationId: 'f1', createdAt: at };
    const up = record({ ...base, question: 'a' });
    const keyed = record({ ...base, question: 'd' });
    keyed.retrieval = { ...keyed.retrieval, keys: { 'FAQ2.5': '1a2b3c4d:5e6f7a8b' } };
    await store.recordExchanges([up, record({ ...base, question: 'b', decision: 'refuse' }), record({ ...base, question: 'c', decision: 'hedge' }), keyed]);
    await store.setFeedback('frank', up.id, { vote: 1 });
    const all = await store.insights();
    const day = await store.insights(range);
    expect(day.decisions).toEqual({ answer: 2, hedge: 1, refuse: 1 });
    expect(day.total).toBe(4);
    // Counted by id and what the entry said then (entryKey; none before round 26), for insights to follow a renumbering.
    expect(day.citations).toEqual([
      { id: 'FAQ2.5', key: null, count: 2 },
      { id: 'FAQ2.5', key: '1a2b3c4d:5e6f7a8b', count: 1 },
    ]);
    expect(day.feedback).toEqual({ up: 1, down: 0, reasons: {} });
    expect(day.perDay).toHaveLength(1);
    expect(day.perDay[0]).toMatchObject({ answer: 2, hedge: 1, refuse: 1 });
    expect(day.perDay[0]?.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(all.total).toBeGreaterThan(day.total);
    expect(all.feedback).toEqual({ up: 2, down: 1, reasons: { off_topic: 1 } });
    expect((await store.insights({ from: range.to, to: range.from })).total).toBe(0);
  });

  it('deletes exchanges past the retention period and conversations left empty', async () => {
    const old = new Date(Date.now() - 40 * 86_400_000);
    await store.recordExchanges([record({ clientId: 'gina', conversationId: 'g1', question: '旧问题', createdAt: old })]);
    await store.recordExchanges([record({ clientId: 'gina', conversationId: 'g2', question: '新问题' })]);
    expect(await store.purgeOlderThan(30)).toBe(1);
    expect((await store.listConversations('gina')).map((c) => c.id)).toEqual(['g2']);
  });
});

describe.skipIf(!TEST_DATABASE_URL)('two instances on one PostgreSQL', () => {
  it('hear each other’s alternative changes through LISTEN/NOTIFY', async () => {
    const db = (await createTestPostgres())!;
    const [a, b] = [createStore(db.config), createStore(db.config)];
    try {
      await Promise.all([a.ready(), b.ready()]);
      let heard = 0;
      b.onAlternativesChanged(() => heard++);
      const before = heard;
      await a.addAlternatives('FAQ1.1', ['开户需要什么材料']);
      await expect.poll(() => heard, { timeout: 5_000, interval: 50 }).toBeGreaterThan(before);
      expect(await b.alternatives()).toEqual([{ entryId: 'FAQ1.1', entryKey: null, question: '开户需要什么材料' }]);
    } finally {
      await a.close();
      await b.close();
      await db.drop();
    }
  });
});

describe('a store whose database cannot be reached', () => {
  it('fails each call with an error, says so in its status, and retries later', async () => {
    const store = createStore({ kind: 'postgres', url: 'postgres://nobody:x@127.0.0.1:1/none' });
    await expect(store.listConversations('x')).rejects.toThrow();
    expect(store.status()).toMatchObject({ kind: 'postgres', state: 'error' });
    await store.close();
  });
});

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { rng } from '../random';
import { createStore } from '../store/store';
import type { ExchangeRecord, StoredDecision } from '../store/types';
import { startNextServer } from '../testing/next-server';
import { createTestPglite } from '../testing/test-store';
import { latencyStats } from './stats';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * `n` logged exchanges over 30 days, from the eval datasets' questions with colloquial variations:
 * 70 % answered, 15 % hedged, 15 % refused (off-topic questions), 3 % of the answers voted 👎.
 */
export function syntheticLog(n: number, seed = 7): { records: ExchangeRecord[]; downVotes: string[] } {
  const rnd = rng(seed);
  const rows = ['dev', 'holdout'].flatMap((d) =>
    readFileSync(path.join(root, 'evals/datasets', `${d}.jsonl`), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { question: string; expected: string[] }),
  );
  const inScope = rows.filter((r) => r.expected.length > 0);
  const offTopic = rows.filter((r) => r.expected.length === 0);
  const ids = [...new Set(inScope.flatMap((r) => r.expected))];
  const tails = ['', '', '怎么办', '咋回事', '请问', '急', '?', '谢谢'];
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const records: ExchangeRecord[] = [];
  const downVotes: string[] = [];
  const now = Date.now();
  for (let i = 0; i < n; i++) {
    const roll = rnd();
    const decision: StoredDecision = roll < 0.7 ? 'answer' : roll < 0.85 ? 'hedge' : 'refuse';
    const base = decision === 'refuse' ? pick(offTopic) : pick(inScope);
    const question = `${base.question}${pick(tails)}`;
    const top = base.expected[0] ?? pick(ids);
    const hits = [top, pick(ids), pick(ids)].map((id, k) => ({
      id,
      rank: k + 1,
      score: 0.8 - k * 0.2,
      scores: { vector: 0.6, keyword: 0.5, fused: 0.8 - k * 0.2 },
      coverage: 0.5,
    }));
    const id = randomUUID();
    records.push({
      id,
      clientId: `bench-client-${i % 500}`,
      conversationId: `bench-${Math.floor(i / 3)}`,
      userMessageId: `m${i}`,
      question,
      standaloneQuestion: question,
      answer: decision === 'refuse' ? '抱歉,FAQ 中没有找到与该问题相关的内容。' : `请按 FAQ 处理。[${top}]`,
      citations: decision === 'refuse' ? [] : [top],
      decision,
      retrieval: {
        query: question,
        hits,
        confidence: decision === 'answer' ? 0.8 : 0.3,
        thresholds: { answer: 0.5, hedge: 0.36 },
        answerIds: [top],
        suggestionIds: [],
        signals: {},
      },
      notices: [],
      suggestions: [],
      mode: 'offline',
      timings: { retrievalMs: 1, totalMs: 1.2 },
      createdAt: new Date(now - rnd() * 30 * 86_400_000),
    });
    if (decision === 'answer' && rnd() < 0.03) downVotes.push(id);
  }
  return { records, downVotes };
}

export interface AdminRenderResult {
  logged: number;
  misses: number;
  seedMs: number;
  pages: { path: string; p50: number; p95: number; max: number; bytes: number }[];
}

/** Renders /admin/misses and /admin/insights (signed in) `runs` times over `n` logged questions in the embedded store. */
export async function adminRenderBench(n = 10_000, runs = 10): Promise<AdminRenderResult> {
  const db = await createTestPglite();
  const started = performance.now();
  const store = createStore(db.config);
  const { records, downVotes } = syntheticLog(n);
  for (let i = 0; i < records.length; i += 1_000) await store.recordExchanges(records.slice(i, i + 1_000));
  for (const id of downVotes) await store.setFeedback(records.find((r) => r.id === id)!.clientId, id, { vote: -1, reason: 'incomplete' });
  const misses = (await store.misses()).length;
  await store.close();
  const seedMs = performance.now() - started;
  const password = 'bench-admin';
  const server = await startNextServer({ ...db.env, ADMIN_PASSWORD: password, RATE_LIMIT_PER_MINUTE: '0', ANSWER_MODE: 'offline' });
  try {
    const login = await fetch(`${server.url}/api/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const pages: AdminRenderResult['pages'] = [];
    for (const p of ['/admin/misses', '/admin/insights']) {
      const ms: number[] = [];
      let bytes = 0;
      for (let i = 0; i < runs + 1; i++) {
        const t = performance.now();
        const res = await fetch(`${server.url}${p}`, { headers: { cookie } });
        const html = await res.text();
        if (res.status !== 200 || html.includes('管理后台登录')) throw new Error(`${p} did not render for the admin (${res.status})`);
        if (i > 0) ms.push(performance.now() - t);
        bytes = html.length;
      }
      const s = latencyStats(ms);
      pages.push({ path: p, p50: Math.round(s.p50), p95: Math.round(s.p95), max: Math.round(Math.max(...ms)), bytes });
    }
    return { logged: n, misses, seedMs: Math.round(seedMs), pages };
  } finally {
    await server.stop();
  }
}

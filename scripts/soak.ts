/**
 * `npm run soak [-- --minutes 3 --connections 20]`: keeps /api/chat (offline) under load
 * and reports errors and the server's memory growth: RSS after a one-minute warm-up (V8 grows
 * its heap to a steady size first) against RSS at the end, with a sample every 30 s in between.
 * Target: 0 errors, RSS growth under 10 %.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { ensureBuilt, startNextServer } from '../lib/testing/next-server';
import { runCli } from './cli';

const { values } = parseArgs({
  options: { minutes: { type: 'string', default: '3' }, connections: { type: 'string', default: '20' }, json: { type: 'boolean' } },
});

const QUESTIONS = [
  '挥卡报03无效商户怎么办',
  '退款多久到账',
  '好老板APP忘记登录账号',
  '报96',
  '今天天气怎么样',
  '微信实名认证要什么材料',
  '对账单导出失败',
  'TRADE_CLOSED',
  '那退款呢?',
  '收银宝出口IP',
];
const body = (q: string) => JSON.stringify({ id: 'soak', messages: [{ id: 'm', role: 'user', parts: [{ type: 'text', text: q }] }] });

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

async function run(url: string, seconds: number, connections: number) {
  return autocannon({
    url: `${url}/api/chat`,
    connections,
    duration: seconds,
    requests: QUESTIONS.map((q) => ({ method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: body(q) })),
  });
}

await runCli(async () => {
  ensureBuilt();
  const server = await startNextServer({ RATE_LIMIT_PER_MINUTE: '0' });
  try {
    const pid = server.child.pid!;
    const connections = Number(values.connections);
    await run(server.url, 60, connections);
    const before = rssMb(pid);
    const samples = [before];
    const slices = Math.max(1, Math.round(Number(values.minutes) * 2));
    const totals = { requests: 0, errors: 0, non2xx: 0, p50: [] as number[], p99: [] as number[], seconds: 0 };
    for (let i = 0; i < slices; i++) {
      const r = await run(server.url, 30, connections);
      totals.requests += r.requests.total;
      totals.errors += r.errors + r.timeouts;
      totals.non2xx += r.non2xx;
      totals.p50.push(r.latency.p50);
      totals.p99.push(r.latency.p99);
      totals.seconds += 30;
      samples.push(rssMb(pid));
    }
    const after = samples.at(-1)!;
    const result = {
      minutes: Number(values.minutes),
      connections,
      requests: totals.requests,
      requestsPerSecond: Math.round(totals.requests / totals.seconds),
      p50: Math.max(...totals.p50),
      p99: Math.max(...totals.p99),
      errors: totals.errors,
      non2xx: totals.non2xx,
      rssBeforeMb: before,
      rssAfterMb: after,
      rssSamplesMb: samples,
      rssGrowthPct: Math.round(((after - before) / before) * 1000) / 10,
    };
    console.log(
      `浸泡测试 ${result.minutes} 分钟,${connections} 连接:${result.requests} 个请求,${result.requestsPerSecond} req/s,p50 ${result.p50} ms,p99 ${result.p99} ms`,
    );
    console.log(
      `错误 ${result.errors},非 2xx ${result.non2xx};服务端 RSS ${before} MB → ${after} MB(${result.rssGrowthPct}%),每 30 秒:${samples.join(' → ')} MB`,
    );
    if (values.json) console.log(JSON.stringify(result));
    if (result.errors > 0 || result.non2xx > 0 || result.rssGrowthPct >= 10) process.exitCode = 1;
  } finally {
    await server.stop();
  }
});

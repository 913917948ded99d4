/**
 * `npm run soak [-- --minutes 3 --connections 20]`: keeps /api/chat (offline) under load
 * and reports errors and the server's memory growth (RSS after warm-up vs at the end).
 * Target: 0 errors, RSS growth under 10 %.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { ensureBuilt, startNextServer } from '../lib/testing/next-server';
import { runCli } from './cli';

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '3' }, connections: { type: 'string', default: '20' }, json: { type: 'boolean' } } });

const QUESTIONS = ['挥卡报03无效商户怎么办', '退款多久到账', '好老板APP忘记登录账号', '报96', '今天天气怎么样', '微信实名认证要什么材料', '对账单导出失败', 'TRADE_CLOSED', '那退款呢?', '收银宝出口IP'];
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
    await run(server.url, 15, connections);
    const before = rssMb(pid);
    const r = await run(server.url, Math.round(Number(values.minutes) * 60), connections);
    const after = rssMb(pid);
    const result = {
      minutes: Number(values.minutes),
      connections,
      requests: r.requests.total,
      requestsPerSecond: Math.round(r.requests.average),
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors + r.timeouts,
      non2xx: r.non2xx,
      rssBeforeMb: before,
      rssAfterMb: after,
      rssGrowthPct: Math.round(((after - before) / before) * 1000) / 10,
    };
    console.log(`浸泡测试 ${result.minutes} 分钟,${connections} 连接:${result.requests} 个请求,${result.requestsPerSecond} req/s,p50 ${result.p50} ms,p99 ${result.p99} ms`);
    console.log(`错误 ${result.errors},非 2xx ${result.non2xx};服务端 RSS ${before} MB → ${after} MB(${result.rssGrowthPct}%)`);
    if (values.json) console.log(JSON.stringify(result));
    if (result.errors > 0 || result.non2xx > 0 || result.rssGrowthPct >= 10) process.exitCode = 1;
  } finally {
    await server.stop();
  }
});

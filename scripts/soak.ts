/**
 * `npm run soak`: keeps /api/chat (offline) under load and reports errors and the server's
 * memory growth: RSS after a one-minute warm-up (V8 grows its heap to a steady size first)
 * against RSS at the end, with a sample every 30 s in between. Target: 0 errors, RSS growth under 10 %.
 */
import { readFileSync } from 'node:fs';
import { integer, positiveNumber } from '../lib/cli/options';
import { createProgram, runProgram } from '../lib/cli/program';

const program = createProgram({
  name: 'npm run soak --',
  description:
    'Keep /api/chat (offline answers) of the built app under load for a while and report errors and the server memory growth ' +
    '(RSS after a one-minute warm-up against RSS at the end). Fails (exit 1) on any error or non-2xx reply, or RSS growth of 10 % or more.',
  examples: [
    'npm run soak                                  # 3 minutes (plus 1 minute warm-up), 20 connections',
    'npm run soak -- --minutes 10 --connections 50',
    'npm run soak -- --minutes 1 --json > soak.json',
  ],
  notes: `--json prints one JSON object on stdout; the summary lines go to stderr.
Exit codes: 0 passed, 1 failed (errors, non-2xx replies or RSS growth ≥ 10 %), 2 bad usage.`,
})
  .option('--minutes <n>', 'how long to measure after the one-minute warm-up (sampled every 30 s)', positiveNumber, 3)
  .option('--connections <n>', 'concurrent connections', integer(1, 10_000), 20)
  .option('--json', 'print the result as one JSON object on stdout (summary lines go to stderr)');

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
  const { default: autocannon } = await import('autocannon');
  return autocannon({
    url: `${url}/api/chat`,
    connections,
    duration: seconds,
    requests: QUESTIONS.map((q) => ({ method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: body(q) })),
  });
}

program.action(async (opts) => {
  const { ensureBuilt, startNextServer } = await import('../lib/testing/next-server');
  // Summary lines go to stderr under --json, so stdout holds the JSON alone.
  const say = (line: string) => (opts.json ? process.stderr : process.stdout).write(`${line}\n`);
  ensureBuilt();
  const server = await startNextServer({ RATE_LIMIT_PER_MINUTE: '0' });
  try {
    const pid = server.child.pid!;
    const connections = opts.connections;
    await run(server.url, 60, connections);
    const before = rssMb(pid);
    const samples = [before];
    const slices = Math.max(1, Math.round(opts.minutes * 2));
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
      minutes: opts.minutes,
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
    say(
      `浸泡测试 ${result.minutes} 分钟,${connections} 连接:${result.requests} 个请求,${result.requestsPerSecond} req/s,p50 ${result.p50} ms,p99 ${result.p99} ms`,
    );
    say(`错误 ${result.errors},非 2xx ${result.non2xx};服务端 RSS ${before} MB → ${after} MB(${result.rssGrowthPct}%),每 30 秒:${samples.join(' → ')} MB`);
    if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    if (result.errors > 0 || result.non2xx > 0 || result.rssGrowthPct >= 10) process.exitCode = 1;
  } finally {
    await server.stop();
  }
});

await runProgram(program);

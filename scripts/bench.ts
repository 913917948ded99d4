/**
 * `npm run bench`: synthetic 1k/10k/100k corpora (ingest, latency, HNSW recall), the chat
 * route under load against /api/health, and LLM-mode first-token overhead.
 *   --quick  about a minute: 1k and 10k, no parameter sweep, short load
 *   --store  only the store's figures: chat load with the conversation log on, admin pages over 10,000 logged questions
 *   --json   the last stdout line is one JSON object; JSON is always written to bench-results/
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AdminRenderResult } from '../lib/bench/admin-bench';
import type { IndexBenchResult } from '../lib/bench/index-bench';
import type { LoadResult } from '../lib/bench/load';
import { createProgram, runProgram } from '../lib/cli/program';
import { createProgress } from '../lib/cli/progress';

const root = path.resolve(import.meta.dirname, '..');

const program = createProgram({
  name: 'npm run bench --',
  description:
    'Benchmark the index on synthetic corpora of 1k, 10k and 100k entries (ingest time, latency, HNSW recall, memory), ' +
    'the built app under load (/api/health against /api/chat) and the LLM-mode overhead before the first token. ' +
    'Needs the app built (it runs next build when stale). Results are always written to bench-results/<time>.json.',
  examples: [
    'npm run bench -- --quick          # about a minute: 1k and 10k, no parameter sweep, short load',
    'npm run bench                     # the full run (100k entries and an HNSW sweep: several minutes)',
    'npm run bench -- --quick --json | jq .scale',
  ],
  notes: `--json prints one JSON object on stdout; the tables and progress go to stderr.
Exit codes: 0 done, 1 failed, 2 bad usage.`,
})
  .option('--quick', 'about a minute: 1k and 10k entries, no parameter sweep, a short load test')
  .option('--store', "only the store's figures: chat load with the conversation log off and on, admin pages over 10,000 logged questions")
  .option('--json', 'print the results as one JSON object on stdout (tables go to stderr)');

function worker(args: string[], label: string): Promise<IndexBenchResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/bench-worker.ts'), ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const bar = createProgress(label, '分块');
    let err = '';
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d: Buffer) => {
      const text = d.toString();
      const m = /PROGRESS (\d+)\/(\d+)/.exec(text.split('\r').at(-1) ?? '');
      if (m) bar.update(Number(m[1]), Number(m[2]));
      else err += text;
    });
    child.on('exit', (code) => {
      bar.stop();
      if (code !== 0) return reject(new Error(`${label} failed with exit code ${code}: ${err.trim().split('\n').at(-1) ?? ''}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!));
    });
  });
}

const fmt = (n: number) => (n >= 1e6 ? `${(n / 2 ** 20).toFixed(0)} MB` : `${(n / 1024).toFixed(0)} KB`);

/** The load rows, then each route's throughput against /api/health (and /v1 against /api/chat). */
function printLoad(load: LoadResult[], say: (line: string) => void) {
  for (const l of load)
    say(
      `  ${l.path.padEnd(30)} ${String(l.connections).padStart(3)} 连接  ${String(l.requestsPerSecond).padStart(6)} req/s  p50 ${l.p50} ms  p99 ${l.p99} ms  错误 ${l.errors}  非2xx ${l.non2xx}` +
        (l.log ? `  对话记录 已写 ${l.log.written} 失败 ${l.log.failed} 丢弃 ${l.log.dropped}` : ''),
    );
  for (const c of [...new Set(load.map((l) => l.connections))]) {
    const h = load.find((l) => l.path === '/api/health' && l.connections === c)!;
    const ch = load.find((l) => l.path === '/api/chat' && l.connections === c)!;
    say(`  ${c} 连接:/api/chat 吞吐为 /api/health 的 ${((ch.requestsPerSecond / h.requestsPerSecond) * 100).toFixed(0)}%`);
    for (const v1 of load.filter((l) => l.path.startsWith('/v1/') && l.connections === c)) {
      say(`  ${c} 连接:${v1.path} 吞吐为 /api/chat 的 ${((v1.requestsPerSecond / ch.requestsPerSecond) * 100).toFixed(0)}%`);
    }
  }
}

function printAdmin(a: AdminRenderResult, say: (line: string) => void) {
  for (const p of a.pages)
    say(`  ${p.path.padEnd(16)} ${a.logged} 条记录(漏答 ${a.misses})  p50 ${p.p50} ms  p95 ${p.p95} ms  最慢 ${p.max} ms  ${(p.bytes / 1024).toFixed(0)} KB`);
}

program.action(async (opts) => {
  const quick = !!opts.quick;
  // Tables go to stderr under --json, so stdout holds the JSON alone.
  const say = (line: string) => (opts.json ? process.stderr : process.stdout).write(`${line}\n`);
  const { ensureBuilt } = await import('../lib/testing/next-server');
  const { firstTokenOverhead, loadTest } = await import('../lib/bench/load');
  const { adminRenderBench } = await import('../lib/bench/admin-bench');
  if (opts.store) {
    ensureBuilt();
    const off = await loadTest(quick ? 5 : 10, [10, 50], { LOG_CONVERSATIONS: 'false' });
    const load = await loadTest(quick ? 5 : 10, [10, 50]);
    const admin = await adminRenderBench(10_000, 10);
    say('负载(next start,离线模式,不记录对话:LOG_CONVERSATIONS=false)');
    printLoad(off, say);
    say('\n负载(同上,对话记录写入嵌入式数据库)');
    printLoad(load, say);
    say('\n管理页面(已登录,嵌入式数据库)');
    printAdmin(admin, say);
    const at = new Date().toISOString();
    await mkdir(path.join(root, 'bench-results'), { recursive: true });
    await writeFile(path.join(root, 'bench-results', `store-${at.replace(/[:.]/g, '-')}.json`), JSON.stringify({ at, off, load, admin }, null, 2));
    if (opts.json) process.stdout.write(`${JSON.stringify({ off, load, admin })}\n`);
    return;
  }
  const sizes = quick ? [1000, 10_000] : [1000, 10_000, 100_000];
  const queries = quick ? '150' : '300';
  const efs = quick ? '32,64,128' : '16,32,64,128,256';
  const scale: IndexBenchResult[] = [];
  for (const size of sizes) scale.push(await worker(['--size', String(size), '--queries', queries, '--efs', efs], `${size} 条`));

  const sweep: IndexBenchResult[] = [];
  if (!quick) {
    for (const [size, m, efc] of [
      [10_000, 8, 100],
      [10_000, 16, 200],
      [10_000, 32, 200],
      [100_000, 16, 200],
    ]) {
      sweep.push(
        await worker(['--size', String(size), '--queries', '200', '--efs', '64,128,256', '--m', String(m), '--efc', String(efc)], `${size} M=${m} efC=${efc}`),
      );
    }
  }

  ensureBuilt();
  const load = await loadTest(quick ? 5 : 10, [10, 50]);
  const firstToken = await firstTokenOverhead(quick ? 10 : 30, 200);
  const admin = await adminRenderBench(10_000, quick ? 5 : 10);

  const result = {
    machine: { cpus: os.cpus().length, node: process.version },
    quick,
    scale,
    sweep,
    load,
    firstToken,
    admin,
    at: new Date().toISOString(),
  };
  await mkdir(path.join(root, 'bench-results'), { recursive: true });
  const file = path.join(root, 'bench-results', `${result.at.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, JSON.stringify(result, null, 2));

  say('规模      分块     入库耗时   条/秒   磁盘      峰值内存  HNSW p50/p99  稀疏精确p50/p99  关键词p50/p99  混合p50/p95/p99      暴力p50   recall@10 (ef)');
  for (const r of [...scale, ...sweep]) {
    const rec = r.recallByEf.map((x) => `${x.recallAt10}@${x.ef}`).join(' ');
    const idRec = r.recallByEf.map((x) => x.idRecallAt10).join('/');
    say(
      `${String(r.size).padEnd(8)}  ${String(r.chunks).padEnd(7)}  ${(r.ingestMs / 1000).toFixed(1).padStart(6)} s  ${String(r.entriesPerSecond).padStart(5)}  ${fmt(r.diskBytes).padStart(7)}  ${String(r.peakRssMb).padStart(5)} MB  ` +
        `${r.latency.vector.p50}/${r.latency.vector.p99} ms  ${r.latency.sparse.p50}/${r.latency.sparse.p99} ms  ${r.latency.keyword.p50}/${r.latency.keyword.p99} ms  ${r.latency.hybrid.p50}/${r.latency.hybrid.p95}/${r.latency.hybrid.p99} ms  ${r.latency.bruteForce.p50} ms  ${rec} (按编号 ${idRec})  M=${r.hnsw.m} efC=${r.hnsw.efConstruction}  合成问题 hit@1 ${r.hitAt1}`,
    );
  }
  say('\n负载(next start,离线模式,对话记录开启)');
  printLoad(load, say);
  say('\n管理页面(已登录,10,000 条记录)');
  printAdmin(admin, say);
  say(`\nLLM 模式首个 token 前管线增加:p50 ${firstToken.addedP50} ms(模型延迟 ${firstToken.modelDelayMs} ms,${firstToken.samples} 次)`);
  say(`\n结果已写入 ${path.relative(root, file)}`);
  if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
});

await runProgram(program);

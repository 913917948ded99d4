/**
 * Editing the knowledge base under a running production server (server.ts over the build):
 * a malformed edit keeps the last good version answering and /api/health says what is wrong;
 * a valid edit under load is one rebuild, with no 5xx and no orphaned index versions; an edit to
 * the synonyms file is picked up. The files are copies in a temp dir (CORPUS_FILE etc.).
 */
import { existsSync, readFileSync } from 'node:fs';
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatBody, readUIStream } from '@/app/api/chat/read-ui-stream';
import { type CorpusCopy, copyCorpus } from '@/lib/testing/corpus-copy';
import { ensureBuilt, type RunningServer, startNextServer } from '@/lib/testing/next-server';

let dir: string;
let files: CorpusCopy;
let server: RunningServer;

interface Health {
  status: string;
  entries: number;
  knowledge: {
    state: string;
    rebuilds: number;
    since?: string;
    error?: { file: string; message: string; issues: { line: number }[] };
    searchThread?: { state: string; onThread: number; here: number };
  };
}

const health = async (): Promise<Health> => (await fetch(`${server.url}/api/health`)).json() as Promise<Health>;
const post = (p: string, body: string) => fetch(`${server.url}${p}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls /api/health until `check` holds; returns it and how long that took. */
async function healthUntil(check: (h: Health) => boolean, ms = 10_000): Promise<{ h: Health; ms: number }> {
  const started = Date.now();
  for (;;) {
    const h = await health();
    if (check(h)) return { h, ms: Date.now() - started };
    if (Date.now() - started > ms) throw new Error(`health did not change in ${ms} ms: ${JSON.stringify(h)}`);
    await sleep(200);
  }
}

/** Every page and API a user touches answers from the knowledge base being served. */
async function everythingAnswers() {
  for (const p of ['/', '/faq', '/faq/FAQ2.5', '/retrieval']) expect((await fetch(`${server.url}${p}`)).status, p).toBe(200);
  const chat = await readUIStream(await post('/api/chat', chatBody('POS插卡正常,挥卡报03无效商户怎么办')));
  expect(chat.answer!.citations).toEqual(['FAQ2.5']);
  const hits = (await (await post('/api/retrieve', JSON.stringify({ question: '挥卡报03' }))).json()) as { hits: { id: string }[] };
  expect(hits.hits[0]!.id).toBe('FAQ2.5');
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : 0;
}

/** The admin password of this test's server. */
const ADMIN = 'reload-admin-password';

beforeAll(async () => {
  ensureBuilt();
  dir = await mkdtemp(path.join(os.tmpdir(), 'faq-reload-e2e-'));
  files = await copyCorpus(dir);
  server = await startNextServer({
    ...files.env,
    RATE_LIMIT_PER_MINUTE: '0',
    ANSWER_MODE: 'offline',
    MAX_CONCURRENT_PER_CLIENT: '0',
    ADMIN_PASSWORD: ADMIN,
    ASSISTANT_NAME: '测试 FAQ 助手',
  });
}, 300_000);
afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('a malformed edit under a running server', () => {
  it('keeps every request answered from the last good version, says degraded with the line, and recovers within 10 s of the fix', async () => {
    const faq = await readFile(files.faq, 'utf8');
    const related = await readFile(files.related, 'utf8');
    await everythingAnswers();
    const before = await health();
    expect(before.status).toBe('ok');

    // Delete the first 解决方法: line (FAQ1.1, whose id is on line 2).
    await writeFile(files.faq, faq.replace(/\n解决方法:\n/, '\n'));
    const broken = (await healthUntil((h) => h.status === 'degraded')).h;
    expect(broken.knowledge.error).toMatchObject({ file: 'faq.txt', issues: [{ line: 2 }] });
    expect(broken.knowledge.error!.message).toContain('第 2 行');
    expect(Date.parse(broken.knowledge.since!)).toBeGreaterThan(Date.parse(new Date().toISOString()) - 60_000);
    expect(broken.entries).toBe(before.entries);
    await everythingAnswers();

    // Fix the FAQ, truncate the related-questions file.
    await writeFile(files.faq, faq);
    await writeFile(files.related, related.slice(0, Math.floor(related.length / 2)));
    await healthUntil((h) => h.knowledge.error?.file === 'related.json');
    await everythingAnswers();

    await writeFile(files.related, related);
    const { h, ms } = await healthUntil((x) => x.status === 'ok');
    console.info(`[reload e2e] ok again ${ms} ms after the fix`);
    expect(ms).toBeLessThan(10_000);
    expect(h.knowledge.rebuilds).toBe(before.knowledge.rebuilds);
    expect(h.knowledge.error).toBeUndefined();
  }, 60_000);

  it.skipIf(!existsSync('/usr/bin/chromium'))(
    'shows the degraded state on the 命中测试 page and on the admin pages',
    async () => {
      const faq = await readFile(files.faq, 'utf8');
      await writeFile(files.faq, faq.replace(/\n解决方法:\n/, '\n'));
      await healthUntil((h) => h.status === 'degraded');
      const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
      try {
        const page = await browser.newPage();
        const violations: string[] = [];
        page.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
        await page.goto(`${server.url}/retrieval`);
        const banner = page.getByTestId('knowledge-banner');
        await banner.waitFor({ timeout: 10_000 });
        // Rendered by the page's script after it asked /api/health: scripts run under the nonce CSP.
        expect(await banner.textContent()).toMatch(/上一个可用版本[\s\S]*第 2 行/);
        // Where an admin works too: attaching a question now takes effect once the file is fixed.
        const login = await fetch(`${server.url}/api/admin/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ password: ADMIN }),
        });
        const [name, value] = login.headers.get('set-cookie')!.split(';')[0]!.split('=') as [string, string];
        await page.context().addCookies([{ name, value, url: server.url }]);
        await page.goto(`${server.url}/admin/misses`);
        const adminBanner = page.getByTestId('knowledge-banner');
        await adminBanner.waitFor({ timeout: 10_000 });
        expect(await adminBanner.textContent()).toMatch(/上一个可用版本[\s\S]*文件修正后才生效[\s\S]*第 2 行/);
        expect(violations).toEqual([]);
      } finally {
        await browser.close();
        await writeFile(files.faq, faq);
      }
      await healthUntil((h) => h.status === 'ok');
    },
    60_000,
  );
});

describe('a valid edit under load', () => {
  it('is exactly one rebuild, off the request path: no 5xx, no errors, no orphaned index versions', async () => {
    const before = await health();
    const pid = server.child.pid!;
    const rss: number[] = [rssMb(pid)];
    const sampler = setInterval(() => rss.push(rssMb(pid)), 200);
    const load = autocannon({
      url: `${server.url}/api/chat`,
      connections: 20,
      duration: 15,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chatBody('POS插卡正常,挥卡报03无效商户怎么办'),
    });
    let seen: Awaited<ReturnType<typeof healthUntil>>;
    let result: autocannon.Result;
    try {
      await sleep(3_000);
      await appendFile(files.faq, '\nFAQ9.16\n问题描述:\n收款音箱不播报怎么办?\n解决方法:\n重启收款音箱后重试。\n');
      seen = await healthUntil((x) => x.entries === before.entries + 1, 20_000);
      result = await load;
    } finally {
      clearInterval(sampler);
    }
    const { h, ms } = seen;

    const codes = Object.keys(result.statusCodeStats ?? {}).map(Number);
    const figures = {
      requests: result.requests.total,
      rps: Math.round(result.requests.average),
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      rssStartMb: rss[0],
      rssPeakMb: Math.max(...rss),
      rssEndMb: rss.at(-1),
      rebuildSeenAfterMs: ms,
    };
    console.info('[reload e2e] rebuild under 20 connections:', JSON.stringify(figures));
    expect(codes.filter((c) => c >= 500)).toEqual([]);
    expect(result.non2xx).toBe(0);
    expect(result.errors + result.timeouts).toBe(0);
    await sleep(2_000);
    // The index link, its current version and the previous one; nothing else.
    expect((await readdir(dir)).filter((n) => n.startsWith('index'))).toHaveLength(3);
    expect(h.knowledge.rebuilds).toBe(before.knowledge.rebuilds + 1);
    expect((await health()).knowledge.rebuilds).toBe(before.knowledge.rebuilds + 1);
    const retrieveNew = async () => (await (await post('/api/retrieve', JSON.stringify({ question: '收款音箱不播报' }))).json()) as { hits: { id: string }[] };
    expect((await retrieveNew()).hits[0]!.id).toBe('FAQ9.16');
    // The search thread opens the new index as well and then retrieves from it (until then the main thread does, with the same result).
    const started = Date.now();
    for (;;) {
      const { onThread } = (await health()).knowledge.searchThread!;
      const entry = await retrieveNew();
      expect(entry.hits[0]!.id).toBe('FAQ9.16');
      if ((await health()).knowledge.searchThread!.onThread > onThread) break;
      if (Date.now() - started > 10_000) throw new Error(`the search thread did not take the new index: ${JSON.stringify(await health())}`);
      await sleep(200);
    }
  }, 60_000);
});

describe('an edit to the synonyms file', () => {
  it('calls itself by ASSISTANT_NAME in the header and every page title', async () => {
    const page = async (p: string) => (await fetch(`${server.url}${p}`)).text();
    const home = await page('/');
    expect(home).toContain('<title>测试 FAQ 助手</title>');
    expect(home).toMatch(/class="brand"[^>]*>测试 FAQ 助手</);
    expect(home).not.toContain('商户 FAQ 助手');
    expect(await page('/retrieval')).toContain('<title>命中测试 · 测试 FAQ 助手</title>');
    expect(await page('/faq')).toContain('<title>FAQ 浏览 · 测试 FAQ 助手</title>');
  });

  it('is picked up by the running server', async () => {
    const confidence = async () =>
      ((await (await post('/api/retrieve', JSON.stringify({ question: '嘟嘟宝出口IP' }))).json()) as { confidence: number }).confidence;
    const c0 = await confidence();
    // 嘟嘟宝 is made up: only the new synonym line makes it 收银宝.
    await appendFile(files.synonyms, '\n收银宝 嘟嘟宝\n');
    const started = Date.now();
    // At least half the way from the unknown word's confidence to certainty.
    while ((await confidence()) < c0 + (1 - c0) / 2) {
      if (Date.now() - started > 20_000) throw new Error(`the synonyms edit was not picked up (confidence still ${await confidence()})`);
      await sleep(300);
    }
  }, 40_000);
});

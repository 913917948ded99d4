/**
 * What the built app exposes: no secret in the browser bundle, security headers on pages,
 * stable entry URLs. The chat itself is driven in Chromium by e2e/chat.e2e.test.ts.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAnswerPromptV2, buildCondensePromptV1 } from '@/lib/llm/prompts';
import { CANARY_KEY, ensureBuilt, type RunningServer, startNextServer } from '@/lib/testing/next-server';

const root = path.resolve(import.meta.dirname, '..');
let server: RunningServer;

beforeAll(async () => {
  ensureBuilt();
  server = await startNextServer({ INDEX_DIR: path.join(mkdtempSync(path.join(os.tmpdir(), 'faq-app-e2e-')), 'index'), RATE_LIMIT_PER_MINUTE: '0' });
}, 300_000);
afterAll(() => server?.stop());

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('secrets stay on the server', () => {
  it('puts neither the key (present at build time) nor any prompt line into .next/static', () => {
    const prompts = [buildAnswerPromptV2({ question: 'x', hits: [] }).system, buildCondensePromptV1({ question: 'x', history: [] }).system];
    const needles = [
      CANARY_KEY,
      ...prompts.flatMap((p) =>
        p
          .split('\n')
          .map((l) => l.slice(0, 24))
          .filter((l) => l.length >= 12),
      ),
    ];
    expect(readFileSync(path.join(root, '.next/canary-build'), 'utf8')).toBe(CANARY_KEY);
    const files = filesUnder(path.join(root, '.next/static'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const n of needles) expect(text.includes(n), `${n} found in ${f}`).toBe(false);
    }
  });
});

describe('pages', () => {
  it.each(['/', '/faq', '/faq/FAQ2.5', '/retrieval'])('%s has the security headers', async (p) => {
    const res = await fetch(`${server.url}${p}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('serves a stable URL per entry and sends merged duplicates to the canonical one', async () => {
    const res = await fetch(`${server.url}/faq/FAQ2.8`);
    expect(res.url).toMatch(/\/faq\/FAQ2\.4$/);
    expect(await res.text()).toContain('FAQ2.4 / FAQ2.8');
    expect((await fetch(`${server.url}/faq/FAQ99.1`)).status).toBe(404);
  });
});

describe('icon', () => {
  it('answers /favicon.ico and links an icon from every page', async () => {
    const res = await fetch(`${server.url}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\//);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
    for (const p of ['/', '/faq']) expect(await (await fetch(`${server.url}${p}`)).text()).toMatch(/<link rel="icon"[^>]*href="\/(favicon\.ico|icon\.svg)/);
  });
});

describe('the FAQ page heading', () => {
  it('counts what it lists: 110 entries, 112 ids, 2 merged', async () => {
    const html = await (await fetch(`${server.url}/faq`)).text();
    expect(html).toContain('110 个条目,112 个编号,2 组内容相同已合并');
    expect(html.match(/<li id="FAQ\d+\.\d+"/g)).toHaveLength(110);
  });
});

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAnswerPromptV1 } from '@/lib/llm/prompts';
import { ensureBuilt, startNextServer, type RunningServer } from '@/lib/testing/next-server';

const CHROMIUM = '/usr/bin/chromium';
const CANARY_KEY = 'sk-canary-9f3c1e7d-never-in-the-bundle';
const root = path.resolve(import.meta.dirname, '..');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium`);

let server: RunningServer;
let browser: Browser | undefined;

beforeAll(async () => {
  // Built with a canary key in the environment, so the bundle scan below means something.
  ensureBuilt({ OPENAI_API_KEY: CANARY_KEY });
  server = await startNextServer({ INDEX_DIR: path.join(mkdtempSync(path.join(os.tmpdir(), 'faq-e2e-')), 'index'), RATE_LIMIT_PER_MINUTE: '0' });
  if (haveChromium) {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('secrets stay on the server', () => {
  it('puts neither the key nor the system prompt into .next/static', () => {
    const system = buildAnswerPromptV1({ question: 'x', hits: [] }).system;
    const needles = [CANARY_KEY, system.split('\n')[0]!, system.split('\n')[2]!.slice(3, 40)];
    const files = filesUnder(path.join(root, '.next/static'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const n of needles) expect(text.includes(n), `${n} found in ${f}`).toBe(false);
    }
  });

  it('sends security headers with pages', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

describe.skipIf(!haveChromium)('the chat in a real browser', () => {
  async function ask(page: Page, question: string) {
    await page.getByLabel('输入问题').fill(question);
    await page.keyboard.press('Enter');
    const answer = page.getByTestId('assistant-message').last();
    await answer.getByRole('button', { name: '复制' }).waitFor({ timeout: 20_000 });
    return answer;
  }

  it('streams an answer citing FAQ2.5 and opens the cited entry', async () => {
    const page = await browser!.newPage();
    await page.goto(server.url);
    const answer = await ask(page, 'POS插卡正常,挥卡报03无效商户怎么办');
    const chip = answer.locator('button.chip[data-cite="FAQ2.5"]').first();
    await expect(chip.isVisible()).resolves.toBe(true);
    await chip.click();
    const panel = page.getByTestId('entry-panel');
    await panel.waitFor();
    await expect(panel.textContent()).resolves.toContain('到银联平台手工报备双免白名单');
    await page.screenshot({ path: path.join(os.tmpdir(), 'faq-e2e-desktop.png'), fullPage: true });
    await page.close();
  });

  it('shows the no-answer look without citations for an off-topic question, on a phone-sized screen', async () => {
    const page = await browser!.newPage({ viewport: { width: 375, height: 740 } });
    await page.goto(server.url);
    const answer = await ask(page, '今天天气怎么样');
    await expect(answer.getAttribute('data-no-answer')).resolves.toBe('true');
    await expect(answer.locator('button.chip').count()).resolves.toBe(0);
    await expect(answer.textContent()).resolves.toContain('FAQ 中未收录');
    await page.screenshot({ path: path.join(os.tmpdir(), 'faq-e2e-phone.png'), fullPage: true });
    await page.close();
  });

  it('serves a stable URL per entry that resolves merged duplicates', async () => {
    const page = await browser!.newPage();
    await page.goto(`${server.url}/faq/FAQ2.8`);
    await expect(page.url()).toMatch(/\/faq\/FAQ2\.4$/);
    await expect(page.locator('main').textContent()).resolves.toContain('FAQ2.4 / FAQ2.8');
    await page.close();
  });
});

/**
 * The chat page in a real browser (Debian's Chromium through playwright-core).
 *
 * Build: the test serves the production build with `next start`. It calls `ensureBuilt()`,
 * which runs `next build` only when .next is missing or older than the sources, so
 * `npm test` works on a fresh checkout and costs nothing when .ci/run or a developer has
 * built already. While its server runs it holds the build lock, so another test file
 * cannot rebuild .next underneath it.
 *
 * Without /usr/bin/chromium the browser tests are skipped with a message, except under CI
 * (env CI set), where a missing browser is a failure: .ci/run installs it.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, type RunningServer, startNextServer } from '@/lib/testing/next-server';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing (CI is set): install it with apt-get install -y chromium`);
const SKIP_REASON = `skipped: ${CHROMIUM} not found — apt-get update && apt-get install -y chromium to run it`;

const root = path.resolve(import.meta.dirname, '..');
const buildLock = path.join(root, '.next-build.lock');
const shots = mkdtempSync(path.join(os.tmpdir(), 'faq-chat-e2e-'));

async function holdBuildLock(timeoutMs = 300_000): Promise<() => void> {
  for (const started = Date.now(); ; await new Promise((r) => setTimeout(r, 500))) {
    try {
      mkdirSync(buildLock);
      return () => rmSync(buildLock, { recursive: true, force: true });
    } catch {
      if (Date.now() - started > timeoutMs) throw new Error('timed out waiting for another next build');
    }
  }
}

let server: RunningServer | undefined;
let browser: Browser | undefined;
let releaseLock: (() => void) | undefined;

async function ask(page: Page, question: string) {
  const before = await page.getByTestId('assistant-message').count();
  await page.getByLabel('输入问题').fill(question);
  await page.getByLabel('输入问题').press('Enter');
  const answer = page.getByTestId('assistant-message').nth(before);
  // The action buttons appear once the stream has finished.
  await answer.getByRole('button', { name: '复制' }).waitFor({ timeout: 20_000 });
  return answer;
}

describe.skipIf(!haveChromium)(haveChromium ? 'the chat page in Chromium' : `the chat page in Chromium (${SKIP_REASON})`, () => {
  beforeAll(async () => {
    ensureBuilt();
    releaseLock = await holdBuildLock();
    server = await startNextServer({ INDEX_DIR: path.join(shots, 'index'), RATE_LIMIT_PER_MINUTE: '0', ANSWER_MODE: 'offline' });
    // launch() gives every run a new, empty temporary profile (user-data-dir).
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    console.info(`[chat e2e] screenshots in ${shots}`);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    releaseLock?.();
  });

  it('streams an answer with a FAQ2.5 chip that opens the full entry', async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server!.url);
    await expect(page.getByTestId('mode-badge').textContent()).resolves.toBe('离线检索');
    const answer = await ask(page, 'POS插卡正常,挥卡报03无效商户怎么办');
    const chip = answer.locator('button.chip[data-cite="FAQ2.5"]').first();
    await chip.waitFor();
    await expect(answer.getAttribute('data-no-answer')).resolves.toBe('false');
    await expect(answer.locator('.sources').textContent()).resolves.toContain('FAQ2.5');
    await chip.click();
    const panel = page.getByTestId('entry-panel');
    await panel.waitFor();
    await expect(panel.textContent()).resolves.toContain('双免白名单');
    await expect(panel.getByRole('link').getAttribute('href')).resolves.toBe('/faq/FAQ2.5');
    await page.screenshot({ path: path.join(shots, 'desktop-cited.png') });
    await page.keyboard.press('Escape');
    await expect(panel.count()).resolves.toBe(0);
    await page.close();
  });

  it('shows the no-answer look without citations, at 375px without sideways scrolling', async () => {
    const page = await browser!.newPage({ viewport: { width: 375, height: 740 } });
    await page.goto(server!.url);
    const answer = await ask(page, '今天天气怎么样');
    await expect(answer.getAttribute('data-no-answer')).resolves.toBe('true');
    await expect(answer.textContent()).resolves.toContain('FAQ 中未收录');
    await expect(answer.locator('button.chip').count()).resolves.toBe(0);
    await ask(page, 'POS插卡正常,挥卡报03无效商户怎么办');
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(375);
    await page.screenshot({ path: path.join(shots, 'phone.png') });
    await page.close();
  });

  it('adds a line on Shift+Enter instead of sending', async () => {
    const page = await browser!.newPage();
    await page.goto(server!.url);
    const box = page.getByLabel('输入问题');
    await box.fill('挥卡报03');
    await box.press('Shift+Enter');
    await expect(box.inputValue()).resolves.toBe('挥卡报03\n');
    await expect(page.getByTestId('user-message').count()).resolves.toBe(0);
    await page.close();
  });

  it('shows the server’s Chinese error message and a retry button', async () => {
    const page = await browser!.newPage();
    await page.route('**/api/chat', (route) =>
      route.fulfill({
        status: 429,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'rate_limited', message: '请求过于频繁,请 5 秒后再试。' } }),
      }),
    );
    await page.goto(server!.url);
    await page.getByLabel('输入问题').fill('退款多久到账');
    await page.getByLabel('输入问题').press('Enter');
    // Next's route announcer is an (empty) alert too.
    const alert = page.getByRole('alert').filter({ hasText: '请求过于频繁' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('请求过于频繁');
    await expect(alert.getByRole('button', { name: '重试' }).count()).resolves.toBe(1);
    await page.close();
  });
});

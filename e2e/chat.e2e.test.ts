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
import { cannedResponseBody } from './canned-answer';

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

/**
 * How long a suggestion's question may take to come back from the running server. This file runs first in CI, while the
 * other workers build indexes and start servers on the same two cores; one such answer once took over 20 s there.
 */
const SERVER_ANSWER_MS = 45_000;

/** The first /api/chat request gets `body` (a UI message stream); later ones reach the server. Returns the questions sent. */
async function answerFirstWith(page: Page, body: string): Promise<string[]> {
  const sent: string[] = [];
  await page.route('**/api/chat', async (route) => {
    const request = route.request().postDataJSON() as { messages: { parts: { type: string; text?: string }[] }[] };
    sent.push(request.messages.at(-1)!.parts.find((p) => p.type === 'text')!.text!);
    if (sent.length === 1) await route.fulfill({ status: 200, headers: { 'content-type': 'text/event-stream', 'x-vercel-ai-ui-message-stream': 'v1' }, body });
    else await route.continue();
  });
  return sent;
}

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
    // The starter questions are the ones this FAQ answers (lib/knowledge/starters.ts); the placeholder gives the first.
    await expect(page.getByRole('button', { name: '银行卡退款多久到账' }).count()).resolves.toBe(1);
    await expect(page.getByLabel('输入问题').getAttribute('placeholder')).resolves.toContain('例如:POS插卡正常,挥卡报03无效商户怎么办');
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

  it('never cuts a long paste: a counter, a Chinese warning, and no sending until it is trimmed', async () => {
    const page = await browser!.newPage({ viewport: { width: 375, height: 740 } });
    await page.goto(server!.url);
    const box = page.getByLabel('输入问题');
    const question = `${'商户反馈:'.repeat(480)}挥卡报03怎么办`;
    expect(question.length).toBe(2408);
    await box.fill(question);
    await expect(box.inputValue()).resolves.toBe(question);
    const limit = page.getByTestId('composer-limit');
    await expect(limit.locator('.counter').textContent()).resolves.toBe('2408 / 2000');
    await expect(limit.textContent()).resolves.toContain('上限 2000 字,请删减 408 字后再发送');
    await expect(page.getByRole('button', { name: '发送' }).isDisabled()).resolves.toBe(true);
    await box.press('Enter');
    await expect(page.getByTestId('user-message').count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(375);
    // Trimmed to the limit: the counter stays, the warning goes, and it sends whole.
    const trimmed = question.slice(408);
    await box.fill(trimmed);
    await expect(limit.locator('.counter').textContent()).resolves.toBe('2000 / 2000');
    await expect(limit.locator('.warning').count()).resolves.toBe(0);
    await box.press('Enter');
    await expect(page.getByTestId('user-message').first().textContent()).resolves.toBe(trimmed);
    await page.close();
  });

  it('opens an entry from a chip as a modal dialog that holds focus, closes on Esc and gives focus back to the chip', async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server!.url);
    const answer = await ask(page, 'POS插卡正常,挥卡报03无效商户怎么办');
    const chip = answer.locator('button.chip[data-cite="FAQ2.5"]').first();
    await chip.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect(dialog.getAttribute('aria-modal')).resolves.toBe('true');
    await expect(dialog.getAttribute('aria-labelledby')).resolves.toBeTruthy();
    const focusInDialog = () => page.evaluate(() => !!document.activeElement?.closest('dialog[open]'));
    await expect(focusInDialog()).resolves.toBe(true);
    for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      await expect(focusInDialog(), `after ${key}`).resolves.toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('entry-panel').count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-cite'))).resolves.toBe('FAQ2.5');
    // Opened by a click from the sources list, closed with the button: focus returns there too.
    await answer.locator('.sources button.link').first().click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '关闭' }).click();
    await expect(page.getByTestId('entry-panel').count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.closest('.sources') !== null)).resolves.toBe(true);
    await page.close();
  });

  it('copies the answer as plain text with [FAQ2.5] citations', async () => {
    const context = await browser!.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(server!.url);
    const answer = await ask(page, 'POS插卡正常,挥卡报03无效商户怎么办');
    await answer.getByRole('button', { name: '复制' }).click();
    await answer.getByRole('button', { name: '已复制' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('[FAQ2.5]');
    expect(copied).toContain('POS插卡消费,微信/支付宝支付都正常,但挥卡报03无效商户?');
    expect(copied).not.toMatch(/\*\*|\\|#cite-/);
    await context.close();
  });

  it('shows a hedge distinctly: its label, the closest entry cited, and suggestions that ask their question', { timeout: 2 * SERVER_ANSWER_MS }, async () => {
    const page = await browser!.newPage({ viewport: { width: 375, height: 740 } });
    const canned = await cannedResponseBody('pos机挥卡不行 插卡可以', 'hedge', 'FAQ2.5', ['FAQ2.9', 'FAQ2.12']);
    const sent = await answerFirstWith(page, canned.body);
    await page.goto(server!.url);
    const answer = await ask(page, 'pos机挥卡不行 插卡可以');
    await expect(answer.getAttribute('data-decision')).resolves.toBe('hedge');
    await expect(answer.getAttribute('data-no-answer')).resolves.toBe('false');
    await expect(answer.getByTestId('hedge-label').textContent()).resolves.toBe('最接近的条目 · 可能不完全对应您的问题');
    await expect(answer.textContent()).resolves.toContain('FAQ 中没有完全对应的条目,最接近的是');
    await expect(answer.locator('button.chip[data-cite="FAQ2.5"]').count()).resolves.toBeGreaterThan(0);
    const looks = await answer.evaluate((el) => getComputedStyle(el).borderStyle);
    expect(looks).toContain('dashed');
    const suggestions = answer.getByTestId('suggestions');
    await expect(suggestions.textContent()).resolves.toContain('您是不是想问:');
    const buttons = suggestions.getByRole('button');
    await expect(buttons.allTextContents()).resolves.toEqual(canned.suggestions.map((s) => s.question));
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(375);
    await page.screenshot({ path: path.join(shots, 'phone-hedge.png'), fullPage: true });
    await buttons.first().click();
    const next = page.getByTestId('assistant-message').nth(1);
    await next.getByRole('button', { name: '复制' }).waitFor({ timeout: SERVER_ANSWER_MS });
    expect(sent).toEqual(['pos机挥卡不行 插卡可以', canned.suggestions[0]!.question]);
    await expect(page.getByTestId('user-message').nth(1).textContent()).resolves.toBe(canned.suggestions[0]!.question);
    await expect(next.locator('button.chip[data-cite="FAQ2.9"]').count()).resolves.toBeGreaterThan(0);
    await page.close();
  });

  it('says an answer whose stream was cut before its final part is interrupted, not finished', async () => {
    const page = await browser!.newPage();
    const sse = (o: object) => `data: ${JSON.stringify(o)}\n\n`;
    // A stream cut after its first words: no data-answer part, no finish (a server killed mid-answer).
    const body = [{ type: 'start' }, { type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: '请先补注册' }].map(sse).join('');
    await answerFirstWith(page, body);
    await page.goto(server!.url);
    const answer = await ask(page, '挥卡报03');
    await expect(answer.getByTestId('interrupted').textContent()).resolves.toContain('回答中断');
    await expect(answer.textContent()).resolves.toContain('请先补注册');
    await page.close();
  });

  it('shows a refusal with its related topics, each asking its question', { timeout: 2 * SERVER_ANSWER_MS }, async () => {
    const page = await browser!.newPage({ viewport: { width: 375, height: 740 } });
    const canned = await cannedResponseBody('商户想换个收款码颜色', 'refuse', 'FAQ9.5', ['FAQ9.4', 'FAQ9.3']);
    const sent = await answerFirstWith(page, canned.body);
    await page.goto(server!.url);
    const answer = await ask(page, '商户想换个收款码颜色');
    await expect(answer.getAttribute('data-decision')).resolves.toBe('refuse');
    await expect(answer.getAttribute('data-no-answer')).resolves.toBe('true');
    await expect(answer.textContent()).resolves.toContain('FAQ 中未收录');
    await expect(answer.getByTestId('hedge-label').count()).resolves.toBe(0);
    await expect(answer.locator('button.chip').count()).resolves.toBe(0);
    const topics = answer.getByTestId('suggestions');
    await expect(topics.textContent()).resolves.toContain('可能相关的主题:');
    await topics.getByRole('button').nth(1).click();
    await page.getByTestId('assistant-message').nth(1).getByRole('button', { name: '复制' }).waitFor({ timeout: SERVER_ANSWER_MS });
    expect(sent).toEqual(['商户想换个收款码颜色', canned.suggestions[1]!.question]);
    await page.close();
  });

  it('shows the decision, confidence, thresholds and signals on the hit-testing page', async () => {
    const page = await browser!.newPage();
    await page.goto(`${server!.url}/retrieval`);
    await page.getByLabel('测试问题').fill('POS插卡正常,挥卡报03无效商户怎么办');
    await page.getByLabel('测试问题').press('Enter');
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor();
    await expect(verdict.getAttribute('data-decision')).resolves.toBe('answer');
    const text = await verdict.textContent();
    expect(text).toContain('判定:可回答');
    expect(text).toMatch(/首条正确的概率 \d\.\d{3}\(≥ \d\.\d{3} 时回答\) · FAQ 覆盖该问题的概率 \d\.\d{3}\(< \d\.\d{3} 时拒答\)/);
    await expect(page.getByTestId('signals').locator('tr').count()).resolves.toBeGreaterThan(0);
    await page.close();
  });

  it.each(['/faq', '/faq/FAQ6.1', '/faq/FAQ4.1', '/retrieval'])('%s fits 375px without sideways scrolling', async (p) => {
    const page = await browser!.newPage({ viewport: { width: 375, height: 740 } });
    await page.goto(`${server!.url}${p}`);
    if (p === '/retrieval') {
      await page.getByLabel('测试问题').fill('挥卡报03');
      await page.getByLabel('测试问题').press('Enter');
      await page.getByTestId('verdict').waitFor();
    }
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(375);
    await page.close();
  });
});

/**
 * Conversations, feedback and the miss queue in Chromium against the built app, with the
 * embedded store: ask, reload and find the conversation again; 👎 with a reason; sign in as
 * admin, find the question in the miss queue, attach it to the right entry, ask again and get
 * the cited answer. Skipped without /usr/bin/chromium, except under CI.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, type RunningServer, startNextServer } from '@/lib/testing/next-server';
import { DECISION_LABEL, HEDGE_LABEL, REFUSE_LABEL } from '@/lib/text/messages';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing (CI is set): install it with apt-get install -y chromium`);

const PASSWORD = 'browser-admin-password';
/** Not answered with confidence today (hedged or refused: a miss); FAQ2.4 (receipts not printed) is the entry it belongs to. */
const QUESTION = '收银台小票打不出来字';
const ENTRY = 'FAQ2.4';

let server: RunningServer | undefined;
let browser: Browser | undefined;

async function ask(page: Page, question: string) {
  const before = await page.getByTestId('assistant-message').count();
  await page.getByLabel('输入问题').fill(question);
  await page.getByLabel('输入问题').press('Enter');
  const answer = page.getByTestId('assistant-message').nth(before);
  await answer.getByRole('button', { name: '复制' }).waitFor({ timeout: 20_000 });
  return answer;
}

describe.skipIf(!haveChromium)('conversations, feedback and the miss queue in Chromium', () => {
  beforeAll(async () => {
    ensureBuilt();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'faq-conv-e2e-'));
    server = await startNextServer({ INDEX_DIR: path.join(dir, 'index'), RATE_LIMIT_PER_MINUTE: '0', ANSWER_MODE: 'offline', ADMIN_PASSWORD: PASSWORD });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('keeps the conversation over a reload, takes a 👎 with a reason, and turns the miss into a cited answer', async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(server!.url);
    const first = await ask(page, QUESTION);
    const missed = await first.getAttribute('data-decision');
    expect(['hedge', 'refuse']).toContain(missed);
    const missLabel = missed === 'hedge' ? HEDGE_LABEL : REFUSE_LABEL;
    await page.waitForURL(/\?c=/);

    // Reload: the same conversation, reopened from the store.
    await page.reload();
    await page.getByTestId('user-message').first().waitFor();
    await expect(page.getByTestId('user-message').first().textContent()).resolves.toBe(QUESTION);
    const reopened = page.getByTestId('assistant-message').first();
    await expect(reopened.getAttribute('data-decision')).resolves.toBe(missed);
    await expect(reopened.textContent()).resolves.toContain(missLabel);
    await page.getByTestId('history-toggle').click();
    await expect(page.getByTestId('conversation-list').textContent()).resolves.toContain(QUESTION);
    await page.getByTestId('history-toggle').click();

    // 👎 with a reason.
    await reopened.getByRole('button', { name: '没帮助' }).click();
    const form = page.getByTestId('feedback-form');
    await form.getByLabel('没回答我的问题').check();
    await form.getByLabel('补充说明(可选)').fill('问的是小票打印');
    await form.getByRole('button', { name: '提交反馈' }).click();
    await reopened.getByText('感谢反馈').waitFor();
    await expect(reopened.getByRole('button', { name: '没帮助' }).getAttribute('aria-pressed')).resolves.toBe('true');

    // Admin: sign in, find the question, attach it to the right entry.
    await page.goto(`${server!.url}/admin/misses`);
    await page.getByLabel('管理密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    const cluster = page.getByTestId('miss-cluster').filter({ hasText: QUESTION });
    await cluster.waitFor({ timeout: 20_000 });
    await expect(cluster.textContent()).resolves.toContain('问的是小票打印');
    await cluster.getByRole('button', { name: `作为 ${ENTRY} 的相似问题` }).click();
    const result = cluster.getByTestId('attach-result');
    await result.waitFor({ timeout: 30_000 });
    await expect(result.textContent()).resolves.toContain(DECISION_LABEL[missed as 'hedge' | 'refuse']);
    await expect(result.textContent()).resolves.toContain('可回答 · 第 1 位');
    // The keyboard's focus goes to 撤销, not to the top of the page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('detach');
    // Undone (as if the wrong entry had been chosen) with the keyboard, then attached again.
    await page.keyboard.press('Enter');
    await cluster.getByText(`已撤销:这些问题不再作为 ${ENTRY} 的相似问题`).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('的相似问题');
    await cluster.getByRole('button', { name: `作为 ${ENTRY} 的相似问题` }).click();
    await result.waitFor({ timeout: 30_000 });
    await expect(result.textContent()).resolves.toContain('可回答 · 第 1 位');

    // Ask again in a new conversation: the cited answer.
    await page.goto(server!.url);
    await page.getByTestId('new-conversation').click();
    const again = await ask(page, QUESTION);
    await expect(again.getAttribute('data-decision')).resolves.toBe('answer');
    await again.locator(`button.chip[data-cite="${ENTRY}"]`).first().waitFor();

    // Later, after reloads: the attach undone from the list of added alternatives, and the question back in the miss queue.
    await page.goto(`${server!.url}/admin/alternatives`);
    const added = page.getByTestId('added-entry').filter({ hasText: ENTRY }).getByTestId('added-question').filter({ hasText: QUESTION });
    await added.waitFor();
    await added.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => added.count(), { timeout: 30_000 }).toBe(0);
    await page.goto(`${server!.url}/admin/misses`);
    await page.getByTestId('miss-cluster').filter({ hasText: QUESTION }).waitFor({ timeout: 20_000 });
    await page.goto(server!.url);

    // The first conversation deleted from the list (after a confirmation), here and after a reload; the latest renamed.
    page.on('dialog', (d) => void d.accept());
    await page.getByTestId('history-toggle').click();
    const list = page.getByTestId('conversation-list');
    // The list loads after the page: count it once the conversation to delete is in it.
    await list
      .getByRole('button', { name: `删除对话:${QUESTION}` })
      .first()
      .waitFor();
    const count = await list.locator('li').count();
    // The latest one renamed (✎, type, Enter): its new name stays after a reload.
    await list
      .getByRole('button', { name: `重命名对话:${QUESTION}` })
      .first()
      .click();
    await list.getByRole('textbox', { name: '对话名称' }).fill('王姐店里的问题');
    await list.getByRole('textbox', { name: '对话名称' }).press('Enter');
    await list.getByRole('button', { name: '删除对话:王姐店里的问题' }).waitFor();
    await page.reload();
    await page.getByTestId('history-toggle').click();
    await list.getByRole('button', { name: '删除对话:王姐店里的问题' }).waitFor();
    await list
      .getByRole('button', { name: `删除对话:${QUESTION}` })
      .last()
      .click();
    await expect.poll(() => list.locator('li').count()).toBe(count - 1);
    await page.reload();
    await page.getByTestId('history-toggle').click();
    await expect.poll(async () => page.getByTestId('conversation-list').locator('li').count()).toBe(count - 1);

    await context.close();
  });

  it('lists the newest 50 conversations and loads the older ones on 加载更早的对话', async () => {
    const context = await browser!.newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await page.goto(server!.url);
    // 51 conversations of this browser (its cookie), asked through the chat API; the oldest asked first.
    for (let i = 1; i <= 51; i++) {
      const res = await context.request.post(`${server!.url}/api/chat`, {
        headers: { 'content-type': 'application/json' },
        data: {
          id: `paging-${i}`,
          messages: [{ id: `q${i}`, role: 'user', parts: [{ type: 'text', text: `第${i}个对话:挥卡报03怎么办` }] }],
          trigger: 'submit-message',
        },
      });
      expect(res.status()).toBe(200);
      await res.body();
    }
    // Answers are written just after they are sent: the page is loaded once all 51 are listed (the 51st is the second page's one).
    await expect
      .poll(
        async () =>
          ((await (await context.request.get(`${server!.url}/api/conversations?offset=50`)).json()) as { conversations: unknown[] }).conversations.length,
        {
          timeout: 20_000,
        },
      )
      .toBe(1);
    await page.reload();
    await page.getByTestId('history-toggle').click();
    const items = page.getByTestId('conversation-list').locator('li');
    await expect.poll(() => items.first().textContent()).toContain('第51个对话');
    await expect.poll(() => items.count()).toBe(50);
    await expect(page.getByTestId('conversation-list').textContent()).resolves.not.toContain('第1个对话');
    await page.getByTestId('conversations-more').click();
    await expect.poll(() => items.count()).toBe(51);
    await expect(items.last().textContent()).resolves.toContain('第1个对话');
    await expect(page.getByTestId('conversations-more').count()).resolves.toBe(0);
    await context.close();
  });
});

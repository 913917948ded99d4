/**
 * A server that cannot start (`npm start`, server.ts) says why in one Chinese line and exits, instead of printing a stack or
 * a screen of minified source: a misconfigured variable, a port another process holds.
 */
import { createServer } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, freePort, startNextServer } from '@/lib/testing/next-server';

/** What the failed start printed: startNextServer's error carries the server's output after its first line. */
async function failedStart(env: Record<string, string>): Promise<string> {
  const error = await startNextServer(env).then(
    () => {
      throw new Error('the server started');
    },
    (e: Error) => e,
  );
  expect(error.message).toMatch(/^next start exited early:/);
  return error.message.replace(/^next start exited early:\n/, '');
}

describe('a server that cannot start', () => {
  beforeAll(() => ensureBuilt(), 600_000);

  it('names the misconfigured variable in Chinese, in one line', async () => {
    const log = await failedStart({ LLM_TIMEOUT_MS: 'abc', ANSWER_MODE: 'ofline' });
    expect(log.trim()).toBe('[server] 无法启动:环境变量配置有误:ANSWER_MODE 只能是 auto、offline、llm 之一;LLM_TIMEOUT_MS 应为数字');
  });

  it('says the port is taken', async () => {
    const port = await freePort();
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
    try {
      const log = await failedStart({ PORT: String(port) });
      expect(log).toContain(`[server] 无法启动:端口 ${port} 已被占用`);
      expect(log).not.toMatch(/\n\s+at /);
    } finally {
      holder.close();
    }
  });

  it('says a CORPUS_FILE that names no file, with the path it tried (check27 M6)', async () => {
    const log = await failedStart({ CORPUS_FILE: 'corpus/faq-typo.txt' });
    expect(log).toMatch(/\[server\] 无法启动:CORPUS_FILE 指向的文件不存在:\/.*corpus\/faq-typo\.txt/);
  });

  it('says the host name does not resolve, without a stack (check26)', async () => {
    const log = await failedStart({ HOSTNAME: 'no-such-host.invalid' });
    expect(log).toContain('[server] 无法启动:无法解析主机名 no-such-host.invalid');
    expect(log).not.toMatch(/\n\s+at /);
  });
});

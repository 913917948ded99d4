import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore } from './store';

afterEach(() => vi.restoreAllMocks());

describe('a store that cannot open its database', () => {
  it('says so once in the server log, in Chinese, without the password, however often it is tried again', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    // Nothing listens on port 1: every attempt is refused at once.
    const store = createStore({ kind: 'postgres', url: 'postgres://faq:secret-password@127.0.0.1:1/faq' });
    await expect(store.ready()).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 1_100));
    await expect(store.ready()).rejects.toThrow();
    const lines = logged.mock.calls.map((c) => String(c[0])).filter((l) => l.startsWith('[store]'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[store\] 无法打开数据库\(postgres\):.+;记录先留在内存中,稍后重试。$/);
    expect(lines[0]).not.toContain('secret-password');
    expect(store.status()).toMatchObject({ state: 'error' });
    await store.close();
  });
});

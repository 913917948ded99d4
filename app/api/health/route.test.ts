import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '@/lib/config';
import { createRuntime, setRuntime } from '@/lib/runtime';
import { tempRuntime } from '@/lib/testing/temp-kb';
import { GET } from './route';

afterAll(() => void setRuntime(undefined));

describe('GET /api/health', () => {
  it('answers 503 with a Chinese, actionable message when the index is unusable', async () => {
    // A remote embedder is never rebuilt on the fly, so a missing index stays missing.
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'faq-health-'));
    setRuntime(
      createRuntime(
        parseConfig({ INDEX_DIR: path.join(dir, 'index'), EMBEDDINGS: 'openai', OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' }),
        { store: null },
      ),
    );
    const res = await GET();
    expect(res.status).toBe(503);
    const json = (await res.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toMatch(/^index_/);
    expect(json.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(json.error.message).toContain('ingest');
    spy.mockRestore();
    await rm(dir, { recursive: true, force: true });
  });

  it('reports the entries, the answer mode and the index build', async () => {
    const t = await tempRuntime({ ANSWER_MODE: 'offline' });
    setRuntime(t.runtime);
    const res = await GET();
    expect(res.status).toBe(200);
    const json = (await res.json()) as Record<string, unknown>;
    expect(json).toMatchObject({ status: 'ok', mode: 'offline' });
    expect(json.entries).toBeGreaterThan(100);
    expect(json.embedder).toEqual(expect.any(String));
    expect(Number.isNaN(Date.parse(String(json.builtAt)))).toBe(false);
    expect(json).not.toHaveProperty('model');
    expect(json.api).toEqual({ auth: 'loopback-only' });
    expect(json.knowledge).toEqual({ state: 'ok', rebuilds: 1 });
    await t.cleanup();
  }, 60_000);

  it('says when /v1/* requires keys, without showing them', async () => {
    const key = 'sk-faq-health-test-0123456789';
    const t = await tempRuntime({ ANSWER_MODE: 'offline', API_KEYS: key });
    setRuntime(t.runtime);
    const text = await (await GET()).text();
    expect(JSON.parse(text).api).toEqual({ auth: 'keys' });
    expect(text).not.toContain(key);
    await t.cleanup();
  }, 60_000);

  it('says degraded, with the file, the line and since when, while an edit has broken the FAQ', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'faq-health-'));
    const faq = path.join(dir, 'faq.txt');
    await copyFile(path.resolve(import.meta.dirname, '../../../corpus/faq.txt'), faq);
    const t = await tempRuntime({ ANSWER_MODE: 'offline', CORPUS_FILE: faq });
    setRuntime(t.runtime);
    await writeFile(faq, (await readFile(faq, 'utf8')).replace(/\n解决方法:\n/, '\n'));
    await t.runtime.knowledge.refresh();
    const res = await GET();
    expect(res.status).toBe(200);
    const json = (await res.json()) as {
      status: string;
      entries: number;
      knowledge: { state: string; since: string; error: { message: string; file: string } };
    };
    expect(json.status).toBe('degraded');
    expect(json.entries).toBeGreaterThan(100);
    expect(json.knowledge).toMatchObject({ state: 'degraded', error: { file: 'faq.txt' } });
    expect(json.knowledge.error.message).toContain('第 2 行');
    expect(Number.isNaN(Date.parse(json.knowledge.since))).toBe(false);
    spy.mockRestore();
    await t.cleanup();
    await rm(dir, { recursive: true, force: true });
  }, 60_000);
});

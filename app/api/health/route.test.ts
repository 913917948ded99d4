import { mkdtemp, rm } from 'node:fs/promises';
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
    await t.cleanup();
  }, 60_000);
});

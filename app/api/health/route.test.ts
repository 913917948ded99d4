import { describe, expect, it, vi } from 'vitest';
import { isolateEnv } from '@/lib/testing/env';

// Each case loads the routes afresh: config and the knowledge base are read once per module load.
async function loadGet(env: Record<string, string | undefined>) {
  isolateEnv();
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  vi.resetModules();
  return (await import('./route')).GET;
}

describe('GET /api/health', () => {
  it('answers 503 with a Chinese, actionable message when the index is unusable', async () => {
    // A remote embedder is never rebuilt on the fly, so a missing index stays missing.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const GET = await loadGet({ EMBEDDINGS: 'openai', OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
    const res = await GET();
    expect(res.status).toBe(503);
    const json = (await res.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toMatch(/^index_/);
    expect(json.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(json.error.message).toContain('ingest');
    vi.restoreAllMocks();
  });

  it('reports the entries, the answer mode and the index build', async () => {
    const GET = await loadGet({ EMBEDDINGS: 'local', OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined, ANSWER_MODE: 'offline' });
    const res = await GET();
    expect(res.status).toBe(200);
    const json = (await res.json()) as Record<string, unknown>;
    expect(json).toMatchObject({ status: 'ok', mode: 'offline' });
    expect(json.entries).toBeGreaterThan(100);
    expect(json.embedder).toEqual(expect.any(String));
    expect(Number.isNaN(Date.parse(String(json.builtAt)))).toBe(false);
    expect(json).not.toHaveProperty('model');
  }, 60_000);
});

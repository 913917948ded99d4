import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AnswerDeps } from '../answer/answer';
import { type AppConfig, parseConfig } from '../config';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { createRuntime, type Runtime, type RuntimeOverrides } from '../runtime';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * A runtime over the real corpus (or `env`'s) with its index in a fresh temp directory, so
 * tests never touch the developer's .data/index. It has no database unless `env` names one
 * (DB_DIR, DATABASE_URL) or `overrides.store` is given. Call `cleanup` in afterAll.
 */
export async function tempRuntime(
  env: Record<string, string> = {},
  overrides: RuntimeOverrides = {},
): Promise<{ runtime: Runtime; kb: KnowledgeBase; config: AppConfig; dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'faq-kb-'));
  const config = parseConfig({ INDEX_DIR: path.join(dir, 'index'), RATE_LIMIT_PER_MINUTE: '0', ...env }, root);
  // No database unless the test asks for one (env DB_DIR / DATABASE_URL, or overrides.store).
  const wantsStore = env.DB_DIR !== undefined || env.DATABASE_URL !== undefined || overrides.store !== undefined;
  const runtime = createRuntime(config, wantsStore ? overrides : { ...overrides, store: null });
  const kb = await runtime.knowledge.get();
  return {
    runtime,
    kb,
    config,
    dir,
    cleanup: async () => {
      await runtime.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * For a test file: the real corpus in a temp index and offline answer dependencies over it,
 * set up in beforeAll and removed in afterAll. Read `.kb`, `.deps` and `.runtime` inside tests.
 */
export function useOfflineKnowledgeBase(
  hooks: { beforeAll: (fn: () => Promise<void>) => void; afterAll: (fn: () => Promise<void>) => void },
  env: Record<string, string> = {},
) {
  const state = {} as { kb: KnowledgeBase; deps: AnswerDeps; runtime: Runtime; cleanup: () => Promise<void> };
  hooks.beforeAll(async () => {
    const t = await tempRuntime({ ANSWER_MODE: 'offline', ...env });
    Object.assign(state, { kb: t.kb, runtime: t.runtime, cleanup: t.cleanup, deps: t.runtime.answerDeps(t.kb) });
  });
  hooks.afterAll(async () => state.cleanup?.());
  return state;
}

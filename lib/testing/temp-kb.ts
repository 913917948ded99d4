import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseConfig, type AppConfig } from '../config';
import type { AnswerDeps } from '../answer/answer';
import { loadKnowledgeBase, type KnowledgeBase } from '../kb';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * A knowledge base over the real corpus with its index in a fresh temp directory,
 * so tests never touch the developer's .data/index. Call `cleanup` in afterAll.
 */
export async function tempKnowledgeBase(env: Record<string, string> = {}): Promise<{ kb: KnowledgeBase; config: AppConfig; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'faq-kb-'));
  const config = parseConfig({ INDEX_DIR: path.join(dir, 'index'), ...env }, root);
  const kb = await loadKnowledgeBase(config);
  return { kb, config, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * For a test file: the real corpus in a temp index and offline answer dependencies over it,
 * set up in beforeAll and removed in afterAll. Read `.kb` and `.deps` inside tests.
 */
export function useOfflineKnowledgeBase(hooks: { beforeAll: (fn: () => Promise<void>) => void; afterAll: (fn: () => Promise<void>) => void }) {
  const state = {} as { kb: KnowledgeBase; deps: AnswerDeps; cleanup: () => Promise<void> };
  hooks.beforeAll(async () => {
    const t = await tempKnowledgeBase();
    Object.assign(state, { kb: t.kb, cleanup: t.cleanup, deps: { retrieve: t.kb.retrieve, llm: null, directMatchThreshold: 0.9 } });
  });
  hooks.afterAll(async () => state.cleanup?.());
  return state;
}

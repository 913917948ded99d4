import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseConfig, type AppConfig } from '../config';
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

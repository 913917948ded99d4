import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppConfig, parseConfig } from '../config';
import { loadCorpus } from '../corpus/load';
import { openIndex } from '../index/load';
import { copyCorpus } from '../testing/corpus-copy';
import { loadKnowledgeBase } from './ingest';
import type { KnowledgeBase } from './knowledge-base';
import { createSearchThread, type SearchThread } from './search-thread';

const root = path.resolve(import.meta.dirname, '../..');
/** Questions of several shapes: an answer, a typo, English, a refusal, an empty-ish one. */
const QUESTIONS = ['挥卡报03无效商户怎么办', '好老版app不拨报', 'how do I refund a card payment', '明天天气怎么样', '??', '小程序资金管控 解冻要多久'];
let dir: string;
let config: AppConfig;
let kb: KnowledgeBase;
let thread: SearchThread;

const until = async (check: () => boolean, ms = 30_000) => {
  for (const started = Date.now(); !check(); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() - started > ms) throw new Error('timed out');
  }
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'faq-search-thread-'));
  config = parseConfig((await copyCorpus(dir)).env, root);
  kb = (await loadKnowledgeBase(config)).kb;
  thread = createSearchThread(config);
}, 60_000);
afterAll(async () => {
  thread.close();
  await rm(dir, { recursive: true, force: true });
});

describe('search thread', () => {
  it('retrieves on the worker once it has opened the index, with the same results and the same entry objects', async () => {
    const served = thread.serve(kb);
    // Until the worker is ready, this thread answers: the result is the same either way.
    expect(await served.retrieve(QUESTIONS[0]!)).toEqual(await kb.retrieve(QUESTIONS[0]!));
    await until(() => thread.status().state === 'ready');
    const before = thread.status().onThread;
    for (const q of QUESTIONS) {
      const [remote, local] = await Promise.all([served.retrieve(q, { k: 7 }), kb.retrieve(q, { k: 7 })]);
      expect(remote).toEqual(local);
      for (const h of remote.hits) expect(h.entry).toBe(kb.getEntry(h.id));
    }
    expect(thread.status().onThread - before).toBe(QUESTIONS.length);
    // The rest of the knowledge base is the one served.
    expect(served.retrieve.coverage('挥卡', '挥卡报03')).toBe(kb.retrieve.coverage('挥卡', '挥卡报03'));
    expect(served.entries).toBe(kb.entries);
  }, 60_000);

  it('retrieves a knowledge base of other inputs on this thread, and keeps serving the one it has open', async () => {
    const served = thread.serve(kb);
    await until(() => thread.status().state === 'ready');
    // Inputs no index on disk was built from: the worker cannot open them.
    const other = thread.serve({ ...kb, manifest: { ...kb.manifest, inputsSha256: 'f'.repeat(64) } });
    const { here } = thread.status();
    expect(await other.retrieve(QUESTIONS[0]!)).toEqual(await kb.retrieve(QUESTIONS[0]!));
    expect(thread.status().here).toBe(here + 1);
    const { onThread } = thread.status();
    expect(await served.retrieve(QUESTIONS[1]!)).toEqual(await kb.retrieve(QUESTIONS[1]!));
    expect(thread.status().onThread).toBe(onThread + 1);
  }, 60_000);

  it('builds an index on the same worker, retrieving on this thread meanwhile', async () => {
    const served = thread.serve(kb);
    await until(() => thread.status().state === 'ready');
    const corpus = await loadCorpus(config);
    const building = thread.build(corpus, config);
    const { here } = thread.status();
    expect(await served.retrieve(QUESTIONS[0]!)).toEqual(await kb.retrieve(QUESTIONS[0]!));
    expect(thread.status().here).toBe(here + 1);
    const manifest = await building;
    expect(manifest.inputsSha256).toBe(corpus.inputsSha256);
    expect((await openIndex(config.indexDir, config, { inputsSha256: corpus.inputsSha256 })).manifest.builtAt).toBe(manifest.builtAt);
    // The worker goes on retrieving once the build is done (the index it has open is still the one served).
    const { onThread } = thread.status();
    await served.retrieve(QUESTIONS[1]!);
    expect(thread.status().onThread).toBe(onThread + 1);
  }, 60_000);

  it('falls back to this thread when the worker is gone, in flight or after', async () => {
    const served = thread.serve(kb);
    await until(() => thread.status().state === 'ready');
    const inFlight = served.retrieve(QUESTIONS[2]!);
    thread.close();
    expect(await inFlight).toEqual(await kb.retrieve(QUESTIONS[2]!));
    expect(thread.status().state).toBe('off');
    expect(await served.retrieve(QUESTIONS[3]!)).toEqual(await kb.retrieve(QUESTIONS[3]!));
    // And builds on this thread.
    const corpus = await loadCorpus(config);
    expect((await thread.build(corpus, config)).inputsSha256).toBe(corpus.inputsSha256);
  }, 60_000);
});

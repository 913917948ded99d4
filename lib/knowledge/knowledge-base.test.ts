import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, readlink, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AppConfig, parseConfig } from '../config';
import { CorpusError, IndexError } from '../errors';
import { searchedExactly } from '../index/build';
import { openIndex } from '../index/load';
import { ingest, loadKnowledgeBase } from './ingest';
import { vectorSearchOf } from './knowledge-base';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
let config: AppConfig;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'faq-kb-faults-'));
  await copyFile(path.join(root, 'corpus/faq.txt'), path.join(dir, 'faq.txt'));
  config = parseConfig({ INDEX_DIR: path.join(dir, 'index'), CORPUS_FILE: path.join(dir, 'faq.txt') }, root);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const works = async (c: AppConfig) => {
  const loaded = await loadKnowledgeBase(c);
  expect((await loaded.kb.retrieve('挥卡报03')).hits[0]!.id).toBe('FAQ2.5');
  return loaded;
};

describe('index faults with the local embedder', () => {
  it('builds a missing index by itself', async () => {
    const { rebuilt } = await works(config);
    expect(rebuilt).toContain('索引不存在');
    // Rebuilt already: the reason, without the hint to run ingest.
    expect(rebuilt).not.toContain('npm run ingest');
  });

  it('carries the CC-CEDICT senses from the built index to the ranker: 登入 and 帐号 meet the entry that says 登录账号', async () => {
    const { kb } = await works(config);
    const { candidates } = await kb.retrieve.score('登入不了帐号');
    const senses = (id: string) => candidates.find((c) => c.entry.id === id)?.signals.senses ?? 0;
    expect(senses('FAQ9.9')).toBeGreaterThan(0.2);
    expect(senses('FAQ9.9')).toBeGreaterThan(Math.max(...candidates.filter((c) => c.entry.id !== 'FAQ9.9').map((c) => c.signals.senses)));
    // The tenth candidate feature is the same reading.
    expect(candidates.find((c) => c.entry.id === 'FAQ9.9')!.features[9]).toBe(senses('FAQ9.9'));
  });

  it('rebuilds a truncated index', async () => {
    await ingest(config);
    await truncate(path.join(config.indexDir, 'hnswlib.index'), 64);
    expect((await works(config)).rebuilt).toContain('损坏');
  });

  it('rebuilds an index an older version of the program built, and says so', async () => {
    await ingest(config);
    const file = path.join(config.indexDir, 'manifest.json');
    await writeFile(file, readFileSync(file, 'utf8').replace(/"formatVersion": *\d+/, '"formatVersion": 2'));
    const { rebuilt } = await works(config);
    expect(rebuilt).toContain('旧版本');
  });

  it('rebuilds an index built by another embedder', async () => {
    await ingest(parseConfig({ INDEX_DIR: config.indexDir, CORPUS_FILE: config.corpusFile, EMBEDDING_DIM: '64' }, root));
    expect((await works(config)).rebuilt).toContain('其他向量模型');
  });

  it('rebuilds when the FAQ changed', async () => {
    await ingest(config);
    await writeFile(config.corpusFile, `${readFileSync(config.corpusFile, 'utf8')}\nFAQ9.16\n问题描述:\n新问题?\n解决方法:\n新答案。\n`);
    const { kb, rebuilt } = await works(config);
    expect(rebuilt).toContain('已过期');
    expect(kb.getEntry('FAQ9.16')?.solution).toBe('新答案。');
  });

  it('rebuilds when admin-added alternatives change, and finds the entry by them', async () => {
    await ingest(config);
    const { kb, rebuilt } = await loadKnowledgeBase(config, { 'FAQ9.12': ['好老板被锁住了登不上去'] });
    expect(rebuilt).toContain('已过期');
    expect(kb.getEntry('FAQ9.12')?.alternatives).toContain('好老板被锁住了登不上去');
  });
});

describe('index faults with a remote embedder', () => {
  it('says what to do instead of crashing, every time it is asked', async () => {
    const remote = parseConfig(
      { INDEX_DIR: config.indexDir, CORPUS_FILE: config.corpusFile, EMBEDDINGS: 'openai', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' },
      root,
    );
    for (let i = 0; i < 3; i++) {
      const err = await loadKnowledgeBase(remote).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(IndexError);
      expect((err as IndexError).status).toBe(503);
      expect((err as IndexError).message).toContain('npm run ingest');
    }
  });
});

describe('a malformed corpus', () => {
  it('is rejected with line numbers and nothing is written', async () => {
    await ingest(config);
    const before = await readlink(config.indexDir);
    await writeFile(config.corpusFile, 'FAQ1:分类\nFAQ1.1\n问题描述:\n只有问题\nFAQ1.2\n问题描述:\n问\n解决方法:\n答\n');
    const err = await ingest(config).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorpusError);
    expect((err as CorpusError).issues).toEqual([{ line: 2, message: 'FAQ1.1 缺少“解决方法:”' }]);
    expect(await readlink(config.indexDir)).toBe(before);
    expect((await readdir(dir)).filter((n) => n.startsWith('index.')).length).toBe(1);
  });
});

describe('vector search', () => {
  it('finds the same chunks with the exact sparse search (the default) as through HNSW', async () => {
    await ingest(config);
    const index = await openIndex(config.indexDir, { ...config, hnswEf: 2_000 });
    expect(searchedExactly(index.embedder.provider, index.manifest.chunks)).toBe(true); // so `auto` is the exact search
    const exact = vectorSearchOf(index, 'auto');
    const hnsw = vectorSearchOf(index, 'hnsw');
    for (const q of ['挥卡报03无效商户', '好老板app不播报了', 'refund failed', '结算款没到账怎么办']) {
      const [a, b] = [await exact(q, 20), await hnsw(q, 20)];
      // Equally similar chunks (an alternative that repeats the question) may come in either order.
      a.forEach((h, i) => expect(h.similarity).toBeCloseTo(b[i]!.similarity, 4));
      const found = (hits: typeof a) => hits.map((h) => `${h.id}/${h.kind}/${h.similarity.toFixed(4)}`).sort();
      expect(found(a)).toEqual(found(b));
    }
  });

  it('reads the vectors point by point when the index file is gone (a knowledge base two rebuilds old), with the same results', async () => {
    await ingest(config);
    const index = await openIndex(config.indexDir, config);
    const fromFile = await vectorSearchOf(index, 'auto')('挥卡报03无效商户', 10);
    const other = await openIndex(config.indexDir, config);
    await rm(path.join(other.dir, 'hnswlib.index'));
    expect(await vectorSearchOf(other, 'auto')('挥卡报03无效商户', 10)).toEqual(fromFile);
  });
});

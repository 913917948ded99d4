import { mkdir, mkdtemp, readdir, readFile, rm, truncate, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../corpus/load';
import { IndexError } from '../errors';
import { createTokenizer } from '../retrieval/tokenize';
import { TWO_ENTRY_FAQ } from '../testing/fixtures';
import { writeDirAtomically } from './atomic';
import { buildIndex } from './build';
import { assertFresh, openIndex } from './load';

const FAQ = TWO_ENTRY_FAQ;

let dir: string;
const cfg = { embeddings: { provider: 'local' as const, dim: 64 }, hnswEf: 32 };
const tokenizer = createTokenizer({ dictionary: [], synonyms: [] });

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'faq-index-'));
  await writeFile(path.join(dir, 'faq.txt'), FAQ);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const files = () => ({
  corpusFile: path.join(dir, 'faq.txt'),
  relatedFile: path.join(dir, 'none.json'),
  dictionaryFile: path.join(dir, 'none.txt'),
  synonymsFile: path.join(dir, 'none-syn.txt'),
  thesaurusFile: path.join(dir, 'none-th.txt'),
  generatedFile: path.join(dir, 'none-gen.json'),
});
const indexDir = () => path.join(dir, 'index');

async function expectIndexError(p: Promise<unknown>, code: string) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(IndexError);
  expect((err as IndexError).code).toBe(code);
  expect((err as IndexError).message).toContain('npm run ingest');
}

describe('index build and load', () => {
  it('builds, saves and loads an index that finds its entries', async () => {
    const corpus = await loadCorpus(files());
    const manifest = await buildIndex(corpus, indexDir(), { embeddings: cfg.embeddings, tokenizer });
    expect(manifest).toMatchObject({ entries: 2, rawEntries: 2, embedder: { id: 'local-ngram-tfidf-v5/d64', dim: 64 } });
    const loaded = await openIndex(indexDir(), cfg);
    expect(loaded.store.index.getEf()).toBe(32);
    const [[doc]] = [await loaded.store.similaritySearch('挥卡 无效商户', 1)];
    expect(doc!.metadata.id).toBe('FAQ1.1');
  });

  it('says the index is missing, in words that tell what to do', async () => {
    await expectIndexError(openIndex(indexDir(), cfg), 'index_missing');
  });

  it('detects an index built by another embedder', async () => {
    await buildIndex(await loadCorpus(files()), indexDir(), { embeddings: cfg.embeddings, tokenizer });
    await expectIndexError(openIndex(indexDir(), { ...cfg, embeddings: { provider: 'local', dim: 128 } }), 'index_stale');
  });

  it('detects a changed corpus', async () => {
    const manifest = await buildIndex(await loadCorpus(files()), indexDir(), { embeddings: cfg.embeddings, tokenizer });
    await writeFile(path.join(dir, 'faq.txt'), FAQ.replace('补报', '重新补报'));
    const changed = await loadCorpus(files());
    expect(() => assertFresh(manifest, changed.inputsSha256)).toThrow(IndexError);
    expect(() => assertFresh(manifest, manifest.inputsSha256)).not.toThrow();
  });

  it('detects a truncated index file as corrupt', async () => {
    await buildIndex(await loadCorpus(files()), indexDir(), { embeddings: cfg.embeddings, tokenizer });
    await truncate(path.join(indexDir(), 'hnswlib.index'), 100);
    await expectIndexError(openIndex(indexDir(), cfg), 'index_corrupt');
  });

  it('detects a missing manifest as corrupt', async () => {
    await buildIndex(await loadCorpus(files()), indexDir(), { embeddings: cfg.embeddings, tokenizer });
    await rm(path.join(indexDir(), 'manifest.json'));
    await expectIndexError(openIndex(indexDir(), cfg), 'index_corrupt');
  });
});

describe('writeDirAtomically', () => {
  it('keeps the previous version when a write fails midway', async () => {
    const target = path.join(dir, 'out');
    await writeDirAtomically(target, async (d) => {
      await mkdir(d, { recursive: true });
      await writeFile(path.join(d, 'a.txt'), 'v1');
    });
    await expect(
      writeDirAtomically(target, async (d) => {
        await mkdir(d, { recursive: true });
        await writeFile(path.join(d, 'a.txt'), 'half-written');
        throw new Error('crash');
      }),
    ).rejects.toThrow('crash');
    expect(await readFile(path.join(target, 'a.txt'), 'utf8')).toBe('v1');
    expect((await readdir(dir)).filter((n) => n.startsWith('out.'))).toHaveLength(1);
  });

  it('replaces the old version, keeps the previous one and removes older ones', async () => {
    const target = path.join(dir, 'out');
    const versions: string[] = [];
    for (const v of ['v1', 'v2', 'v3', 'v4']) {
      versions.push(
        await writeDirAtomically(target, async (d) => {
          await mkdir(d, { recursive: true });
          await writeFile(path.join(d, 'a.txt'), v);
        }),
      );
    }
    expect(await readFile(path.join(target, 'a.txt'), 'utf8')).toBe('v4');
    expect((await readdir(dir)).filter((n) => n.startsWith('out.')).sort()).toEqual(
      versions
        .slice(-2)
        .map((v) => path.basename(v))
        .sort(),
    );
  });

  it('removes the half-written directory of a crashed writer once it is old, and never one in progress', async () => {
    const target = path.join(dir, 'out');
    const write = (v: string) =>
      writeDirAtomically(target, async (d) => {
        await mkdir(d, { recursive: true });
        await writeFile(path.join(d, 'a.txt'), v);
      });
    await write('v1');
    const crashed = path.join(dir, 'out.tmp-crashed');
    const inProgress = path.join(dir, 'out.tmp-in-progress');
    for (const d of [crashed, inProgress]) await mkdir(d);
    const old = new Date(Date.now() - 120_000);
    await utimes(crashed, old, old);
    await write('v2');
    const names = await readdir(dir);
    expect(names).not.toContain('out.tmp-crashed');
    expect(names).toContain('out.tmp-in-progress');
  });

  it('replaces a plain directory left by an older layout', async () => {
    const target = path.join(dir, 'out');
    await mkdir(target);
    await writeFile(path.join(target, 'a.txt'), 'plain');
    await writeDirAtomically(target, async (d) => {
      await mkdir(d, { recursive: true });
      await writeFile(path.join(d, 'a.txt'), 'new');
    });
    expect(await readFile(path.join(target, 'a.txt'), 'utf8')).toBe('new');
  });
});

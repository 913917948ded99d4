import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Document } from '@langchain/core/documents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../corpus/load';
import type { AlternativesMap } from '../corpus/related';
import { tokenizerFor } from '../retrieval/tokenize';
import { REPO_CORPUS_FILES } from '../testing/corpus-copy';
import { appendToIndex } from './append';
import { buildIndex, hnswParamsFor, SMALL_INDEX_HNSW } from './build';
import { chunkEntry } from './chunks';
import { openIndex, type SearchIndex } from './load';

const files = REPO_CORPUS_FILES;
const cfg = { embeddings: { provider: 'local' as const, dim: 512 }, hnswEf: 64 };
const FIRST: AlternativesMap = { 'FAQ9.4': ['好老板一声不吭'] };
const MORE: AlternativesMap = { 'FAQ9.4': ['好老板一声不吭'], 'FAQ2.5': ['挥一下就报错插进去倒好了'] };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'faq-append-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function build(indexDir: string, extra: AlternativesMap, append: boolean) {
  const corpus = await loadCorpus(files, extra);
  return buildIndex(corpus, indexDir, { embeddings: cfg.embeddings, tokenizer: tokenizerFor(corpus), append });
}

/** Every chunk's vector, by the chunk's text and entry. */
function vectorsOf(index: SearchIndex): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const [label, d] of index.store.docstore._docs as Map<string, Document>) {
    out.set(`${d.metadata.id}|${d.metadata.kind}|${d.pageContent}`, index.store.index.getPoint(Number(label)));
  }
  return out;
}

describe('appending an admin’s alternative questions to the index', () => {
  it('adds only the new chunk, with the vectors and embedder a rebuild gives', async () => {
    const appended = path.join(dir, 'appended');
    const fresh = path.join(dir, 'fresh');
    expect((await build(appended, FIRST, true)).appendedChunks).toBeUndefined();
    const manifest = await build(appended, MORE, true);
    expect(manifest.appendedChunks).toBe(1);
    const rebuilt = await build(fresh, MORE, false);
    expect(rebuilt.appendedChunks).toBeUndefined();
    expect(manifest.chunks).toBe(rebuilt.chunks);
    expect(manifest.inputsSha256).toBe(rebuilt.inputsSha256);

    const [a, b] = await Promise.all([openIndex(appended, cfg, { inputsSha256: rebuilt.inputsSha256 }), openIndex(fresh, cfg)]);
    expect(a.embedder.state).toEqual(b.embedder.state);
    expect(a.entries).toEqual(b.entries);
    expect(a.glosses).toEqual(b.glosses);
    const [va, vb] = [vectorsOf(a), vectorsOf(b)];
    expect(va.size).toBe(vb.size);
    for (const [key, v] of vb) expect(va.get(key), key).toEqual(v);
    // The graph finds the new chunk too.
    const query = await a.embedder.embeddings.embedQuery('挥一下就报错插进去倒好了');
    const [doc, distance] = (await a.store.similaritySearchVectorWithScore(query, 1))[0]!;
    expect([doc.metadata.id, doc.metadata.kind, doc.pageContent, distance < 1e-6]).toEqual(['FAQ2.5', 'alternative', '挥一下就报错插进去倒好了', true]);
  });

  it('builds again when a chunk is gone or a file changed', async () => {
    const target = path.join(dir, 'rebuilds');
    await build(target, MORE, true);
    const fewer = await build(target, FIRST, true);
    expect(fewer.appendedChunks).toBeUndefined();
    expect(fewer.chunks).toBe((await build(path.join(dir, 'fewer'), FIRST, false)).chunks);
    const otherFiles = await loadCorpus({ ...files, thesaurusFile: path.join(dir, 'none.txt') }, MORE);
    const changed = await buildIndex(otherFiles, target, { embeddings: cfg.embeddings, tokenizer: tokenizerFor(otherFiles), append: true });
    expect(changed.appendedChunks).toBeUndefined();
    expect(changed.filesSha256).not.toBe(fewer.filesSha256);
  });

  it('builds again when the grown index would get another graph from a full build (past what is searched exactly)', async () => {
    const target = path.join(dir, 'grows');
    const first = await build(target, FIRST, true);
    expect(first.hnsw).toMatchObject(SMALL_INDEX_HNSW);
    const corpus = await loadCorpus(files, MORE);
    const docs = corpus.entries.flatMap(chunkEntry);
    const opts = { embeddings: cfg.embeddings, tokenizer: tokenizerFor(corpus) };
    // The one added chunk crosses the size at which a full build changes its graph: no append, the caller builds in full.
    const crossing = (chunks: number) => (chunks > first.chunks ? { m: 48, efConstruction: 200 } : SMALL_INDEX_HNSW);
    expect(await appendToIndex(corpus, docs, target, { ...opts, hnswFor: crossing }, Date.now())).toBeNull();
    // The real parameters keep this FAQ's index below that size: the chunk is appended.
    const real = (chunks: number) => hnswParamsFor(chunks, 'local');
    expect((await appendToIndex(corpus, docs, target, { ...opts, hnswFor: real }, Date.now()))?.appendedChunks).toBe(1);
  });
});

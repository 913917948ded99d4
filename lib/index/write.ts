import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import type { Corpus } from '../corpus/load';
import type { Embedder } from '../retrieval/embedder';
import { buildGlosses } from '../retrieval/glosses';
import { buildSenseLexicon } from '../retrieval/senses';
import type { Tokenizer } from '../retrieval/tokenize';
import { writeDirAtomically } from './atomic';
import type { SavedCorpus } from './load';
import { CORPUS_FILE, INDEX_FORMAT_VERSION, type IndexManifest, MANIFEST_FILE } from './manifest';

/** What writeIndex saves: the store and the corpus and embedder it was built from. */
export interface IndexVersion {
  corpus: Corpus;
  store: HNSWLib;
  embedder: Pick<Embedder, 'id' | 'provider' | 'state'>;
  hnsw: { m: number; efConstruction: number };
  chunks: number;
  /** Every chunk's text, for the glosses and the sense lexicon. */
  texts: string[];
  tokenizer: Tokenizer;
  /** false: no glosses and no sense lexicon (synthetic benchmark corpora). */
  glosses?: false;
  /** When the build started (Date.now()), for the manifest's buildMs. */
  started: number;
  /** Set when the version extends the previous one (append.ts): how many chunks it added. */
  appendedChunks?: number;
}

/** Writes one version of the index (the store, the corpus beside it, the manifest last) atomically to `indexDir`. */
export async function writeIndex(indexDir: string, v: IndexVersion): Promise<IndexManifest> {
  const { corpus, store, embedder } = v;
  // Glosses cover every word the index holds, alternative questions included (better on dev2's English than the FAQ text alone).
  const text = v.tokenizer.normalize(v.texts.join('\n'));
  const glosses = v.glosses === false ? {} : await buildGlosses(text);
  const senses = v.glosses === false ? {} : await buildSenseLexicon(text);
  const manifest: IndexManifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    corpusSha256: corpus.corpusSha256,
    inputsSha256: corpus.inputsSha256,
    filesSha256: corpus.filesSha256,
    embedder: { id: embedder.id, provider: embedder.provider, dim: store.args.numDimensions! },
    entries: corpus.entries.length,
    rawEntries: corpus.rawCount,
    chunks: v.chunks,
    hnsw: { space: 'cosine', m: v.hnsw.m, efConstruction: v.hnsw.efConstruction },
    builtAt: new Date().toISOString(),
    buildMs: 0,
    ...(v.appendedChunks === undefined ? {} : { appendedChunks: v.appendedChunks }),
  };
  await writeDirAtomically(indexDir, async (dir) => {
    await store.save(dir);
    const saved: SavedCorpus = {
      entries: corpus.entries,
      categories: corpus.categories,
      dictionary: corpus.dictionary,
      synonyms: corpus.synonyms,
      glosses,
      senses,
      embedderState: embedder.state,
    };
    await writeFile(path.join(dir, CORPUS_FILE), JSON.stringify(saved));
    manifest.buildMs = Date.now() - v.started;
    // Written last: a version directory without a manifest is incomplete by definition.
    await writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
  });
  return manifest;
}

import type { Document } from '@langchain/core/documents';
import type { AppConfig } from '../config';
import type { Corpus } from '../corpus/load';
import type { Tokenizer } from '../retrieval/tokenize';
import type { ChunkMetadata } from './chunks';
import { openIndex } from './load';
import type { IndexManifest } from './manifest';
import { writeIndex } from './write';

/** A chunk's identity: its text and metadata (the same chunk of the same entry, wherever it stands). */
const keyOf = (d: Document<ChunkMetadata>) => JSON.stringify([d.pageContent, d.metadata.id, d.metadata.kind, d.metadata.part ?? null]);

/** hnswlib's default ef: the index opened here is extended, never searched. */
const UNSEARCHED_EF = 10;

/**
 * Extends the index at `indexDir` with the chunks `docs` adds to it, when that is all that changed: the same files (so the
 * same local embedder: it is fitted on the files alone, build.ts) and every chunk it holds still there. An admin's alternative
 * question then costs one embedding and one insertion into the graph instead of a rebuild (about 1.5 s for this FAQ, on both
 * instances at once). Vectors are the ones a rebuild would compute; the new chunks stand after the old ones, and the graph
 * differs from a rebuilt one only in insertion order (an index this size is searched exactly: `searchedExactly`).
 * Returns null, for a full build, when anything else changed or the index cannot be read.
 */
export async function appendToIndex(
  corpus: Corpus,
  docs: Document<ChunkMetadata>[],
  indexDir: string,
  opts: {
    embeddings: AppConfig['embeddings'];
    tokenizer: Tokenizer;
    /** The graph parameters a full build of that many chunks would use (build.ts, hnswParamsFor). */
    hnswFor: (chunks: number) => { m: number; efConstruction: number };
  },
  started: number,
): Promise<IndexManifest | null> {
  if (opts.embeddings.provider !== 'local') return null;
  // The index there, opened as a server opens it (load.ts): none, unreadable or by another embedder, and it is built in full.
  const current = await openIndex(indexDir, { embeddings: opts.embeddings, hnswEf: UNSEARCHED_EF }).catch(() => null);
  if (!current || current.manifest.filesSha256 !== corpus.filesSha256) return null;
  const { manifest: m, store, embedder } = current;
  try {
    const held = store.docstore._docs as Map<string, Document<ChunkMetadata>>;
    // openIndex checked the graph's count against the manifest; the documents must match it too.
    if (held.size !== m.chunks) return null;
    const left = new Map<string, number>();
    for (const d of held.values()) {
      const k = keyOf(d);
      left.set(k, (left.get(k) ?? 0) + 1);
    }
    const added: Document<ChunkMetadata>[] = [];
    for (const d of docs) {
      const k = keyOf(d);
      const n = left.get(k) ?? 0;
      if (n > 0) left.set(k, n - 1);
      else added.push(d);
    }
    // A chunk gone (an alternative removed, an entry edited): the embedder's inputs are the same but the graph would keep it.
    if ([...left.values()].some((n) => n > 0)) return null;
    // An index that grows past what is searched exactly gets the graph a full build of its size would have.
    const want = opts.hnswFor(m.chunks + added.length);
    if (want.m !== m.hnsw.m || want.efConstruction !== m.hnsw.efConstruction) return null;
    const vectors = await embedder.embeddings.embedDocuments(added.map((d) => d.pageContent));
    store.index.resizeIndex(m.chunks + added.length);
    vectors.forEach((v, i) => store.index.addPoint(v, m.chunks + i));
    store.docstore.add(Object.fromEntries(added.map((d, i) => [String(m.chunks + i), d])));
    return await writeIndex(indexDir, {
      corpus,
      store,
      embedder,
      hnsw: { m: m.hnsw.m, efConstruction: m.hnsw.efConstruction },
      chunks: m.chunks + added.length,
      texts: docs.map((d) => d.pageContent),
      tokenizer: opts.tokenizer,
      started,
      appendedChunks: added.length,
    });
  } catch {
    return null;
  }
}

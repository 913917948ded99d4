import { z } from 'zod';

export const INDEX_FORMAT_VERSION = 3;

export const manifestSchema = z.object({
  formatVersion: z.literal(INDEX_FORMAT_VERSION),
  corpusSha256: z.string().length(64),
  inputsSha256: z.string().length(64),
  /** The inputs without the database's alternatives (the local embedder is fitted on these); absent in older indexes. */
  filesSha256: z.string().length(64).optional(),
  embedder: z.object({ id: z.string(), provider: z.enum(['local', 'openai']), dim: z.number().int().positive() }),
  entries: z.number().int().nonnegative(),
  rawEntries: z.number().int().nonnegative(),
  chunks: z.number().int().nonnegative(),
  hnsw: z.object({ space: z.literal('cosine'), m: z.number().int(), efConstruction: z.number().int() }),
  builtAt: z.string(),
  buildMs: z.number(),
  /** Chunks added to the previous version's graph instead of building it again (an admin's alternative questions). */
  appendedChunks: z.number().int().nonnegative().optional(),
});
export type IndexManifest = z.infer<typeof manifestSchema>;

export const MANIFEST_FILE = 'manifest.json';
/** The merged entries, categories, vocabulary and embedder state the index was built from. */
export const CORPUS_FILE = 'corpus.json';
/** Files LangChain's HNSWLib.save writes; all must be present for a usable index. */
export const HNSWLIB_FILES = ['hnswlib.index', 'args.json', 'docstore.json'] as const;

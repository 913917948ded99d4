import type { AppConfig } from '../config';
import type { Corpus } from '../corpus/load';
import type { IndexManifest } from '../index/manifest';
import type { RetrievalResult } from '../retrieval/types';

/** What the search worker needs to open an index: the same settings the main thread opened it with. */
export type SearchIndexConfig = Pick<AppConfig, 'indexDir' | 'embeddings' | 'hnswEf' | 'vectorSearch'>;

/** A retrieval as it crosses threads: every hit without its entry (the main thread has the same entries). */
export type RemoteResult = Omit<RetrievalResult, 'hits'> & { hits: (Omit<RetrievalResult['hits'][number], 'entry'> & { entry: null })[] };

/** Main thread -> search worker: open an index, retrieve over it, or build one (the worker builds the server's indexes too). */
export type SearchRequest =
  | { type: 'open'; sha: string; config: SearchIndexConfig }
  | { type: 'retrieve'; id: number; sha: string; query: string; k?: number }
  | { type: 'build'; id: number; corpus: Corpus; config: AppConfig }
  | { type: 'close' };

/** Search worker -> main thread. A null result: the worker is not on that index, or its retrieval failed (the main thread retrieves itself). */
export type SearchReply =
  | { type: 'ready' }
  | { type: 'built'; id: number; manifest: IndexManifest }
  | { type: 'build-failed'; id: number; message: string }
  | { type: 'opened'; sha: string }
  | { type: 'open-failed'; sha: string; message: string }
  | { type: 'result'; id: number; result: RemoteResult | null };

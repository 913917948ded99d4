import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import type { AppConfig } from '../config';
import type { Entry, FaqCategory } from '../corpus/schema';
import { IndexError } from '../errors';
import { createEmbedderForLoad, type Embedder, expectedEmbedderId } from '../retrieval/embedder';
import type { LocalEmbedderState } from '../retrieval/embeddings';
import type { Glosses } from '../retrieval/glosses';
import type { SenseLexicon } from '../retrieval/senses';
import { type Tokenizer, tokenizerFor } from '../retrieval/tokenize';
import { CORPUS_FILE, INDEX_FORMAT_VERSION, type IndexManifest, MANIFEST_FILE, manifestSchema } from './manifest';

/** What the index directory keeps beside the vectors, so it can be served without re-reading the FAQ. */
export interface SavedCorpus {
  entries: Entry[];
  categories: FaqCategory[];
  dictionary: string[];
  synonyms: string[][];
  /** English -> Chinese glosses of the corpus's words (CC-CEDICT). */
  glosses?: Glosses;
  /** Chinese words -> the English sense stems they share with the corpus (CC-CEDICT). */
  senses?: SenseLexicon;
  embedderState?: LocalEmbedderState;
}

export interface SearchIndex {
  dir: string;
  manifest: IndexManifest;
  store: HNSWLib;
  embedder: Embedder;
  tokenizer: Tokenizer;
  glosses: Glosses;
  senses: SenseLexicon;
  entries: Entry[];
  categories: FaqCategory[];
  /** How queries search the vectors (config VECTOR_SEARCH). */
  vectorSearch: AppConfig['vectorSearch'];
}

const INGEST_HINT = '请运行 npm run ingest 重新构建索引';

/** Why an index could not be opened, without the hint to run ingest: for a message that reports it was rebuilt already. */
export function withoutIngestHint(message: string): string {
  return message.replace(`,${INGEST_HINT}。`, '');
}

/**
 * Opens a saved index. Throws IndexError: `index_missing` when there is none,
 * `index_corrupt` when its files are unreadable, `index_stale` when it was built
 * by another embedder or (given `inputsSha256`) from other inputs, found from the manifest
 * before anything heavy is loaded. All reads go to one resolved version directory, so a
 * concurrent rebuild cannot mix files of two versions.
 */
export async function openIndex(
  indexDir: string,
  cfg: { embeddings: AppConfig['embeddings']; hnswEf: number; vectorSearch?: AppConfig['vectorSearch'] },
  opts: { inputsSha256?: string } = {},
): Promise<SearchIndex> {
  const dir = await realpath(indexDir).catch(() => null);
  if (!dir) throw new IndexError('index_missing', `索引不存在(${indexDir}),${INGEST_HINT}。`);
  let raw: unknown;
  let manifest: IndexManifest;
  try {
    raw = JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8'));
  } catch (cause) {
    throw new IndexError('index_corrupt', `索引文件不完整或已损坏,${INGEST_HINT}。`, { cause });
  }
  const version = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version !== INDEX_FORMAT_VERSION) {
    throw new IndexError('index_stale', `索引由旧版本程序构建(格式 ${version},当前为 ${INDEX_FORMAT_VERSION}),${INGEST_HINT}。`);
  }
  try {
    manifest = manifestSchema.parse(raw);
  } catch (cause) {
    throw new IndexError('index_corrupt', `索引文件不完整或已损坏,${INGEST_HINT}。`, { cause });
  }
  const expected = expectedEmbedderId(cfg.embeddings);
  if (manifest.embedder.id !== expected) {
    throw new IndexError('index_stale', `索引由其他向量模型(${manifest.embedder.id})构建,当前配置为 ${expected},${INGEST_HINT}。`, {
      detail: { built: manifest.embedder.id, expected },
    });
  }
  if (opts.inputsSha256 !== undefined) assertFresh(manifest, opts.inputsSha256);
  try {
    const saved = JSON.parse(await readFile(path.join(dir, CORPUS_FILE), 'utf8')) as SavedCorpus;
    const tokenizer = tokenizerFor({ dictionary: saved.dictionary ?? [], synonyms: saved.synonyms ?? [] });
    const embedder = createEmbedderForLoad(cfg.embeddings, saved.embedderState, tokenizer);
    const store = await HNSWLib.load(dir, embedder.embeddings);
    if (store.index.getCurrentCount() !== manifest.chunks || saved.entries.length !== manifest.entries) {
      throw new Error(`count mismatch: ${store.index.getCurrentCount()} vectors, manifest says ${manifest.chunks}`);
    }
    // HNSWLib.load leaves ef at hnswlib's default of 10, too low for good recall.
    store.index.setEf(cfg.hnswEf);
    return {
      dir,
      manifest,
      store,
      embedder,
      tokenizer,
      glosses: saved.glosses ?? {},
      senses: saved.senses ?? {},
      entries: saved.entries,
      categories: saved.categories,
      vectorSearch: cfg.vectorSearch ?? 'auto',
    };
  } catch (cause) {
    if (cause instanceof IndexError) throw cause;
    throw new IndexError('index_corrupt', `索引文件不完整或已损坏,${INGEST_HINT}。`, { cause });
  }
}

/** Throws `index_stale` when the FAQ or its companion files changed since the index was built. */
export function assertFresh(manifest: IndexManifest, inputsSha256: string): void {
  if (manifest.inputsSha256 !== inputsSha256) {
    throw new IndexError('index_stale', `FAQ 或相似问题已修改,索引已过期,${INGEST_HINT}。`, {
      detail: { built: manifest.inputsSha256, current: inputsSha256 },
    });
  }
}

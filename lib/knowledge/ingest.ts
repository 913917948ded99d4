import type { AppConfig } from '../config';
import { type Corpus, loadCorpus } from '../corpus/load';
import type { AlternativesMap } from '../corpus/related';
import { IndexError } from '../errors';
import { type BuildOptions, buildIndex } from '../index/build';
import { openIndex, withoutIngestHint } from '../index/load';
import type { IndexManifest } from '../index/manifest';
import { createTokenizer } from '../retrieval/tokenize';
import { type KnowledgeBase, knowledgeBaseFrom } from './knowledge-base';

/** Writes a fresh index for a corpus already read; what `npm run ingest` does after reading. */
export async function buildCorpusIndex(corpus: Corpus, config: AppConfig, onProgress?: BuildOptions['onProgress']): Promise<IndexManifest> {
  const tokenizer = createTokenizer(corpus);
  return buildIndex(corpus, config.indexDir, { embeddings: config.embeddings, tokenizer, onProgress });
}

/** Reads the corpus and writes a fresh index; what `npm run ingest` does. */
export async function ingest(
  config: AppConfig,
  opts: { onProgress?: BuildOptions['onProgress']; extraAlternatives?: AlternativesMap } = {},
): Promise<{ corpus: Corpus; manifest: IndexManifest }> {
  const corpus = await loadCorpus(config, opts.extraAlternatives);
  const manifest = await buildCorpusIndex(corpus, config, opts.onProgress);
  return { corpus, manifest };
}

/**
 * Opens the index for a corpus already read, checking it is fresh. A missing, corrupt or
 * stale index is rebuilt when the embedder is local (seconds, offline); with a remote
 * embedder it is an IndexError telling the user to run ingest. `rebuilt` says why it was rebuilt.
 * `build` writes the index (the running server's knowledge service builds in a worker thread).
 */
export async function openKnowledgeBase(
  corpus: Corpus,
  config: AppConfig,
  build: (corpus: Corpus, config: AppConfig) => Promise<IndexManifest> = buildCorpusIndex,
): Promise<{ kb: KnowledgeBase; rebuilt?: string }> {
  let reason: string;
  try {
    const index = await openIndex(config.indexDir, config, { inputsSha256: corpus.inputsSha256 });
    return { kb: knowledgeBaseFrom(index) };
  } catch (e) {
    if (!(e instanceof IndexError) || config.embeddings.provider !== 'local') throw e;
    // It is rebuilt now: the reason, not the hint to run ingest.
    reason = withoutIngestHint(e.message);
  }
  await build(corpus, config);
  return { kb: knowledgeBaseFrom(await openIndex(config.indexDir, config)), rebuilt: reason };
}

/** Reads the corpus and opens (or, with the local embedder, rebuilds) its index. */
export async function loadKnowledgeBase(config: AppConfig, extraAlternatives: AlternativesMap = {}): Promise<{ kb: KnowledgeBase; rebuilt?: string }> {
  return openKnowledgeBase(await loadCorpus(config, extraAlternatives), config);
}

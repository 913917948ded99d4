import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { OpenAIEmbeddings } from '@langchain/openai';
import type { AppConfig } from '../config';
import { fitLocalEmbedder, type LocalEmbedderState, LocalHashEmbeddings, localEmbedderId } from './embeddings';
import type { Tokenizer } from './tokenize';

export interface Embedder {
  /** Identifies the embedding space, recorded in the manifest. */
  id: string;
  provider: 'local' | 'openai';
  embeddings: EmbeddingsInterface;
  /** Present for the local embedder: saved with the index so queries embed the same way. */
  state?: LocalEmbedderState;
}

/** The configured embedder's id before any fitting, to compare with a saved manifest. */
export function expectedEmbedderId(cfg: AppConfig['embeddings']): string {
  return cfg.provider === 'local' ? localEmbedderId(cfg.dim) : `openai/${cfg.model}`;
}

/** For a new index: fits the local embedder on the texts, or returns the OpenAI-compatible one. */
export function createEmbedderForBuild(cfg: AppConfig['embeddings'], texts: string[], tokenizer: Tokenizer): Embedder {
  if (cfg.provider === 'local') {
    const emb = new LocalHashEmbeddings(fitLocalEmbedder(texts, cfg.dim, tokenizer), tokenizer);
    return { id: emb.id, provider: 'local', embeddings: emb, state: emb.state };
  }
  return { id: expectedEmbedderId(cfg), provider: 'openai', embeddings: openAIEmbeddings(cfg) };
}

/** For a saved index: rebuilds the embedder from its saved state. */
export function createEmbedderForLoad(cfg: AppConfig['embeddings'], state: LocalEmbedderState | undefined, tokenizer: Tokenizer): Embedder {
  if (cfg.provider === 'local') {
    if (!state) throw new Error('local embedder state missing from index');
    const emb = new LocalHashEmbeddings(state, tokenizer);
    return { id: emb.id, provider: 'local', embeddings: emb, state };
  }
  return { id: expectedEmbedderId(cfg), provider: 'openai', embeddings: openAIEmbeddings(cfg) };
}

function openAIEmbeddings(cfg: Extract<AppConfig['embeddings'], { provider: 'openai' }>): OpenAIEmbeddings {
  return new OpenAIEmbeddings({
    model: cfg.model,
    apiKey: cfg.apiKey ?? 'not-needed',
    configuration: cfg.baseURL ? { baseURL: cfg.baseURL } : undefined,
    maxRetries: 2,
  });
}

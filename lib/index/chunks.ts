import { Document } from '@langchain/core/documents';
import type { Entry } from '../corpus/schema';

export type ChunkKind = 'entry' | 'question' | 'alternative';

export interface ChunkMetadata {
  /** Canonical entry id; every chunk of an entry carries it. */
  id: string;
  category: string;
  kind: ChunkKind;
  part?: number;
}

/** Answers longer than this are split into parts, each prefixed with the question. */
export const MAX_CHUNK_CHARS = 600;

function splitLong(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const parts: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    if (current && current.length + line.length + 1 > max) {
      parts.push(current);
      current = '';
    }
    // A single line longer than max is cut hard; FAQ answers rarely have one.
    for (let i = 0; i < line.length; i += max) {
      const piece = line.slice(i, i + max);
      current = current ? `${current}\n${piece}` : piece;
      if (current.length >= max) {
        parts.push(current);
        current = '';
      }
    }
  }
  if (current) parts.push(current);
  return parts;
}

/**
 * The chunks indexed for one entry: the whole entry (category, question, answer;
 * split when very long), its question alone, and each alternative question, so a short
 * colloquial query can meet a short alternative question.
 */
export function chunkEntry(entry: Entry): Document<ChunkMetadata>[] {
  const meta = (kind: ChunkKind, part?: number): ChunkMetadata => ({
    id: entry.id,
    category: entry.category.name,
    kind,
    ...(part === undefined ? {} : { part }),
  });
  const answerParts = splitLong(entry.solution, MAX_CHUNK_CHARS);
  const docs = answerParts.map(
    (part, i) =>
      new Document({ pageContent: `${entry.category.name}\n${entry.question}\n${part}`, metadata: meta('entry', answerParts.length > 1 ? i : undefined) }),
  );
  docs.push(new Document({ pageContent: entry.question, metadata: meta('question') }));
  for (const r of entry.alternatives) docs.push(new Document({ pageContent: r, metadata: meta('alternative') }));
  return docs;
}

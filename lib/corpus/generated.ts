import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CorpusIssue } from '../errors';
import type { AlternativesMap } from './related';
import type { FaqEntry } from './schema';

/**
 * The generated alternative questions file (`npm run enrich`), kept apart from the hand-kept
 * corpus/related.json so a reviewer sees them in git and the generator never touches hand edits.
 * Each entry remembers a hash of the question and solution it was generated from: an entry
 * already done is skipped (a reviewer's deletions stay deleted) until its text changes.
 */
export const generatedFileSchema = z.object({
  version: z.literal(1),
  entries: z.record(
    z.string().regex(/^FAQ\d+\.\d+$/),
    z.object({ source: z.string(), model: z.string(), prompt: z.string(), generatedAt: z.string(), questions: z.array(z.string()) }),
  ),
});
export type GeneratedFile = z.infer<typeof generatedFileSchema>;

export const EMPTY_GENERATED: GeneratedFile = { version: 1, entries: {} };

/** The hash an entry's generated questions are tied to. */
export function sourceHash(e: Pick<FaqEntry, 'question' | 'solution'>): string {
  return createHash('sha256').update(`${e.question}\u0000${e.solution}`).digest('hex').slice(0, 16);
}

/** Parses the generated file; pure. */
export function parseGenerated(text: string): { generated: GeneratedFile; errors: CorpusIssue[] } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { generated: EMPTY_GENERATED, errors: [{ line: 1, message: `不是合法的 JSON:${(e as Error).message}` }] };
  }
  const parsed = generatedFileSchema.safeParse(json);
  if (!parsed.success) return { generated: EMPTY_GENERATED, errors: parsed.error.issues.map((i) => ({ line: 1, message: `${i.path.join('.')}: ${i.message}` })) };
  return { generated: parsed.data, errors: [] };
}

/**
 * The generated questions as alternatives, each on the entry whose text they were generated from: the one under their id if its
 * text has not changed since, else the one entry that now has that text (an entry renumbered, round 26). Questions whose text
 * no entry has any more are left out until `npm run enrich` runs again.
 */
export function generatedAlternatives(generated: GeneratedFile, entries: FaqEntry[]): AlternativesMap {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const bySource = new Map<string, string | null>();
  for (const e of entries) {
    const h = sourceHash(e);
    bySource.set(h, bySource.has(h) ? null : e.id);
  }
  const out: AlternativesMap = {};
  for (const [id, g] of Object.entries(generated.entries)) {
    const e = byId.get(id);
    const to = e && g.source === sourceHash(e) ? id : bySource.get(g.source);
    if (to) out[to] = [...(out[to] ?? []), ...g.questions];
  }
  return out;
}

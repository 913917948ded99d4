import { readFile, rename, writeFile } from 'node:fs/promises';
import { EMPTY_GENERATED, type GeneratedFile, parseGenerated, sourceHash } from '../corpus/generated';
import { type Entry, normalizeForDedup, titleOf } from '../corpus/schema';
import { CorpusError } from '../errors';
import { buildEnrichPromptV1, ENRICH_PROMPT_VERSION } from '../llm/enrich-prompt';
import type { LlmClient } from '../llm/types';

export interface EnrichOptions {
  /** Questions asked for per entry. */
  count: number;
  /** Regenerate entries already done (hand deletions are lost for them). */
  force?: boolean;
  /** Only these entry ids. */
  ids?: string[];
  /** Entries generated at once. */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface EnrichReport {
  generated: string[];
  skipped: string[];
  failed: { id: string; reason: string }[];
  questions: number;
}

/** The model's reply as questions: one per line, numbering and quotes stripped, short and long lines dropped. */
export function parseQuestions(reply: string): string[] {
  return reply
    .split('\n')
    .map((l) =>
      l
        .replace(/^\s*(\d+[.、)]|[-*•]|[((]\d+[))])\s*/, '')
        .replace(/^["“「]|["”」]$/g, '')
        .trim(),
    )
    .filter((l) => [...l].length >= 3 && [...l].length <= 120);
}

/** Reads the generated file; a missing file is empty, a malformed one is an error (it is never overwritten). */
export async function readGenerated(file: string): Promise<GeneratedFile> {
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(e)));
  if (text === null) return structuredClone(EMPTY_GENERATED);
  const { generated, errors } = parseGenerated(text);
  if (errors.length) throw new CorpusError(errors, file);
  return generated;
}

async function writeAtomically(file: string, data: GeneratedFile): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, `${JSON.stringify(data, null, 2)}\n`);
  await rename(tmp, file);
}

/**
 * Generates alternative questions for the entries with the configured model and writes them to
 * the generated file (after every entry, atomically, so an interrupted run keeps what it did).
 * Entries already generated from their current text are skipped unless `force`; questions equal
 * to a question or alternative of another entry are dropped (they would lead to both).
 */
export async function enrichEntries(entries: Entry[], file: string, llm: LlmClient, opts: EnrichOptions): Promise<EnrichReport> {
  const data = await readGenerated(file);
  const report: EnrichReport = { generated: [], skipped: [], failed: [], questions: 0 };
  const owner = new Map<string, string>();
  for (const e of entries) for (const q of [e.question, ...e.alternatives]) owner.set(normalizeForDedup(q), e.id);
  const todo = entries.filter((e) => {
    if (opts.ids && !e.ids.some((id) => opts.ids!.includes(id))) return false;
    const done = data.entries[e.id]?.source === sourceHash(e);
    if (done && !opts.force) report.skipped.push(e.id);
    return !done || opts.force;
  });
  let next = 0;
  let finished = 0;
  const work = async () => {
    while (next < todo.length) {
      const e = todo[next++]!;
      try {
        const prompt = buildEnrichPromptV1({ category: e.category.name, question: titleOf(e), solution: e.solution, count: opts.count });
        const seen = new Set<string>();
        const questions = parseQuestions(await llm.generate(prompt)).filter((q) => {
          const key = normalizeForDedup(q);
          const taken = owner.get(key);
          if (seen.has(key) || (taken !== undefined && taken !== e.id)) return false;
          seen.add(key);
          return true;
        });
        data.entries[e.id] = { source: sourceHash(e), model: llm.model, prompt: ENRICH_PROMPT_VERSION, generatedAt: new Date().toISOString(), questions };
        report.generated.push(e.id);
        report.questions += questions.length;
        await writeAtomically(file, data);
      } catch (err) {
        report.failed.push({ id: e.id, reason: err instanceof Error ? err.message : String(err) });
      }
      opts.onProgress?.(++finished, todo.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 2) }, work));
  return report;
}

import { readFile, writeFile } from 'node:fs/promises';
import type { AppConfig } from '../config';
import { alternativesOn, alternativesOnFaq } from '../corpus/entry-key';
import { parseFaq } from '../corpus/parse';
import { type AlternativesMap, parseAlternatives } from '../corpus/related';
import { idNumbers } from '../corpus/schema';
import { CorpusError } from '../errors';
import { createStore } from '../store/store';

/** FAQ ids in reading order: FAQ2.10 after FAQ2.9. */
function byId(a: string, b: string): number {
  const [x1, y1] = idNumbers(a);
  const [x2, y2] = idNumbers(b);
  return x1 - x2 || y1 - y2;
}

/** The related-questions file with `extra` merged in (pure): existing entries keep their order, new questions go last. */
export function mergeRelated(current: AlternativesMap, extra: AlternativesMap): { merged: AlternativesMap; added: number } {
  const merged: AlternativesMap = {};
  let added = 0;
  for (const id of [...new Set([...Object.keys(current), ...Object.keys(extra)])].sort(byId)) {
    const list = [...(current[id] ?? [])];
    for (const q of extra[id] ?? []) {
      if (!list.includes(q)) {
        list.push(q);
        added++;
      }
    }
    merged[id] = list;
  }
  return { merged, added };
}

/**
 * `npm run kb:export`: writes the alternatives added in the database into the related-questions
 * file, for review in git. The database keeps them; a file that already has them is unchanged.
 */
export async function exportAlternatives(
  config: Pick<AppConfig, 'store' | 'relatedFile' | 'corpusFile'>,
): Promise<{ added: number; entries: number; file: string }> {
  const store = createStore(config.store);
  try {
    // Each on the entry it follows now (entry-key.ts); by the id it was added to when the FAQ cannot be read.
    const rows = await store.alternatives();
    const faq = await readFile(config.corpusFile, 'utf8').then(parseFaq, () => null);
    const extra =
      faq && faq.errors.length === 0
        ? alternativesOnFaq(rows, faq.entries).alternatives
        : alternativesOn(
            rows.map((r) => ({ ...r, entryKey: null })),
            [],
          ).alternatives;
    const text = await readFile(config.relatedFile, 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return '{}';
      throw e;
    });
    const current = parseAlternatives(text);
    if (current.errors.length) throw new CorpusError(current.errors, config.relatedFile);
    const { merged, added } = mergeRelated(current.alternatives, extra);
    if (added > 0) await writeFile(config.relatedFile, `${JSON.stringify(merged, null, 2)}\n`);
    return { added, entries: Object.keys(extra).length, file: config.relatedFile };
  } finally {
    await store.close();
  }
}

import { copyFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** The input files of a knowledge base, as copied into a test's directory. */
export interface CorpusCopy {
  faq: string;
  related: string;
  dictionary: string;
  synonyms: string;
  thesaurus: string;
  /** The environment that points a runtime or a server at the copies (and at `dir/index`). */
  env: Record<string, string>;
}

/** Copies the real corpus files into `dir`, so a test can edit them under a running runtime or server. */
export async function copyCorpus(dir: string): Promise<CorpusCopy> {
  const files = { faq: 'faq.txt', related: 'related.json', dictionary: 'dictionary.txt', synonyms: 'synonyms.txt', thesaurus: 'thesaurus.txt' };
  for (const name of Object.values(files)) await copyFile(path.join(root, 'corpus', name), path.join(dir, name));
  const at = (name: string) => path.join(dir, name);
  return {
    faq: at(files.faq),
    related: at(files.related),
    dictionary: at(files.dictionary),
    synonyms: at(files.synonyms),
    thesaurus: at(files.thesaurus),
    env: {
      CORPUS_FILE: at(files.faq),
      RELATED_FILE: at(files.related),
      DICTIONARY_FILE: at(files.dictionary),
      SYNONYMS_FILE: at(files.synonyms),
      THESAURUS_FILE: at(files.thesaurus),
      // No generated alternatives in the copy: the file is optional, and a test writes one where it needs it.
      GENERATED_FILE: at('related.generated.json'),
      INDEX_DIR: at('index'),
    },
  };
}

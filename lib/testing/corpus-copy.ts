import { copyFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** The repository's own corpus files, read in place (for tests that only read them). */
export const REPO_CORPUS_FILES = {
  corpusFile: path.join(root, 'corpus/faq.txt'),
  relatedFile: path.join(root, 'corpus/related.json'),
  dictionaryFile: path.join(root, 'corpus/dictionary.txt'),
  synonymsFile: path.join(root, 'corpus/synonyms.txt'),
  thesaurusFile: path.join(root, 'corpus/thesaurus.txt'),
  generatedFile: path.join(root, 'corpus/related.generated.json'),
};

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

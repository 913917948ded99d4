import { gramFit } from './gram-fit';
import type { AlternativesMap } from './related';
import type { CorpusWarning, FaqEntry } from './schema';

/**
 * At or above this mean rank (as a share of the entries) of an entry among those its alternatives read most like, a
 * related-questions file was written for another FAQ: by chance the mean is about half. This FAQ's own file scores 0.00, its
 * English and pinyin alternatives alone 0.12, one alternative per entry that does not find its entry on its own 0.05; this
 * file read against the other FAQs in evals/transfer 0.39–0.53 (round 21).
 */
const FOREIGN_MEAN_RANK = 0.25;
/** With fewer entries to look at, chance decides the mean: the file is trusted. */
const FIT_MIN_CHECKED = 5;
/** At most this many entries are looked at, spread over the file: the check stays quick on a very large FAQ. */
const FIT_MAX_CHECKED = 300;

export interface AlternativesFit {
  /** Entries of the FAQ that the file gives alternatives for, as many as were looked at. */
  checked: number;
  /** The mean, over those, of the number of entries the alternatives read more like than their own, as a share of the others. */
  meanRank: number;
  fits: boolean;
}

/**
 * Whether a related-questions file belongs to this FAQ. Its keys are bare ids (FAQ1.2), and every FAQ in the format has
 * them, so a file written for another FAQ attaches its questions to entries they do not describe. Alternatives of the right
 * FAQ read more like their own entry than like most others, even ones in English or in words the entry does not use; another
 * FAQ's rank their entry anywhere. Pure; no tokenizer, so it works for any FAQ before anything is built.
 */
export function alternativesFit(entries: FaqEntry[], alternatives: AlternativesMap): AlternativesFit {
  const fit = gramFit(entries);
  const given = entries.flatMap((e, i) => (alternatives[e.id]?.length ? [i] : []));
  const step = Math.max(1, given.length / FIT_MAX_CHECKED);
  const looked = given.filter((_, k) => Math.floor(k / step) !== Math.floor((k - 1) / step));
  let rankSum = 0;
  for (const i of looked) {
    const relative = fit(alternatives[entries[i]!.id]!);
    // Ties count for the entry: alternatives that share nothing with any entry say nothing against the file.
    rankSum += relative.filter((s) => s > relative[i]!).length / Math.max(1, entries.length - 1);
  }
  const meanRank = looked.length ? rankSum / looked.length : 0;
  return { checked: looked.length, meanRank, fits: looked.length < FIT_MIN_CHECKED || meanRank < FOREIGN_MEAN_RANK };
}

/** The warning for a related-questions file that was set aside because it belongs to another FAQ. */
export function foreignAlternativesWarning(fit: AlternativesFit): CorpusWarning {
  return {
    kind: 'foreign_related',
    line: 1,
    ids: [],
    message: `相似问题文件与当前 FAQ 不匹配(${fit.checked} 个条目的相似问题与条目本身并不比与其他条目更相近),可能是为另一份 FAQ 编写的,已整体忽略`,
  };
}

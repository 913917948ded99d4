import { z } from 'zod';

export const faqCategorySchema = z.object({
  /** e.g. "FAQ2" */
  id: z.string().regex(/^FAQ\d+$/),
  /** e.g. "普通POS类" */
  name: z.string().min(1),
});
export type FaqCategory = z.infer<typeof faqCategorySchema>;

export const faqEntrySchema = z.object({
  /** e.g. "FAQ2.5" */
  id: z.string().regex(/^FAQ\d+\.\d+$/),
  category: faqCategorySchema,
  question: z.string(),
  /** Empty when the FAQ gives no solution (see `hasAnswer`). */
  answer: z.string(),
  /** 1-based line of the entry's `FAQn.m` header in the source file. */
  line: z.number().int().positive(),
});
export type FaqEntry = z.infer<typeof faqEntrySchema>;

/**
 * An entry as the knowledge base serves it: identical entries are merged
 * into one canonical entry that remembers every id it stands for.
 */
export interface KbEntry extends FaqEntry {
  /** All ids with this exact question and answer, canonical id first. */
  ids: string[];
  /** Alternative questions and keywords from the related-questions file. */
  related: string[];
}

export type CorpusWarningKind = 'duplicate' | 'empty_answer' | 'numbering_gap' | 'empty_category' | 'unknown_related_id';

export interface CorpusWarning {
  kind: CorpusWarningKind;
  line: number;
  ids: string[];
  message: string;
}

/** What every user-visible answer says for an entry whose solution is empty. */
export const NO_SOLUTION_TEXT = 'FAQ 中未提供该问题的解决方法,请联系通联业务同事确认。';

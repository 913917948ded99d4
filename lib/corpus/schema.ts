import { z } from 'zod';

export const faqCategorySchema = z.object({
  /** e.g. "FAQ2" */
  id: z.string().regex(/^FAQ\d+$/),
  /** e.g. "普通POS类" */
  name: z.string().min(1),
});
export type FaqCategory = z.infer<typeof faqCategorySchema>;

/** One entry as the FAQ file has it. */
export const faqEntrySchema = z.object({
  /** e.g. "FAQ2.5" */
  id: z.string().regex(/^FAQ\d+\.\d+$/),
  category: faqCategorySchema,
  /** 问题描述 */
  question: z.string(),
  /** 解决方法; empty when the FAQ gives none. */
  solution: z.string(),
  /** 1-based line of the entry's `FAQn.m` header in the source file. */
  line: z.number().int().positive(),
});
export type FaqEntry = z.infer<typeof faqEntrySchema>;

/**
 * An entry as the knowledge base serves it: identical entries are merged into one
 * canonical entry that remembers every id it stands for, with its alternative questions.
 */
export interface Entry extends FaqEntry {
  /** All ids with this exact question and solution, canonical id first. */
  ids: string[];
  /** Alternative questions and keywords (corpus/related.json and the admin's additions). */
  alternatives: string[];
}

export type CorpusWarningKind =
  | 'duplicate'
  | 'same_question'
  | 'empty_answer'
  | 'numbering_gap'
  | 'empty_category'
  | 'unknown_related_id'
  | 'alternative_collision'
  | 'foreign_related'
  | 'renumbered_related';

export interface CorpusWarning {
  kind: CorpusWarningKind;
  line: number;
  ids: string[];
  message: string;
}

/** The key under which two entries count as the same: question and solution, whitespace and width ignored. */
export function duplicateKey(e: Pick<FaqEntry, 'question' | 'solution'>): string {
  return `${normalizeForDedup(e.question)}\u0000${normalizeForDedup(e.solution)}`;
}

export function normalizeForDedup(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** An entry id's category and entry numbers (FAQ2.10 → [2, 10]). */
export function idNumbers(id: string): [number, number] {
  return id.slice(3).split('.').map(Number) as [number, number];
}

/** The first line of an entry's question, as titles and links show it. */
export function titleOf(e: Pick<FaqEntry, 'question'>): string {
  return e.question.split('\n')[0]!;
}

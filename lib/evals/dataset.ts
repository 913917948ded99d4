import { z } from 'zod';
import type { CorpusIssue } from '../errors';

export const EVAL_KINDS = [
  'verbatim',
  'paraphrase',
  'colloquial',
  'error_code',
  'typo_mixed',
  'english',
  'follow_up',
  'out_of_scope',
  'injection',
  'duplicate',
  'empty_answer',
] as const;

export const evalCaseSchema = z.object({
  question: z.string().trim().min(1),
  /** Any one of these ids counts as correct; [] means the FAQ does not cover the question. */
  expected: z.array(z.string().regex(/^FAQ\d+\.\d+$/)),
  kind: z.string().min(1),
  history: z.array(z.object({ role: z.enum(['user', 'assistant']), text: z.string() })).optional(),
});
export type EvalCase = z.infer<typeof evalCaseSchema>;

/** Parses a JSONL dataset; every bad line is reported with its number. Pure. */
export function parseDataset(text: string): { cases: EvalCase[]; errors: CorpusIssue[] } {
  const cases: EvalCase[] = [];
  const errors: CorpusIssue[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return void errors.push({ line: i + 1, message: '不是合法的 JSON' });
    }
    const parsed = evalCaseSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return void errors.push({ line: i + 1, message: `${issue.path.join('.') || '整行'}:${issue.message}` });
    }
    cases.push(parsed.data);
  });
  if (cases.length === 0 && errors.length === 0) errors.push({ line: 1, message: '数据集中没有任何用例' });
  return { cases, errors };
}

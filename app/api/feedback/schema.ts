import { z } from 'zod';
import { BadRequestError } from '@/lib/errors';
import { FEEDBACK_REASONS, type Feedback } from '@/lib/store/types';
import { cleanTyped, hasControlCharacters } from '@/lib/text/typed-text';

const feedbackSchema = z.object({
  exchangeId: z
    .string()
    .min(1)
    .max(100)
    .refine((id) => !hasControlCharacters(id)),
  vote: z.union([z.literal(1), z.literal(-1)]),
  reason: z.enum(FEEDBACK_REASONS).nullish(),
  comment: z.string().max(1000).nullish(),
});

/** `{ exchangeId, vote: 1 | -1, reason?, comment? }`; a 👎 may say why. */
export function parseFeedback(body: unknown): { exchangeId: string; feedback: Feedback } {
  const parsed = feedbackSchema.safeParse(body);
  if (!parsed.success)
    throw new BadRequestError(`反馈格式错误:需要 { exchangeId, vote: 1 或 -1, reason?, comment? },reason 只能是 ${FEEDBACK_REASONS.join('、')} 之一。`);
  const { exchangeId, vote, reason, comment } = parsed.data;
  // A comment is typed text: control characters dropped, as the question's are (a NUL cannot be stored).
  return { exchangeId, feedback: { vote, reason: reason ?? null, comment: (comment && cleanTyped(comment)) || null } };
}

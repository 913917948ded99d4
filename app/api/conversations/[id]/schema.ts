import { z } from 'zod';
import { BadRequestError } from '@/lib/errors';
import { TITLE_CHARS } from '@/lib/store/types';

const renameSchema = z.object({
  title: z
    .string()
    .transform((t) => t.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1).max(TITLE_CHARS)),
});

/** `{ title }`: the new name of a conversation, one line of 1–40 characters (runs of white space read as one space). */
export function parseRename(body: unknown): { title: string } {
  const parsed = renameSchema.safeParse(body);
  if (!parsed.success) throw new BadRequestError(`对话名称格式错误:需要 { title },1–${TITLE_CHARS} 个字。`);
  return parsed.data;
}

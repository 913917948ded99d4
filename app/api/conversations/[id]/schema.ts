import { z } from 'zod';
import { BadRequestError } from '@/lib/errors';
import { cleanTitle, TITLE_CHARS } from '@/lib/text/conversation-title';

const renameSchema = z.object({
  title: z.string().transform(cleanTitle).pipe(z.string().min(1).max(TITLE_CHARS)),
});

/** `{ title }`: the new name of a conversation, one line of 1–40 characters once cleaned (lib/text/conversation-title.ts). */
export function parseRename(body: unknown): { title: string } {
  const parsed = renameSchema.safeParse(body);
  if (!parsed.success) throw new BadRequestError(`对话名称格式错误:需要 { title },1–${TITLE_CHARS} 个字。`);
  return parsed.data;
}

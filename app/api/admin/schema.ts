import { z } from 'zod';
import { BadRequestError } from '@/lib/errors';
import type { DateRange } from '@/lib/store/types';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Days are the users' (China Standard Time): `from` starts at its midnight, `to` ends at its last instant. */
export function parseRange(params: URLSearchParams): DateRange {
  const from = params.get('from');
  const to = params.get('to');
  if ((from && !day.safeParse(from).success) || (to && !day.safeParse(to).success)) throw new BadRequestError('日期格式应为 YYYY-MM-DD。');
  return {
    from: from ? new Date(`${from}T00:00:00+08:00`) : undefined,
    to: to ? new Date(`${to}T23:59:59.999+08:00`) : undefined,
  };
}

const ids = z.array(z.string().min(1).max(100)).min(1).max(5_000);

const attachSchema = z.object({
  entryId: z.string().regex(/^FAQ\d+\.\d+$/i),
  questions: z.array(z.string().min(1).max(2_000)).min(1).max(500),
  exchangeIds: ids,
});

/** `{ entryId: "FAQ2.5", questions: [...], exchangeIds: [...] }` */
export function parseAttach(body: unknown): z.infer<typeof attachSchema> {
  const parsed = attachSchema.safeParse(body);
  if (!parsed.success) throw new BadRequestError('请求格式错误:需要 { entryId: "FAQx.y", questions: [问题], exchangeIds: [编号] }。');
  return { ...parsed.data, entryId: parsed.data.entryId.toUpperCase() };
}

/** `{ exchangeIds: [...] }` */
export function parseExchangeIds(body: unknown): string[] {
  const parsed = z.object({ exchangeIds: ids }).safeParse(body);
  if (!parsed.success) throw new BadRequestError('请求格式错误:需要 { exchangeIds: [编号] }。');
  return parsed.data.exchangeIds;
}

/** `{ password }` */
export function parsePassword(body: unknown): unknown {
  return z.object({ password: z.unknown() }).safeParse(body).data?.password;
}

import { z } from 'zod';
import { BadRequestError } from '@/lib/errors';
import type { DateRange } from '@/lib/store/types';
import { cleanTyped, hasControlCharacters } from '@/lib/text/typed-text';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Whether `YYYY-MM-DD` names a day of the calendar (not 2026-13-01 or 2026-02-30, which Date would roll over). */
function isCalendarDay(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Days are the users' (China Standard Time): `from` starts at its midnight, `to` ends at its last instant. */
export function parseRange(params: URLSearchParams): DateRange {
  const from = params.get('from');
  const to = params.get('to');
  for (const v of [from, to]) {
    if (v && !(day.safeParse(v).success && isCalendarDay(v))) throw new BadRequestError(`日期“${v.slice(0, 20)}”无效,应为 YYYY-MM-DD 格式的日期。`);
  }
  if (from && to && from > to) throw new BadRequestError('开始日期不能晚于结束日期。');
  return {
    from: from ? new Date(`${from}T00:00:00+08:00`) : undefined,
    to: to ? new Date(`${to}T23:59:59.999+08:00`) : undefined,
  };
}

/** The range of an admin page's query, or none with the reason (a hand-edited link): the page shows everything and says why. */
export function readRange(params: URLSearchParams): { range: DateRange; error: string | null } {
  try {
    return { range: parseRange(params), error: null };
  } catch (e) {
    if (e instanceof BadRequestError) return { range: {}, error: e.message };
    throw e;
  }
}

/** Exchange ids: no control character (a NUL cannot be stored or looked up). */
const exchangeId = z
  .string()
  .min(1)
  .max(100)
  .refine((id) => !hasControlCharacters(id));
const ids = z.array(exchangeId).min(1).max(5_000);

const attachSchema = z.object({
  entryId: z.string().regex(/^FAQ\d+\.\d+$/i),
  questions: z
    .array(z.string().max(2_000).transform(cleanTyped).pipe(z.string().min(1)))
    .min(1)
    .max(500),
  exchangeIds: ids,
});

const detachSchema = attachSchema.extend({ exchangeIds: z.array(exchangeId).max(5_000).default([]) });

/** `{ entryId: "FAQ2.5", questions: [...], exchangeIds?: [...] }`: without the exchanges, the questions are found by their words. */
export function parseDetach(body: unknown): z.infer<typeof detachSchema> {
  const parsed = detachSchema.safeParse(body);
  if (!parsed.success) throw new BadRequestError('请求格式错误:需要 { entryId: "FAQx.y", questions: [问题], exchangeIds?: [编号] }。');
  return { ...parsed.data, entryId: parsed.data.entryId.toUpperCase() };
}

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

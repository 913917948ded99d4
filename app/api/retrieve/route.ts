import { z } from 'zod';
import { getConfig } from '@/lib/config';
import { BadRequestError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/error-response';
import { enforceRateLimit } from '@/lib/http/guard';
import { readJsonBody } from '@/lib/http/read-body';
import { getKnowledgeBase } from '@/lib/kb';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const schema = z.object({ question: z.string().trim().min(1).max(2000), k: z.number().int().min(1).max(20).optional() });

/** POST /api/retrieve: the ranked entries with their scores, for the 命中测试 page. */
export async function POST(request: Request): Promise<Response> {
  try {
    const config = getConfig();
    enforceRateLimit(request, config);
    const parsed = schema.safeParse(await readJsonBody(request, config.limits.maxBodyBytes));
    if (!parsed.success) throw new BadRequestError('请求格式错误:需要 { question: "问题" },问题不能为空且不超过 2000 字。');
    const kb = await getKnowledgeBase();
    const r = await kb.retrieve(parsed.data.question, { k: parsed.data.k ?? 10 });
    return Response.json({
      query: r.query,
      noAnswer: r.noAnswer,
      confidence: r.confidence,
      threshold: r.threshold,
      answerIds: r.answerIds,
      hits: r.hits.map((h) => ({ id: h.id, ids: h.entry.ids, category: h.entry.category, question: h.entry.question, rank: h.rank, scores: h.scores, coverage: h.coverage })),
    });
  } catch (e) {
    return errorResponse(e);
  }
}

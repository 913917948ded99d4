import { z } from 'zod';
import { BadRequestError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/error-response';
import { enforceRateLimit, guardBrowserPost } from '@/lib/http/guard';
import { readJsonBody } from '@/lib/http/read-body';
import { getRuntime } from '@/lib/runtime';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const schema = z.object({ question: z.string().trim().min(1).max(2000), k: z.number().int().min(1).max(20).optional() });

/** POST /api/retrieve: the ranked entries with their scores and the decision, for the 命中测试 page. */
export async function POST(request: Request): Promise<Response> {
  try {
    const rt = getRuntime();
    guardBrowserPost(request, rt.config.allowedOrigins);
    enforceRateLimit(request, rt.rateLimiter);
    const parsed = schema.safeParse(await readJsonBody(request, rt.config.limits.maxBodyBytes, rt.config.server.bodyTimeoutMs));
    if (!parsed.success) throw new BadRequestError('请求格式错误:需要 { question: "问题" },问题不能为空且不超过 2000 字。');
    const kb = await rt.knowledge.get();
    const r = await kb.retrieve(parsed.data.question, { k: parsed.data.k ?? 10 });
    return Response.json({
      query: r.query,
      decision: r.decision,
      confidence: r.confidence,
      thresholds: r.thresholds,
      signals: r.signals,
      answerIds: r.answerIds,
      suggestionIds: r.suggestionIds,
      hits: r.hits.map((h) => ({
        id: h.id,
        ids: h.entry.ids,
        category: h.entry.category,
        question: h.entry.question,
        rank: h.rank,
        scores: h.scores,
        coverage: h.coverage,
      })),
    });
  } catch (e) {
    return errorResponse(e);
  }
}

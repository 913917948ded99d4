import { z } from 'zod';
import { BadRequestError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/error-response';
import { enforceRateLimit, guardBrowserPost } from '@/lib/http/guard';
import { readJsonBody } from '@/lib/http/read-body';
import { explainRetrieval } from '@/lib/retrieval/explain';
import { getRuntime } from '@/lib/runtime';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The question's limit is the chat's (MAX_TEXT_CHARS), so what the chat accepts can be tested here. */
const schemaFor = (maxTextChars: number) => z.object({ question: z.string().trim().min(1).max(maxTextChars), k: z.number().int().min(1).max(20).optional() });

/** POST /api/retrieve: the ranked entries with their scores and the decision, for the 命中测试 page. */
export async function POST(request: Request): Promise<Response> {
  try {
    const rt = getRuntime();
    guardBrowserPost(request, rt.config.allowedOrigins);
    enforceRateLimit(request, rt.rateLimiter);
    const { maxBodyBytes, maxTextChars } = rt.config.limits;
    const parsed = schemaFor(maxTextChars).safeParse(await readJsonBody(request, maxBodyBytes, rt.config.server.bodyTimeoutMs));
    if (!parsed.success) throw new BadRequestError(`请求格式错误:需要 { question: "问题" },问题不能为空且不超过 ${maxTextChars} 字。`);
    const kb = await rt.knowledge.get();
    const r = await kb.retrieve(parsed.data.question, { k: parsed.data.k ?? 10 });
    return Response.json(explainRetrieval(r));
  } catch (e) {
    return errorResponse(e);
  }
}

import { openAIErrorResponse } from '@/lib/openai-api/errors';
import { modelList } from '@/lib/openai-api/models';
import { getRuntime } from '@/lib/runtime';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /v1/models: the model this server serves (`faq-assistant`), as OpenAI lists models. */
export async function GET(request: Request): Promise<Response> {
  try {
    const rt = getRuntime();
    rt.openaiApi.admit(request.headers);
    const kb = await rt.knowledge.get();
    return Response.json(modelList(kb.manifest.builtAt), { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return openAIErrorResponse(e);
  }
}

import { modelNotFound, openAIErrorResponse } from '@/lib/openai-api/errors';
import { modelObject } from '@/lib/openai-api/models';
import { MODEL_ID } from '@/lib/openai-api/request';
import { getRuntime } from '@/lib/runtime';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /v1/models/{model}: the model, or 404 in OpenAI's error shape for one we do not serve. */
export async function GET(request: Request, { params }: { params: Promise<{ model: string }> }): Promise<Response> {
  try {
    const rt = getRuntime();
    rt.openaiApi.admit(request.headers);
    const { model } = await params;
    if (model !== MODEL_ID) throw modelNotFound(model, MODEL_ID);
    const kb = await rt.knowledge.get();
    return Response.json(modelObject(kb.manifest.builtAt), { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return openAIErrorResponse(e);
  }
}

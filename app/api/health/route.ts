import { describeMode } from '@/lib/answer/answer';
import { errorResponse } from '@/lib/http/error-response';
import { getKnowledgeBase } from '@/lib/kb';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/health: for deployments and load balancers; 503 while the index is unusable. */
export async function GET(): Promise<Response> {
  try {
    const kb = await getKnowledgeBase();
    const { mode, model } = describeMode();
    return Response.json(
      { status: 'ok', entries: kb.manifest.rawEntries, mode, model, embedder: kb.manifest.embedder.id, builtAt: kb.manifest.builtAt },
      { headers: { 'cache-control': 'no-store' } },
    );
  } catch (e) {
    return errorResponse(e);
  }
}

import { storeHealth } from '@/lib/conversations/health';
import { errorResponse } from '@/lib/http/error-response';
import { getRuntime } from '@/lib/runtime';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * GET /api/health: for deployments and load balancers. 200 while answering (status "ok", or
 * "degraded" when an edit broke the FAQ and the last good version is served); 503 while nothing can be served.
 */
export async function GET(): Promise<Response> {
  try {
    const rt = getRuntime();
    const kb = await rt.knowledge.get();
    const knowledge = rt.knowledge.status();
    const { mode, model } = rt.mode();
    return Response.json(
      {
        status: knowledge.state === 'degraded' ? 'degraded' : 'ok',
        entries: kb.manifest.rawEntries,
        mode,
        model,
        embedder: kb.manifest.embedder.id,
        builtAt: kb.manifest.builtAt,
        // The conversation log never blocks answering: its failures are counted here (details go to the server log only).
        store: storeHealth(rt.store, rt.conversationLog),
        ...(knowledge.state === 'degraded' ? { knowledge: { error: knowledge.error, since: knowledge.since } } : {}),
      },
      { headers: { 'cache-control': 'no-store' } },
    );
  } catch (e) {
    return errorResponse(e);
  }
}

import { storeHealth } from '@/lib/conversations/health';
import { errorResponse } from '@/lib/http/error-response';
import { getRuntime } from '@/lib/runtime';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * GET /api/health: for deployments and load balancers. 200 while answering (status "ok", or
 * "degraded" when an edit broke the FAQ and the last good version is served, with the
 * line-numbered error and since when); 503 while nothing can be served. `knowledge.notice` says that a companion file was
 * set aside (a related-questions file written for another FAQ). `knowledge.rebuilds`
 * counts the index builds of this process, `knowledge.searchThread` says whether retrieval runs on its own thread
 * (and how many retrievals it and the main thread made); `api.auth` says who may call /v1/*: `keys` (API_KEYS set) or `loopback-only`.
 */
export async function GET(): Promise<Response> {
  try {
    const rt = getRuntime();
    const kb = await rt.knowledge.get();
    const knowledge = rt.knowledge.status();
    const { mode, model } = rt.mode();
    return Response.json(
      {
        // Answering goes on while the database fails, but what it should keep is at risk: degraded too.
        status: knowledge.state === 'degraded' || rt.store?.status().state === 'error' ? 'degraded' : 'ok',
        entries: kb.manifest.rawEntries,
        mode,
        model,
        embedder: kb.manifest.embedder.id,
        builtAt: kb.manifest.builtAt,
        api: { auth: rt.openaiApi.auth },
        knowledge: {
          state: knowledge.state,
          rebuilds: knowledge.rebuilds,
          error: knowledge.error,
          since: knowledge.since,
          notice: knowledge.notice,
          searchThread: knowledge.searchThread,
        },
        // The conversation log never blocks answering: its failures are counted here (details go to the server log only).
        store: storeHealth(rt.store, rt.conversationLog),
      },
      { headers: { 'cache-control': 'no-store' } },
    );
  } catch (e) {
    return errorResponse(e);
  }
}

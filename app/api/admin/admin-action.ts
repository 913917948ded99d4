import { requireAdmin } from '@/lib/admin/access';
import { StoreError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/error-response';
import { readJsonBody } from '@/lib/http/read-body';
import type { KnowledgeBase } from '@/lib/knowledge/knowledge-base';
import type { KnowledgeService } from '@/lib/knowledge/service';
import { getRuntime } from '@/lib/runtime';
import type { Store } from '@/lib/store/store';

/** Largest body an admin action takes (a cluster's questions and their exchange ids). */
const MAX_BODY = 1_048_576;

/**
 * An admin action posted as JSON (attach, undo, mark uncovered): admin only, with the database; `parse` reads the body, `act`
 * does it, and what it returns is the response's JSON, never cached. Errors are our JSON errors, in Chinese.
 */
export function adminAction<T>(parse: (body: unknown) => T, act: (input: T, deps: { store: Store; knowledge: KnowledgeService }) => Promise<unknown>) {
  return async (request: Request): Promise<Response> => {
    try {
      const rt = getRuntime();
      requireAdmin(rt.config, request);
      if (!rt.store) throw new StoreError();
      const input = parse(await readJsonBody(request, MAX_BODY));
      return Response.json(await act(input, { store: rt.store, knowledge: rt.knowledge }), { headers: { 'cache-control': 'no-store' } });
    } catch (e) {
      return errorResponse(e);
    }
  };
}

/**
 * An admin view read with GET (the miss queue, the added alternatives, insights): admin only, with the database; `read` gets
 * the request's query and the knowledge base served now, and what it returns is the response's JSON, never cached.
 */
export function adminView(read: (params: URLSearchParams, deps: { store: Store; kb: KnowledgeBase }) => Promise<unknown>) {
  return async (request: Request): Promise<Response> => {
    try {
      const rt = getRuntime();
      requireAdmin(rt.config, request);
      if (!rt.store) throw new StoreError();
      const body = await read(new URL(request.url).searchParams, { store: rt.store, kb: await rt.knowledge.get() });
      return Response.json(body, { headers: { 'cache-control': 'no-store' } });
    } catch (e) {
      return errorResponse(e);
    }
  };
}

import { NextResponse } from 'next/server';
import { refusalBody, screenRequest } from './lib/http/request-screen';
import { createNonce, securityHeaders } from './lib/http/security-headers';

/**
 * Runs before every page request Next serves: a fresh script nonce per request, put in the request's
 * Content-Security-Policy (Next reads the nonce from there and puts it on its own scripts) and
 * every security header on the response. Pages are rendered per request (app/layout.tsx), so
 * each gets a new nonce. Odd methods and undecodable paths are refused as server.ts refuses them,
 * for servers other than ours (`next dev`).
 */
export function proxy(request: Request): NextResponse {
  const headers = securityHeaders({ nonce: createNonce(), dev: process.env.NODE_ENV === 'development' });
  const url = new URL(request.url);
  const refusal = screenRequest(request.method, url.pathname + url.search);
  if (refusal) {
    return new NextResponse(request.method === 'HEAD' ? null : refusalBody(refusal), {
      status: refusal.status,
      headers: { ...headers, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...refusal.headers },
    });
  }
  const forwarded = new Headers(request.headers);
  forwarded.set('content-security-policy', headers['content-security-policy']!);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** Pages only: the API and static files get their headers from next.config.ts, and their bodies reach the routes unbuffered. */
export const config = {
  matcher: ['/((?!api/|api$|v1/|v1$|_next/static/|_next/image/).*)'],
};

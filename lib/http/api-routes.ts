/**
 * The API's routes and the methods each implements: the route files under app/api and app/v1 (a test checks this table against
 * them). Next answers HEAD for a route with GET, and OPTIONS for every route.
 */
export const API_ROUTES: readonly { path: string; methods: readonly string[] }[] = [
  { path: '/api/chat', methods: ['POST'] },
  { path: '/api/retrieve', methods: ['POST'] },
  { path: '/api/feedback', methods: ['POST'] },
  { path: '/api/health', methods: ['GET'] },
  { path: '/api/conversations', methods: ['GET'] },
  { path: '/api/conversations/[id]', methods: ['GET', 'DELETE', 'PATCH'] },
  { path: '/api/admin/login', methods: ['POST'] },
  { path: '/api/admin/logout', methods: ['POST'] },
  { path: '/api/admin/insights', methods: ['GET'] },
  { path: '/api/admin/alternatives', methods: ['GET'] },
  { path: '/api/admin/misses', methods: ['GET'] },
  { path: '/api/admin/misses/attach', methods: ['POST'] },
  { path: '/api/admin/misses/detach', methods: ['POST'] },
  { path: '/api/admin/misses/uncovered', methods: ['POST'] },
  { path: '/api/admin/misses/export', methods: ['GET'] },
  { path: '/v1/chat/completions', methods: ['POST'] },
  { path: '/v1/models', methods: ['GET'] },
  { path: '/v1/models/[model]', methods: ['GET'] },
];

const MATCHERS = API_ROUTES.map((r) => ({ ...r, pattern: new RegExp(`^${r.path.replace(/\[[^\]]+\]/g, '[^/]+')}/?$`) }));

/**
 * The methods a request to an API path may use, or undefined when no route serves the path.
 *
 * @example
 * apiMethods('/api/conversations/abc') // ['GET', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']
 * apiMethods('/v1/embeddings') // undefined
 */
export function apiMethods(pathname: string): string[] | undefined {
  const route = MATCHERS.find((r) => r.pattern.test(pathname));
  if (!route) return undefined;
  return [...route.methods, ...(route.methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS'];
}

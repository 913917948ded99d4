import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_ROUTES } from './api-routes';

/** Every route file under a directory: its URL path and the HTTP methods it exports. */
function routeFiles(dir: string): { path: string; methods: string[] }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => path.basename(f) === 'route.ts')
    .map((f) => ({
      path: `/${path
        .relative('app', path.join(dir, path.dirname(f)))
        .split(path.sep)
        .join('/')}`,
      methods: [...readFileSync(path.join(dir, f), 'utf8').matchAll(/export (?:async function|const) (GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g)].map(
        (m) => m[1]!,
      ),
    }));
}

describe('the API route table', () => {
  it('lists every route file under app/api and app/v1 with the methods it exports, and nothing else', () => {
    const files = [...routeFiles('app/api'), ...routeFiles('app/v1')];
    const sorted = (xs: readonly { path: string; methods: readonly string[] }[]) => xs.map((r) => `${r.path} ${[...r.methods].sort().join(',')}`).sort();
    expect(sorted(API_ROUTES)).toEqual(sorted(files));
  });
});

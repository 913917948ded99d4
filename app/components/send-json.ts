/**
 * Client side of this app's JSON APIs. Every route answers a failure as `{ error: { message } }` with the
 * message in Chinese; these helpers read it so that each component shows the server's words and falls back
 * to its own only when the server could not be reached or answered something else.
 */

/** The server's Chinese message in an error body, if the body is one. */
export function errorMessageOf(body: unknown): string | undefined {
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof message === 'string' && message !== '' ? message : undefined;
}

export type Sent<T> = { ok: true; json: T } | { ok: false; status: number | null; message: string };

/**
 * Sends `body` as JSON with `method` (no body when undefined: a DELETE); a failure carries the server's message, or `fallback`
 * (status null: no answer). A success without a JSON body gives `json` null.
 */
export async function sendJson<T = unknown>(url: string, method: string, body: unknown, fallback: string): Promise<Sent<T | null>> {
  const init: RequestInit = body === undefined ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const res = await fetch(url, init).catch(() => null);
  const json: unknown = await res?.json().catch(() => null);
  if (res?.ok) return { ok: true, json: (json ?? null) as T | null };
  return { ok: false, status: res?.status ?? null, message: errorMessageOf(json) ?? fallback };
}

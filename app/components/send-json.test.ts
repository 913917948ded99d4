import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorMessageOf, sendJson } from './send-json';

afterEach(() => vi.unstubAllGlobals());

function answering(status: number, body: string) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body, { status, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}

describe('errorMessageOf', () => {
  it('reads the message of an error body and nothing else', () => {
    expect(errorMessageOf({ error: { message: '标题不能为空。' } })).toBe('标题不能为空。');
    expect(errorMessageOf({ error: { message: '' } })).toBeUndefined();
    expect(errorMessageOf({ error: { message: 42 } })).toBeUndefined();
    expect(errorMessageOf({ title: 'x' })).toBeUndefined();
    expect(errorMessageOf(null)).toBeUndefined();
  });
});

describe('sendJson', () => {
  it('sends the body as JSON with the method and returns the answer', async () => {
    const calls = answering(200, '{"title":"新标题"}');
    const sent = await sendJson<{ title: string }>('/api/x', 'PATCH', { title: '新标题' }, '失败');
    expect(sent).toEqual({ ok: true, json: { title: '新标题' } });
    const [call] = calls;
    expect(call?.init.method).toBe('PATCH');
    expect(call?.init.body).toBe('{"title":"新标题"}');
    expect(new Headers(call?.init.headers).get('content-type')).toBe('application/json');
  });

  it("shows the server's Chinese message on a 4xx", async () => {
    answering(400, '{"error":{"message":"标题过长。"}}');
    expect(await sendJson('/api/x', 'POST', {}, '操作失败')).toEqual({ ok: false, status: 400, message: '标题过长。' });
  });

  it('falls back to its own words when the answer is not an error body or there is no answer', async () => {
    answering(502, '<html>bad gateway</html>');
    expect(await sendJson('/api/x', 'POST', {}, '操作失败')).toEqual({ ok: false, status: 502, message: '操作失败' });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('network');
    });
    expect(await sendJson('/api/x', 'POST', {}, '操作失败')).toEqual({ ok: false, status: null, message: '操作失败' });
  });

  it('sends no body when there is none (a DELETE), and gives null for a success without JSON', async () => {
    const calls = answering(200, '');
    expect(await sendJson('/api/x', 'DELETE', undefined, '删除失败')).toEqual({ ok: true, json: null });
    const [call] = calls;
    expect(call?.init.body).toBeUndefined();
    expect(new Headers(call?.init.headers).get('content-type')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { refusalBody, screenRequest } from './request-screen';

describe('screenRequest', () => {
  it.each([
    '/faq/%',
    '/faq/%E0%A4%A',
    '/faq/%C0%AE%C0%AE',
    '/faq/%ED%A0%80',
    '/%',
    '/api/%zz',
    '/faq/a%00b',
    '*',
    'http://evil.example/',
    '//evil.example/x',
    '',
  ])('refuses the malformed target %j with 400', (url) => {
    expect(screenRequest('GET', url)?.status).toBe(400);
  });

  it.each([
    ['TRACE', '/api/chat', 'POST, OPTIONS'],
    ['GET', '/api/chat', 'POST, OPTIONS'],
    ['PUT', '/api/chat', 'POST, OPTIONS'],
    ['TRACK', '/', 'GET, HEAD, POST'],
    ['PROPFIND', '/faq', 'GET, HEAD, POST'],
    ['CONNECT', '/api/health', 'GET, HEAD, OPTIONS'],
    ['MKCOL', '/v1/models', 'GET, HEAD, OPTIONS'],
    ['GET', '/v1/chat/completions', 'POST, OPTIONS'],
    ['POST', '/api/conversations/abc', 'GET, DELETE, PATCH, HEAD, OPTIONS'],
    ['DELETE', '/faq/FAQ2.5', 'GET, HEAD, POST'],
    ['PUT', '/', 'GET, HEAD, POST'],
  ])('refuses %s %s with 405 and Allow: %s', (method, url, allow) => {
    const r = screenRequest(method, url);
    expect(r?.status).toBe(405);
    expect(r?.headers?.allow).toBe(allow);
  });

  it.each([
    ['POST', '/v1/embeddings'],
    ['GET', '/api/nothing'],
    ['GET', '/v1'],
    ['POST', '/api/chat/extra'],
  ])('answers %s %s, which no route serves, with a JSON 404', (method, url) => {
    const r = screenRequest(method, url);
    expect(r?.status).toBe(404);
    expect(JSON.parse(refusalBody(r!)).error.message).toMatch(/接口/);
  });

  it.each([
    ['GET', '/'],
    ['GET', '/faq/FAQ2.5'],
    ['GET', '/faq/%E6%8C%A5'],
    ['GET', '/?q=%'],
    ['HEAD', '/retrieval'],
    ['POST', '/api/chat'],
    ['OPTIONS', '/api/chat'],
    ['DELETE', '/api/conversations/1'],
    ['GET', '/api/health/'],
    ['HEAD', '/v1/models/faq-assistant'],
    ['GET', '/_next/static/chunks/main.js'],
  ])('hands %s %s to Next', (method, url) => {
    expect(screenRequest(method, url)).toBeNull();
  });

  it('answers in our JSON error shape with a Chinese message', () => {
    const body = JSON.parse(refusalBody(screenRequest('TRACE', '/api/chat')!));
    expect(body.error.code).toBe('method_not_allowed');
    expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('answers /v1 in OpenAI’s error shape too, as its clients parse it', () => {
    for (const [method, url] of [
      ['GET', '/v1/chat/completions'],
      ['POST', '/v1/embeddings'],
    ] as const) {
      const body = JSON.parse(refusalBody(screenRequest(method, url)!));
      expect(body.error).toMatchObject({ type: 'invalid_request_error', param: null, message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    }
    expect(JSON.parse(refusalBody(screenRequest('TRACE', '/api/chat')!)).error.type).toBeUndefined();
  });
});

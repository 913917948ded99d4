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
    ['TRACE', '/api/chat'],
    ['TRACK', '/'],
    ['PROPFIND', '/faq'],
    ['CONNECT', '/api/health'],
    ['MKCOL', '/v1/models'],
    ['DELETE', '/faq/FAQ2.5'],
    ['PUT', '/'],
  ])('refuses %s %s with 405 and Allow', (method, url) => {
    const r = screenRequest(method, url);
    expect(r?.status).toBe(405);
    expect(r?.headers?.allow).toMatch(/GET/);
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
    ['GET', '/_next/static/chunks/main.js'],
  ])('hands %s %s to Next', (method, url) => {
    expect(screenRequest(method, url)).toBeNull();
  });

  it('answers in our JSON error shape with a Chinese message', () => {
    const body = JSON.parse(refusalBody(screenRequest('TRACE', '/api/chat')!));
    expect(body.error.code).toBe('method_not_allowed');
    expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

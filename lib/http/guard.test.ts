import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../errors';
import { enforceSameOrigin, requireJson } from './guard';

const post = (headers: Record<string, string>) => new Request('http://faq.example.com/api/chat', { method: 'POST', headers, body: '{}' });

function statusOf(fn: () => void): number {
  try {
    fn();
    return 0;
  } catch (e) {
    expect(e).toBeInstanceOf(BadRequestError);
    expect((e as BadRequestError).message).toMatch(/[\u4e00-\u9fff]/);
    return (e as BadRequestError).status;
  }
}

describe('requireJson', () => {
  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON', 'application/vnd.api+json'])('accepts %s', (type) => {
    expect(statusOf(() => requireJson(post({ 'content-type': type })))).toBe(0);
  });

  it.each(['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '', 'application/jsonx'])(
    'refuses %j with 415',
    (type) => {
      expect(statusOf(() => requireJson(post(type ? { 'content-type': type } : {})))).toBe(415);
    },
  );
});

describe('enforceSameOrigin', () => {
  const host = { host: 'faq.example.com' };
  it.each([
    ['no Origin (curl, SDKs)', { ...host }],
    ['the same origin', { ...host, origin: 'https://faq.example.com' }],
    ['the same origin with its default port', { host: 'faq.example.com:443', origin: 'https://faq.example.com' }],
    ['the host a proxy forwarded', { host: '127.0.0.1:3000', 'x-forwarded-host': 'faq.example.com', origin: 'https://faq.example.com' }],
    ['a user-initiated request', { ...host, 'sec-fetch-site': 'none' }],
  ])('lets %s pass', (_name, headers) => {
    expect(statusOf(() => enforceSameOrigin(post(headers)))).toBe(0);
  });

  it.each([
    ['another site', { ...host, origin: 'https://evil.example' }],
    ['a look-alike host', { ...host, origin: 'https://faq.example.com.evil.example' }],
    ['another port', { ...host, origin: 'https://faq.example.com:8443' }],
    ['an opaque origin', { ...host, origin: 'null' }],
    ['a cross-site fetch without Origin', { ...host, 'sec-fetch-site': 'cross-site' }],
  ])('refuses %s with 403', (_name, headers) => {
    expect(statusOf(() => enforceSameOrigin(post(headers)))).toBe(403);
  });

  it('lets configured origins pass', () => {
    expect(statusOf(() => enforceSameOrigin(post({ ...host, origin: 'https://portal.example.com' }), ['https://portal.example.com']))).toBe(0);
  });
});

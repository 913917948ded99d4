import { describe, expect, it } from 'vitest';
import { CLIENT_IP_HEADER, clientKey, isLoopback, resolveClientIp } from './client-key';

describe('resolveClientIp', () => {
  it('ignores X-Forwarded-For unless a proxy is trusted', () => {
    expect(resolveClientIp('198.51.100.9', '203.0.113.7', false)).toBe('198.51.100.9');
  });

  it('takes the address a trusted proxy reports, and only that far', () => {
    expect(resolveClientIp('10.0.0.5', '203.0.113.7', ['10.0.0.0/8'])).toBe('203.0.113.7');
    // A forged first hop does not win: the chain is read from the proxy back, stopping at the first untrusted address.
    expect(resolveClientIp('10.0.0.5', '6.6.6.6, 203.0.113.7', ['10.0.0.0/8'])).toBe('203.0.113.7');
    expect(resolveClientIp('198.51.100.9', '203.0.113.7', ['10.0.0.0/8'])).toBe('198.51.100.9');
  });

  it('understands a hop count and loopback', () => {
    expect(resolveClientIp('127.0.0.1', '6.6.6.6, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(resolveClientIp('127.0.0.1', '203.0.113.7', ['loopback'])).toBe('203.0.113.7');
  });
});

describe('clientKey', () => {
  it('is the address the server set, never X-Forwarded-For', () => {
    expect(clientKey(new Headers({ [CLIENT_IP_HEADER]: '203.0.113.7', 'x-forwarded-for': '6.6.6.6' }))).toBe('203.0.113.7');
    expect(clientKey(new Headers({ 'x-forwarded-for': '6.6.6.6' }))).toBe('local');
  });

  it('caps huge values', () => {
    expect(clientKey(new Headers({ [CLIENT_IP_HEADER]: 'a'.repeat(5000) }))).toHaveLength(100);
  });
});

describe('isLoopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.1', false],
    [null, false],
  ])('%s -> %s', (a, expected) => expect(isLoopback(a)).toBe(expected));
});

import { describe, expect, it } from 'vitest';
import { clientKey } from './client-key';

describe('clientKey', () => {
  it('takes the first hop of X-Forwarded-For', () => {
    expect(clientKey(new Headers({ 'x-forwarded-for': ' 203.0.113.7 , 10.0.0.1', 'x-real-ip': '10.0.0.2' }))).toBe('203.0.113.7');
  });

  it('falls back to X-Real-IP, then to one shared local key', () => {
    expect(clientKey(new Headers({ 'x-real-ip': '198.51.100.3' }))).toBe('198.51.100.3');
    expect(clientKey(new Headers({ 'x-forwarded-for': ' , ' }))).toBe('local');
    expect(clientKey(new Headers())).toBe('local');
  });

  it('caps forged huge values', () => {
    expect(clientKey(new Headers({ 'x-forwarded-for': 'a'.repeat(5000) }))).toHaveLength(100);
  });
});

import { describe, expect, it } from 'vitest';
import { createSessionToken, passwordMatches, SESSION_SECONDS, sessionCookie, verifySessionToken } from './session';

describe('admin sessions', () => {
  it('accepts a token signed with the password until it expires', () => {
    const t0 = Date.now();
    const token = createSessionToken('s3cret', t0);
    expect(verifySessionToken('s3cret', token, t0 + 1000)).toBe(true);
    expect(verifySessionToken('s3cret', token, t0 + SESSION_SECONDS * 1000 + 1)).toBe(false);
    expect(verifySessionToken('other', token, t0)).toBe(false);
  });

  it('rejects tampered, truncated and empty tokens', () => {
    const token = createSessionToken('s3cret');
    const [expires, nonce, sig] = token.split('.');
    expect(verifySessionToken('s3cret', `${Number(expires) + 1}.${nonce}.${sig}`)).toBe(false);
    expect(verifySessionToken('s3cret', `${expires}.${nonce}.${sig!.slice(1)}`)).toBe(false);
    expect(verifySessionToken('s3cret', `${expires}.${nonce}`)).toBe(false);
    expect(verifySessionToken('s3cret', '')).toBe(false);
    expect(verifySessionToken('s3cret', null)).toBe(false);
  });

  it('gives every session a different token', () => {
    expect(createSessionToken('s3cret', 1)).not.toBe(createSessionToken('s3cret', 1));
  });

  it('compares passwords of any length', () => {
    expect(passwordMatches('s3cret', 's3cret')).toBe(true);
    expect(passwordMatches('s3cre', 's3cret')).toBe(false);
    expect(passwordMatches('s3cret-and-more', 's3cret')).toBe(false);
  });

  it('sets an httpOnly, same-site-strict cookie, and clears it', () => {
    expect(sessionCookie('abc', true)).toBe(`faq_admin=abc; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=${SESSION_SECONDS}`);
    expect(sessionCookie(null, false)).toBe('faq_admin=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0');
  });
});

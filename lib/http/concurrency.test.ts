import { describe, expect, it } from 'vitest';
import { createConcurrencyLimiter } from './concurrency';

describe('createConcurrencyLimiter', () => {
  it('allows max requests in flight per client, then refuses until one ends', () => {
    const limiter = createConcurrencyLimiter(2);
    const a = limiter.acquire('a');
    const b = limiter.acquire('a');
    expect(a && b).toBeTruthy();
    expect(limiter.acquire('a')).toBeNull();
    expect(limiter.acquire('b')).not.toBeNull();
    a!();
    expect(limiter.acquire('a')).not.toBeNull();
  });

  it('counts a double release once and forgets idle clients', () => {
    const limiter = createConcurrencyLimiter(1);
    const release = limiter.acquire('a')!;
    release();
    release();
    expect(limiter.inFlight('a')).toBe(0);
    const again = limiter.acquire('a');
    expect(again).not.toBeNull();
    expect(limiter.acquire('a')).toBeNull();
  });

  it('is disabled by 0', () => {
    const limiter = createConcurrencyLimiter(0);
    for (let i = 0; i < 100; i++) expect(limiter.acquire('a')).not.toBeNull();
  });
});

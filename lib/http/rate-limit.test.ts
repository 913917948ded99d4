import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('createRateLimiter', () => {
  it('allows a burst, then refuses with the seconds until the next token', () => {
    const c = clock();
    const take = createRateLimiter({ perMinute: 6, burst: 3, now: c.now });
    expect([take('a'), take('a'), take('a')].every((d) => d.ok)).toBe(true);
    expect(take('a')).toEqual({ ok: false, retryAfterSeconds: 10 });
    c.advance(4_000);
    expect(take('a')).toEqual({ ok: false, retryAfterSeconds: 6 });
    c.advance(6_000);
    expect(take('a')).toEqual({ ok: true });
    expect(take('a').ok).toBe(false);
  });

  it('keeps clients apart', () => {
    const take = createRateLimiter({ perMinute: 1, burst: 1, now: clock().now });
    expect(take('a').ok).toBe(true);
    expect(take('a').ok).toBe(false);
    expect(take('b').ok).toBe(true);
  });

  it('refills no further than the burst', () => {
    const c = clock();
    const take = createRateLimiter({ perMinute: 60, burst: 2, now: c.now });
    take('a');
    c.advance(3_600_000);
    expect([take('a'), take('a'), take('a')].map((d) => d.ok)).toEqual([true, true, false]);
  });

  it('is disabled by perMinute 0', () => {
    const take = createRateLimiter({ perMinute: 0, burst: 1, now: clock().now });
    for (let i = 0; i < 100; i++) expect(take('a').ok).toBe(true);
  });

  it('forgets the least recently seen client beyond maxClients', () => {
    const take = createRateLimiter({ perMinute: 1, burst: 1, now: clock().now, maxClients: 2 });
    take('a');
    take('b');
    take('c'); // evicts a
    expect(take('a').ok).toBe(true);
    expect(take('c').ok).toBe(false);
  });

  it('survives a clock that goes backwards', () => {
    const c = clock();
    const take = createRateLimiter({ perMinute: 60, burst: 1, now: c.now });
    take('a');
    c.advance(-60_000);
    expect(take('a').ok).toBe(false);
  });
});

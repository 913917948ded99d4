import { describe, expect, it } from 'vitest';
import { createWriteQueue, rejectsData } from './write-queue';

describe('the write queue', () => {
  it('writes in batches off the caller’s path and counts what it wrote', async () => {
    const batches: number[][] = [];
    const q = createWriteQueue<number>(async (b) => void batches.push(b), { batch: 3 });
    for (let i = 0; i < 7; i++) expect(q.enqueue(i)).toBe(true);
    expect(batches).toEqual([]);
    await q.flush();
    expect(batches).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(q.stats()).toEqual({ written: 7, failed: 0, dropped: 0, queued: 0 });
  });

  it('counts a failed batch and goes on with the next', async () => {
    const errors: number[] = [];
    const q = createWriteQueue<number>(
      async (b) => {
        if (b.includes(0)) throw new Error('database down');
      },
      { batch: 1, onError: (_e, lost) => errors.push(lost) },
    );
    q.enqueue(0);
    q.enqueue(1);
    await q.flush();
    expect(q.stats()).toMatchObject({ written: 1, failed: 1, lastError: { message: 'database down' } });
    expect(errors).toEqual([1]);
  });

  it('writes a failed batch again after each retry delay, in order, and a flush does not wait out the outage', async () => {
    let down = 2;
    const written: number[] = [];
    const q = createWriteQueue<number>(
      async (b) => {
        if (down-- > 0) throw new Error('database restarting');
        written.push(...b);
      },
      { delayMs: 0, retryDelaysMs: [20, 20, 20] },
    );
    q.enqueue(1);
    q.enqueue(2);
    await q.flush(); // the first attempt failed: the flush returns, the batch waits for its retry
    expect(written).toEqual([]);
    await new Promise((r) => setTimeout(r, 100));
    q.enqueue(3);
    await q.flush();
    expect(written).toEqual([1, 2, 3]);
    expect(q.stats()).toMatchObject({ written: 3, failed: 0 });
  });

  it('drops at once only the item the database rejects as data, and writes the rest of its batch in order', async () => {
    const written: number[] = [];
    const errors: number[] = [];
    const q = createWriteQueue<number>(
      async (b) => {
        if (b.includes(0)) throw Object.assign(new Error('unsupported Unicode escape sequence'), { code: '22P05' });
        written.push(...b);
      },
      { delayMs: 0, retryDelaysMs: [60_000], onError: (_e, lost) => errors.push(lost) },
    );
    for (const n of [1, 0, 2, 3]) q.enqueue(n);
    await q.flush();
    expect(written).toEqual([1, 2, 3]);
    expect(q.stats()).toMatchObject({ written: 3, failed: 1, queued: 0, lastError: { message: 'unsupported Unicode escape sequence' } });
    expect(errors).toEqual([1]);
    expect(rejectsData({ code: '23505' })).toBe(true);
    expect(rejectsData({ code: '08006' })).toBe(false);
    expect(rejectsData(new Error('connection refused'))).toBe(false);
  });

  it('counts a batch failed once the retries are spent', async () => {
    const q = createWriteQueue<number>(
      async () => {
        throw new Error('database gone');
      },
      { delayMs: 0, retryDelaysMs: [10] },
    );
    q.enqueue(1);
    await new Promise((r) => setTimeout(r, 60));
    expect(q.stats()).toMatchObject({ written: 0, failed: 1, queued: 0 });
  });

  it('drops what does not fit while a write hangs, and never waits', async () => {
    let release!: () => void;
    const hang = new Promise<void>((r) => {
      release = r;
    });
    const q = createWriteQueue<number>(() => hang, { max: 2, batch: 10, delayMs: 0 });
    q.enqueue(0);
    await new Promise((r) => setTimeout(r, 20)); // the first batch is now being written
    const started = performance.now();
    const accepted = [1, 2, 3, 4].map((i) => q.enqueue(i));
    expect(performance.now() - started).toBeLessThan(5);
    expect(accepted).toEqual([true, true, false, false]);
    expect(q.stats()).toMatchObject({ dropped: 2, queued: 2 });
    release();
    await q.flush();
    expect(q.stats()).toMatchObject({ written: 3, dropped: 2, queued: 0 });
  });

  it('gathers what arrives within the delay into one batch, and a flush does not wait for the delay', async () => {
    const batches: number[][] = [];
    const q = createWriteQueue<number>(async (b) => void batches.push(b), { delayMs: 60_000 });
    q.enqueue(1);
    await new Promise((r) => setTimeout(r, 10));
    q.enqueue(2);
    expect(batches).toEqual([]);
    const started = performance.now();
    await q.flush();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(batches).toEqual([[1, 2]]);
  });

  it('a flush waits for what was queued before it, not for what keeps arriving', async () => {
    const written: number[] = [];
    const q = createWriteQueue<number>(
      async (b) => {
        await new Promise((r) => setTimeout(r, 5));
        written.push(...b);
      },
      { delayMs: 0, batch: 2 },
    );
    let n = 0;
    q.enqueue(n++);
    q.enqueue(n++);
    q.enqueue(n++);
    const feeding = setInterval(() => q.enqueue(n++), 1);
    let flushedAt = -1;
    await q.flush().then(() => {
      flushedAt = n;
    });
    clearInterval(feeding);
    expect(written.slice(0, 3)).toEqual([0, 1, 2]);
    // New items were still arriving (the queue never went idle) when the flush resolved.
    expect(q.stats().written + q.stats().queued).toBeGreaterThan(3);
    expect(flushedAt).toBeGreaterThan(3);
    await q.flush();
  });
});

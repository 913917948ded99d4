import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from './runtime';
import { tempRuntime } from './testing/temp-kb';
import { createTestPglite, type TestDatabase } from './testing/test-store';

/** A question the FAQ does not cover in any words it uses, until an admin attaches it. */
const QUESTION = '蓝色小鸟飞不动了';

describe('the runtime with the embedded store', () => {
  let db: TestDatabase;
  let t: Awaited<ReturnType<typeof tempRuntime>>;
  let runtime: Runtime;
  beforeAll(async () => {
    db = await createTestPglite();
    t = await tempRuntime({ ...db.env, ANSWER_MODE: 'offline' });
    runtime = t.runtime;
    await runtime.store!.ready();
  }, 180_000);
  afterAll(async () => {
    await t?.cleanup();
    await db?.drop();
  });

  it('builds one store, and re-indexes with an alternative added to it', async () => {
    expect(runtime.store?.kind).toBe('pglite');
    const before = await (await runtime.knowledge.get()).retrieve(QUESTION);
    expect(before.decision).toBe('refuse');
    await runtime.store!.addAlternatives('FAQ2.5', [QUESTION]);
    await expect
      .poll(async () => (await runtime.knowledge.get()).getEntry('FAQ2.5')?.alternatives.includes(QUESTION), { timeout: 5_000, interval: 100 })
      .toBe(true);
    const after = await (await runtime.knowledge.get()).retrieve(QUESTION);
    expect(after.decision).toBe('answer');
    expect(after.hits[0]?.id).toBe('FAQ2.5');
  });
});

import { afterAll, beforeAll } from 'vitest';
import type { Runtime, RuntimeOverrides } from '../runtime';
import { setRuntime } from '../runtime';
import { tempRuntime } from './temp-kb';
import { createTestPglite, type TestDatabase } from './test-store';

/**
 * For a test file that drives routes in-process: a runtime over the real corpus (index in a
 * temp directory) installed as the server's for the file's tests, removed afterwards.
 * Routes are imported statically; `env` is parsed like the process environment.
 */
export function useRouteRuntime(env: Record<string, string> = {}, overrides: RuntimeOverrides = {}): { runtime: Runtime } {
  const state = {} as { runtime: Runtime; cleanup: () => Promise<void> };
  beforeAll(async () => {
    const t = await tempRuntime(env, overrides);
    Object.assign(state, { runtime: t.runtime, cleanup: t.cleanup });
    setRuntime(t.runtime);
  }, 120_000);
  afterAll(async () => {
    setRuntime(undefined);
    await state.cleanup?.();
  });
  return state;
}

/**
 * As useRouteRuntime, over a fresh embedded database of the file's own (conversations, the log, the miss queue), ready before the
 * file's tests and dropped after them.
 */
export function useStoreRouteRuntime(env: Record<string, string> = {}): { runtime: Runtime } {
  const state = {} as { runtime: Runtime; cleanup: () => Promise<void>; db: TestDatabase };
  beforeAll(async () => {
    const db = await createTestPglite();
    const t = await tempRuntime({ ...db.env, ...env });
    Object.assign(state, { runtime: t.runtime, cleanup: t.cleanup, db });
    setRuntime(t.runtime);
    await t.runtime.store!.ready();
  }, 180_000);
  afterAll(async () => {
    setRuntime(undefined);
    await state.cleanup?.();
    await state.db?.drop();
  });
  return state;
}

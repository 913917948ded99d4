import { afterAll, beforeAll } from 'vitest';
import type { Runtime, RuntimeOverrides } from '../runtime';
import { setRuntime } from '../runtime';
import { tempRuntime } from './temp-kb';
import { createTestPglite } from './test-store';

type Started = { runtime: Runtime; cleanup: () => Promise<void> };

/** Installs the runtime `start` makes as the server's for the file's tests, and removes and cleans it up afterwards. */
function useInstalledRuntime(start: () => Promise<Started>, timeoutMs: number): { runtime: Runtime } {
  const state = {} as Started;
  beforeAll(async () => {
    const { runtime, cleanup } = await start();
    Object.assign(state, { runtime, cleanup });
    setRuntime(runtime);
  }, timeoutMs);
  afterAll(async () => {
    setRuntime(undefined);
    await state.cleanup?.();
  });
  return state;
}

/**
 * For a test file that drives routes in-process: a runtime over the real corpus (index in a
 * temp directory) installed as the server's for the file's tests, removed afterwards.
 * Routes are imported statically; `env` is parsed like the process environment.
 */
export function useRouteRuntime(env: Record<string, string> = {}, overrides: RuntimeOverrides = {}): { runtime: Runtime } {
  return useInstalledRuntime(() => tempRuntime(env, overrides), 120_000);
}

/**
 * As useRouteRuntime, over a fresh embedded database of the file's own (conversations, the log, the miss queue), ready before the
 * file's tests and dropped after them.
 */
export function useStoreRouteRuntime(env: Record<string, string> = {}): { runtime: Runtime } {
  return useInstalledRuntime(async () => {
    const db = await createTestPglite();
    const t = await tempRuntime({ ...db.env, ...env });
    await t.runtime.store!.ready();
    return {
      runtime: t.runtime,
      cleanup: async () => {
        await t.cleanup();
        await db.drop();
      },
    };
  }, 180_000);
}

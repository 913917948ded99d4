import { afterAll, beforeAll } from 'vitest';
import type { Runtime, RuntimeOverrides } from '../runtime';
import { setRuntime } from '../runtime';
import { tempRuntime } from './temp-kb';

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

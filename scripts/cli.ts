import { isAppError } from '../lib/errors';

/**
 * Runs a CLI body: typed errors print their Chinese message and exit 1;
 * anything else prints its stack (it is a bug) and exits 2.
 */
export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (e) {
    if (isAppError(e)) {
      console.error(`错误:${e.message}`);
      process.exitCode = 1;
    } else {
      console.error(e);
      process.exitCode = 2;
    }
  }
}

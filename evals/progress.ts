import cliProgress from 'cli-progress';

/** A progress bar on stderr for long interactive runs; silent in CI and pipes. */
export function createProgress(total: number): { update: (done: number) => void; stop: () => void } {
  if (!process.stderr.isTTY || total < 20) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: '评测中 [{bar}] {value}/{total}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}

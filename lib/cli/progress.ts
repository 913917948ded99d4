import cliProgress from 'cli-progress';

export interface Progress {
  /** `done` of `total` units finished; the bar starts on the first call. */
  update(done: number, total: number): void;
  stop(): void;
}

/**
 * A progress bar on stderr while a person watches (stderr is a terminal); silent when piped or
 * in CI, so logs and `--json` output stay clean. `label` is Chinese, e.g. `入库`.
 *
 * @example
 * const progress = createProgress('入库', '分块');
 * await ingest(config, { onProgress: progress.update });
 * progress.stop();
 */
export function createProgress(label: string, unit: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { stream, format: `${label} [{bar}] {value}/{total} ${unit}`, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) bar.start(total, 0);
      started = true;
      bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

/** A knowledge-service logger for command-line tools: everything on stderr, so stdout keeps only the result. */
export function logToStderr(level: 'info' | 'error', message: string, detail?: unknown): void {
  const extra = typeof detail === 'string' ? detail : (detail as { message?: unknown } | undefined)?.message;
  const text = typeof extra === 'string' && extra !== '' ? `${message}:${extra}` : message;
  process.stderr.write(`${level === 'error' ? '错误' : '提示'}:${text}\n`);
}

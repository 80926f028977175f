/** A progress bar on standard error (count, rate, ETA) when it is a terminal; silent otherwise. */
import cliProgress from 'cli-progress';

export interface Progress {
  start(total: number): void;
  update(done: number, label: string): void;
  stop(): void;
}

/** A progress bar for `what` (e.g. "files"); a no-op when stderr is not a TTY. */
export function createProgress(what: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { start() {}, update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `{bar} {value}/{total} ${what} | {rate}/s | ETA {eta_formatted} | {label}`,
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let began = 0;
  return {
    start(total) {
      began = Date.now();
      bar.start(total, 0, { rate: '0.0', label: '' });
    },
    update(done, label) {
      const seconds = Math.max((Date.now() - began) / 1000, 0.001);
      bar.update(done, { rate: (done / seconds).toFixed(1), label: label.length > 40 ? `…${label.slice(-39)}` : label });
    },
    stop() {
      bar.stop();
    },
  };
}

/**
 * `dossier watch <feed-url…>`: polls RSS/Atom feeds and ingests new items until SIGINT/SIGTERM (or once with
 * --once). Thin: parses options, calls app/watch.ts, prints one summary line per poll.
 */
import { Option, type Command } from 'commander';
import { UsageError } from '../../model/index.js';
import type { PollSummary } from '../../app/watch.js';
import { defaultStatePath, FETCH_DEFAULTS, WATCH_DEFAULTS } from '../../app/watch-defaults.js';
import { DB_OPTION, printable, withStore, type CliContext, type CliIo } from '../context.js';
import { EXIT_OK, EXIT_SOME_FAILED } from '../exit-codes.js';
import { defaultJobs } from '../../app/default-jobs.js';

interface WatchCliOptions {
  readonly db: string;
  readonly interval: number;
  readonly once?: boolean;
  readonly state?: string;
  readonly maxBytes?: number;
  readonly timeout: number;
  readonly hostInterval: number;
  readonly maxItems: number;
  readonly allowPrivateHosts?: boolean;
  readonly json?: boolean;
  readonly jobs: number;
}

/** Registers `watch` on the program. */
export function registerWatchCommand(program: Command, { io, setExitCode }: CliContext): void {
  program
    .command('watch')
    .description('poll RSS/Atom feeds and ingest new items, politely (robots.txt, per-host spacing, conditional requests)')
    .argument('<feeds...>', 'feed URLs (http:// or https://)')
    .option(...DB_OPTION)
    .addOption(durationOption('--interval <duration>', 'time between polls: 90s, 15m, 1h (at least 1m)', parseInterval, WATCH_DEFAULTS.intervalMs))
    .option('--once', 'poll once and exit')
    .option('--state <file>', 'JSON file remembering feed validators and items handled (default: <db>.watch.json)')
    .option('--max-bytes <n>', 'stop downloads larger than this many bytes', positiveInt)
    .addOption(durationOption('--timeout <duration>', 'total time allowed per request, redirects included', parseDuration, FETCH_DEFAULTS.timeoutMs))
    .addOption(durationOption('--host-interval <duration>', 'pause between requests to the same host (a robots.txt Crawl-delay may raise it)', parseDuration, FETCH_DEFAULTS.minIntervalMs))
    .option('--max-items <n>', 'new items fetched per feed and poll (the rest wait for the next poll)', positiveInt, WATCH_DEFAULTS.maxItemsPerFeed)
    .option('--allow-private-hosts', 'let feeds, items and their redirects reach loopback, private and link-local addresses')
    .option('--json', 'print one JSON summary per poll')
    .option('--jobs <n>', 'worker threads that clean and annotate items while this one saves them (0: all on one thread)', nonNegativeInt, defaultJobs())
    .action(async (feeds: string[], opts: WatchCliOptions) => {
      for (const feed of feeds) if (!/^https?:\/\/[^/]/i.test(feed)) throw new UsageError(`feed "${feed}" is not an http:// or https:// URL`);
      const stop = new AbortController();
      const onSignal = (): void => {
        if (!opts.json) io.err('stopping: finishing this poll and saving the watch state…');
        stop.abort();
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      let hasFailures = false;
      try {
        const exitCode = await withStore(opts.db, async (store) => {
          const statePath = opts.state ?? defaultStatePath(opts.db);
          // Loaded on use: the pipeline's modules are what make `dossier --help` slow.
          const [{ watchFeeds }, { composeAnnotator }] = await Promise.all([import('../../app/watch.js'), import('../../app/compose-pipeline.js')]);
          // One pool for the whole watch: workers load the models once, not at every poll.
          const { stages, annotator, gazetteer } = await composeAnnotator(store, { jobs: opts.jobs });
          const { polls } = await watchFeeds(feeds, {
            store,
            stages,
            annotator,
            gazetteer,
            statePath,
            intervalMs: opts.interval,
            isOnce: opts.once ?? false,
            signal: stop.signal,
            maxItemsPerFeed: opts.maxItems,
            ...(opts.maxBytes === undefined ? {} : { maxBytes: opts.maxBytes }),
            fetch: { timeoutMs: opts.timeout, minIntervalMs: opts.hostInterval, allowPrivateHosts: opts.allowPrivateHosts ?? false },
            onPoll: (summary) => {
              hasFailures ||= summary.failures.length > 0 || summary.feeds.some((f) => f.status === 'failed');
              printPoll(summary, io, opts.json ?? false);
            },
          }).finally(() => annotator.close());
          if (!opts.json && !opts.once) io.out(`watch stopped after ${polls} poll(s); state saved in ${statePath}`);
          return opts.once && hasFailures ? EXIT_SOME_FAILED : EXIT_OK;
        }, 'create');
        setExitCode(exitCode);
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
}

function printPoll(summary: PollSummary, io: CliIo, isJson: boolean): void {
  if (isJson) {
    io.out(JSON.stringify(summary));
    return;
  }
  for (const feed of summary.feeds) if (feed.status === 'failed') io.err(`feed failed: ${printable(feed.feed)}: ${printable(feed.reason ?? '')} [${feed.code}]`);
  for (const warning of summary.warnings) io.err(`warning: ${printable(warning.source)}: ${printable(warning.reason)}`);
  for (const failure of summary.failures) io.err(`failed: ${printable(failure.source)}: ${printable(failure.reason)} [${failure.code}]`);
  const count = (status: string) => summary.feeds.filter((f) => f.status === status).length;
  io.out(
    `poll at ${summary.startedAt}: ${summary.feeds.length} feed(s) (${count('updated')} updated, ${count('not-modified')} not modified, ${count('failed')} failed); ` +
      `${summary.fetched} item(s) fetched: ${summary.inserted} new, ${summary.updated} updated, ${summary.duplicates} duplicate, ` +
      `${summary.failures.length} failed${summary.retryLater ? ` (${summary.retryLater} to retry)` : ''} in ${(summary.elapsedMs / 1000).toFixed(1)} s`,
  );
}

/** A duration: `250ms`, `30s`, `15m`, `1h`, or plain seconds. */
/** A duration option whose help shows its default as written ("15m"), not in milliseconds. */
function durationOption(flags: string, description: string, parse: (value: string) => number, defaultMs: number): Option {
  return new Option(flags, description).argParser(parse).default(defaultMs, formatDuration(defaultMs));
}

/** 900000 → "15m", 30000 → "30s", 1500 → "1500ms". */
function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

function parseDuration(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i.exec(value.trim());
  if (!match) throw new UsageError(`expected a duration such as 30s, 15m or 1h, got "${value}"`);
  const unit = (match[2] ?? 's').toLowerCase();
  const factor = unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'm' ? 60_000 : 3_600_000;
  const ms = Number(match[1]) * factor;
  if (ms <= 0) throw new UsageError(`expected a positive duration, got "${value}"`);
  return ms;
}

function parseInterval(value: string): number {
  const ms = parseDuration(value);
  if (ms < WATCH_DEFAULTS.minIntervalMs) throw new UsageError(`--interval "${value}": polling a feed more often than every minute is not polite`);
  return ms;
}

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 256) throw new UsageError(`expected a whole number from 0 to 256, got "${value}"`);
  return n;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`expected a positive whole number, got "${value}"`);
  return n;
}

/**
 * `dossier enqueue`, `dossier worker` and `dossier jobs`: ingestion spread over worker processes through
 * the pg-boss job queue in the shared PostgreSQL store. Thin: parses options, calls app/queue.ts, prints.
 */
import type { Command } from 'commander';
import { UsageError } from '../../model/index.js';
import { DEFAULT_JOB_POLICY } from '../../app/job-policy.js';
import type { CliContext } from '../context.js';
import { EXIT_OK, EXIT_SOME_FAILED } from '../exit-codes.js';

const DB_URL_OPTION = ['--db <url>', 'PostgreSQL store holding the queue: postgres://user@host/db[?schema=name]'] as const;

/** Registers enqueue, worker and jobs on the program. */
export function registerQueueCommands(program: Command, { io, setExitCode }: CliContext): void {
  program
    .command('enqueue')
    .description('add one ingest job per input file (files, folders, globs) to the shared queue')
    .argument('<inputs...>', 'files, folders or quoted globs; paths must be readable by the workers')
    .requiredOption(...DB_URL_OPTION)
    .option('--max-bytes <n>', 'workers refuse files larger than this many bytes', positiveInt)
    .option('--retry-limit <n>', 'retries after a failed attempt', nonNegativeInt, DEFAULT_JOB_POLICY.retryLimit)
    .option('--retry-delay <seconds>', 'first retry delay, doubled per retry', positiveInt, DEFAULT_JOB_POLICY.retryDelaySeconds)
    .option('--expire-seconds <n>', 'a job running longer is taken as abandoned (worker died) and retried', positiveInt, DEFAULT_JOB_POLICY.expireSeconds)
    .option('--json', 'print the result as JSON')
    .action(async (inputs: string[], opts: { db: string; maxBytes?: number; retryLimit: number; retryDelay: number; expireSeconds: number; json?: boolean }) => {
      const { enqueueInputs } = await import('../../app/queue.js');
      const result = await enqueueInputs(inputs, {
        db: opts.db,
        policy: { retryLimit: opts.retryLimit, retryDelaySeconds: opts.retryDelay, expireSeconds: opts.expireSeconds },
        ...(opts.maxBytes === undefined ? {} : { maxBytes: opts.maxBytes }),
      });
      for (const path of result.missing) io.err(`not found: ${path}`);
      if (opts.json) io.out(JSON.stringify(result));
      else io.out(`enqueued ${result.enqueued} job(s)${result.missing.length ? `, ${result.missing.length} input(s) not found` : ''}`);
      setExitCode(result.missing.length ? EXIT_SOME_FAILED : EXIT_OK);
    });

  program
    .command('worker')
    .description('process ingest jobs from the shared queue until stopped (SIGINT/SIGTERM finish running jobs first)')
    .requiredOption(...DB_URL_OPTION)
    .option('--concurrency <n>', 'jobs at once in this process (for more CPU, run more worker processes)', positiveInt, 1)
    .option('--jobs <n>', 'annotation worker threads shared by the jobs of this process (0: annotate on the main thread)', nonNegativeInt, 0)
    .option('--poll-seconds <s>', 'how often an idle worker looks for jobs (at least 0.5)', positiveNumber, 2)
    .option('--maintenance-seconds <n>', 'how often abandoned (expired) jobs are put back for retry', positiveInt, 30)
    .option('--until-idle', 'exit once no job is waiting, retrying or running')
    .option('--json', 'print one JSON line per job and a JSON summary')
    .action(async (opts: { db: string; concurrency: number; jobs: number; pollSeconds: number; maintenanceSeconds: number; untilIdle?: boolean; json?: boolean }) => {
      if (opts.pollSeconds < 0.5) throw new UsageError(`--poll-seconds "${opts.pollSeconds}": must be at least 0.5`);
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        const { runWorker } = await import('../../app/queue.js');
        const summary = await runWorker({
          db: opts.db,
          concurrency: opts.concurrency,
          jobs: opts.jobs,
          pollSeconds: opts.pollSeconds,
          maintenanceSeconds: opts.maintenanceSeconds,
          isUntilIdle: opts.untilIdle ?? false,
          signal: stop.signal,
          events: {
            onJobDone: (job, r) =>
              io.out(opts.json
                ? JSON.stringify({ job: job.id, path: job.data.path, state: 'completed', ...r })
                : `done ${job.data.path}: ${r.inserted} new, ${r.updated} updated, ${r.duplicates} duplicate`),
            onJobFailed: (job, error, willRetry) =>
              io.out(opts.json
                ? JSON.stringify({ job: job.id, path: job.data.path, state: willRetry ? 'retry' : 'failed', error: error.message })
                : `${willRetry ? 'retrying' : 'failed'} ${job.data.path} (attempt ${job.retryCount + 1}): ${error.message}`),
            onError: (error) => io.err(`worker: ${error.message}`),
          },
        });
        if (opts.json) io.out(JSON.stringify(summary));
        else io.out(`worker stopped: ${summary.jobsDone} job(s) done, ${summary.jobsFailed} failed for good; ${summary.inserted} new, ${summary.updated} updated, ${summary.duplicates} duplicate article(s)`);
        setExitCode(EXIT_OK);
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });

  program
    .command('jobs')
    .description('show the ingest queue: jobs per state, and failed jobs with their error')
    .requiredOption(...DB_URL_OPTION)
    .option('--failed', 'list the jobs that failed for good, newest first')
    .option('--limit <n>', 'maximum failed jobs listed', positiveInt, 100)
    .option('--retry-failed', 'put every failed job back in the queue')
    .option('--json', 'print JSON')
    .action(async (opts: { db: string; failed?: boolean; limit: number; retryFailed?: boolean; json?: boolean }) => {
      if (opts.retryFailed) {
        const { retryFailedJobs } = await import('../../app/queue.js');
      const n = await retryFailedJobs({ db: opts.db });
        io.out(opts.json ? JSON.stringify({ retried: n }) : `${n} failed job(s) put back in the queue`);
        setExitCode(EXIT_OK);
        return;
      }
      const { reportJobs } = await import('../../app/queue.js');
      const report = await reportJobs({ db: opts.db, failedLimit: opts.limit });
      if (opts.json) {
        io.out(JSON.stringify(opts.failed ? report : { counts: report.counts }));
      } else {
        io.out(Object.entries(report.counts).map(([state, n]) => `${state} ${n}`).join(', '));
        if (opts.failed) {
          for (const job of report.failed) io.out(`${job.id}  ${job.path}\n    ${job.code ? `[${job.code}] ` : ''}${job.reason} (${job.attempts} attempt(s), ${job.failedAt ?? 'time unknown'})`);
        }
      }
      setExitCode(EXIT_OK);
    });
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`expected a positive whole number, got "${value}"`);
  return n;
}

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`expected a whole number ≥ 0, got "${value}"`);
  return n;
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`expected a positive number, got "${value}"`);
  return n;
}

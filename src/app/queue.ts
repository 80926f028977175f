/**
 * Distributed ingest use cases: enqueue input files as jobs, run a worker that ingests them through the
 * same path as `dossier ingest` (one job = one file), and report the queue (failed jobs with their error).
 * Any number of workers on any number of machines share one PostgreSQL store and its pg-boss queue.
 */
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { IngestError, UsageError, type ErrorCode } from '../model/index.js';
import { expandInputs } from '../ingest/inputs.js';
import { isHttpUrl } from '../ingest/fetch/index.js';
import type { Resources, Stage } from '../pipeline/index.js';
import { isPostgresUrl, openPostgresStore } from '../store/postgres/index.js';
import { DEFAULT_JOB_POLICY, openIngestQueue, type FailedJob, type IngestJob, type IngestJobData, type JobPolicy, type JobState } from '../queue/index.js';
import { ingest, type IngestFailure } from './ingest.js';

export { DEFAULT_JOB_POLICY, type FailedJob, type JobPolicy, type JobState } from '../queue/index.js';
import { composeAnnotator } from './compose-pipeline.js';
import { createInlineAnnotator, type ArticleAnnotator } from './annotate.js';

/**
 * Failures no retry can fix: the bytes of the file are what they are. Missing or unreadable files are
 * retried, since on a shared file system another worker (or a later moment) may see them.
 */
const PERMANENT_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'E_INPUT_BINARY', 'E_INPUT_EMPTY', 'E_INPUT_TOO_LARGE', 'E_INPUT_NO_BODY', 'E_INPUT_MALFORMED', 'E_STAGE_FAILED', 'E_STAGE_MISSING_LAYER',
]);

/** Per-record failures kept on a failed job (its stored output); a JSONL of 10k bad lines keeps the first ones. */
const MAX_FAILURES_KEPT = 20;

/** A job's input file (or some of its records) could not be ingested; carries its first per-record failures. */
export class IngestJobError extends IngestError {
  readonly failures: readonly IngestFailure[];
  readonly failureCount: number;
  /** True when every failure is one no retry can fix. */
  readonly isPermanent: boolean;
  constructor(path: string, failures: readonly IngestFailure[], storedArticles: number) {
    const first = failures[0]!;
    const reason = failures.length === 1 && storedArticles === 0 && first.source === path
      ? first.reason
      : `${failures.length} record(s) failed, ${storedArticles} stored; first: ${first.source}: ${first.reason} [${first.code}]`;
    super(first.code as ErrorCode, path, reason);
    this.name = 'IngestJobError';
    this.failures = failures.slice(0, MAX_FAILURES_KEPT);
    this.failureCount = failures.length;
    this.isPermanent = failures.every((f) => PERMANENT_CODES.has(f.code));
  }
}

/** Throws a UsageError unless `db` is a postgres:// URL: the queue lives in PostgreSQL. */
function requirePostgres(db: string): void {
  if (!isPostgresUrl(db)) throw new UsageError(`--db "${db}": the job queue needs a PostgreSQL store (--db postgres://…)`);
}

export interface EnqueueOptions {
  readonly db: string;
  readonly policy?: JobPolicy;
  readonly maxBytes?: number;
}

export interface EnqueueResult {
  readonly enqueued: number;
  /** Inputs that matched no file: not enqueued. */
  readonly missing: readonly string[];
}

/** Expands inputs (files, folders, globs) and enqueues one job per file, by absolute path. */
export async function enqueueInputs(inputs: readonly string[], options: EnqueueOptions): Promise<EnqueueResult> {
  requirePostgres(options.db);
  if (inputs.includes('-')) throw new UsageError('enqueue reads files, not standard input ("-"): workers on other machines cannot read this process\'s stdin');
  const url = inputs.find(isHttpUrl); // workers each keep their own per-host spacing, so URLs would not be fetched politely
  if (url) throw new UsageError(`enqueue reads files, not URLs ("${url}"): fetch pages with \`dossier ingest\` and feeds with \`dossier watch\``);
  const entries = expandInputs(inputs);
  const jobs: IngestJobData[] = entries
    .filter((e) => !e.isMissing && !e.unreadable)
    .map((e) => ({ path: resolve(e.path), ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }) }));
  const queue = await openIngestQueue(options.db);
  try {
    const enqueued = await queue.enqueue(jobs, options.policy ?? DEFAULT_JOB_POLICY);
    return { enqueued, missing: entries.filter((e) => e.isMissing).map((e) => e.path) };
  } finally {
    await queue.stop();
  }
}

/** What one completed job did. */
export interface JobResult {
  readonly inserted: number;
  readonly updated: number;
  readonly duplicates: number;
  readonly notEnglish: number;
}

export interface WorkerEvents {
  onJobDone?(job: IngestJob, result: JobResult): void;
  /** `willRetry` is false when the job failed for good. */
  onJobFailed?(job: IngestJob, error: Error, willRetry: boolean): void;
  /** Background queue errors (lost connection, maintenance failure); the worker keeps going. */
  onError?(error: Error): void;
}

export interface WorkerOptions {
  readonly db: string;
  /** Job loops in this process, each one job at a time (default 1). Run one worker process per core for CPU. */
  readonly concurrency?: number;
  /** Idle polling interval (default 2 s). */
  readonly pollSeconds?: number;
  /** How often expired jobs (of killed workers) are put back (default 30 s). */
  readonly maintenanceSeconds?: number;
  /** Stop once no job is waiting, retrying or running (batch use, tests). */
  readonly isUntilIdle?: boolean;
  /** Aborting stops the worker gracefully: running jobs finish, no new ones start. */
  readonly signal?: AbortSignal;
  readonly stages?: readonly Stage[];
  readonly resources?: Resources;
  /**
   * Annotation worker threads shared by this process's job loops (default 0: each job annotates on the main thread).
   * Worth it with `concurrency` above 1 or files of many articles (JSONL, WARC, archives); saving stays on the main thread.
   */
  readonly jobs?: number;
  readonly events?: WorkerEvents;
}

export interface WorkerSummary {
  readonly jobsDone: number;
  readonly jobsFailed: number;
  readonly inserted: number;
  readonly updated: number;
  readonly duplicates: number;
  readonly elapsedMs: number;
}

/** Runs a worker until `signal` aborts (or, with isUntilIdle, the queue is empty); resolves to what it did. */
export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  requirePostgres(options.db);
  const began = performance.now();
  const concurrency = options.concurrency ?? 1;
  const store = openPostgresStore(options.db, { maxConnections: concurrency + 1 });
  const totals = { jobsDone: 0, jobsFailed: 0, inserted: 0, updated: 0, duplicates: 0 };
  let queue: Awaited<ReturnType<typeof openIngestQueue>> | undefined;
  let pool: ArticleAnnotator | undefined;
  try {
    await store.migrate();
    // The same pipeline as `dossier ingest`, imported dictionaries included.
    const { stages, annotator, gazetteer } = options.stages && options.resources
      ? { stages: options.stages, annotator: createInlineAnnotator(options.stages, options.resources), gazetteer: undefined }
      : await composeAnnotator(store, { jobs: options.jobs ?? 0 });
    pool = annotator;
    queue = await openIngestQueue(options.db, {
      isWorker: true,
      ...(options.maintenanceSeconds === undefined ? {} : { maintenanceSeconds: options.maintenanceSeconds }),
      ...(options.events?.onError ? { onError: options.events.onError } : {}),
    });
    const jobQueue = queue;
    await jobQueue.work(async (job) => {
      try {
        // The same use case as `dossier ingest`, on this job's one file. A failing store throws here,
        // and the job is retried with back-off.
        const summary = await ingest([job.data.path], { store, stages, annotator, ...(gazetteer ? { gazetteer } : options.resources ? { resources: options.resources } : {}), ...(job.data.maxBytes === undefined ? {} : { maxBytes: job.data.maxBytes }) });
        // An input unchanged since it was stored is, for a job, an article already held: a duplicate.
        const duplicates = summary.duplicates + summary.unchanged;
        if (summary.failures.length) throw new IngestJobError(job.data.path, summary.failures, summary.inserted + summary.updated + duplicates);
        const result: JobResult = { inserted: summary.inserted, updated: summary.updated, duplicates, notEnglish: summary.notEnglish };
        totals.jobsDone++;
        totals.inserted += result.inserted;
        totals.updated += result.updated;
        totals.duplicates += result.duplicates;
        options.events?.onJobDone?.(job, result);
        return result;
      } catch (error) {
        const isPermanent = error instanceof IngestJobError && error.isPermanent;
        if (isPermanent) await jobQueue.stopRetrying(job.id);
        const willRetry = !isPermanent && job.retryCount < job.retryLimit;
        if (!willRetry) totals.jobsFailed++;
        options.events?.onJobFailed?.(job, error instanceof Error ? error : new Error(String(error)), willRetry);
        throw error;
      }
    }, { concurrency, ...(options.pollSeconds === undefined ? {} : { pollSeconds: options.pollSeconds }) });
    await waitUntilStopped(options, jobQueue);
  } finally {
    await queue?.stop();
    await pool?.close();
    await store.close();
  }
  return { ...totals, elapsedMs: performance.now() - began };
}

/** Resolves when the signal aborts or, with isUntilIdle, when the queue has nothing left to do. */
async function waitUntilStopped(options: WorkerOptions, queue: { isIdle(): Promise<boolean> }): Promise<void> {
  const pollMs = Math.max(500, (options.pollSeconds ?? 2) * 1000);
  while (!options.signal?.aborted) {
    try {
      await sleep(pollMs, undefined, options.signal ? { signal: options.signal } : {});
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      throw error;
    }
    if (options.isUntilIdle && (await queue.isIdle())) return;
  }
}

/** The queue at a glance: jobs per state and the failed ones with their error. */
export interface JobReport {
  readonly counts: Readonly<Record<JobState, number>>;
  readonly failed: readonly FailedJob[];
}

/** Counts jobs by state and lists up to `failedLimit` failed jobs (newest first). */
export async function reportJobs(options: { db: string; failedLimit?: number }): Promise<JobReport> {
  requirePostgres(options.db);
  const queue = await openIngestQueue(options.db);
  try {
    return { counts: await queue.counts(), failed: await queue.failed(options.failedLimit ?? 100) };
  } finally {
    await queue.stop();
  }
}

/** Puts every failed job back in the queue (after fixing the input or the worker); returns how many. */
export async function retryFailedJobs(options: { db: string }): Promise<number> {
  requirePostgres(options.db);
  const queue = await openIngestQueue(options.db);
  try {
    return await queue.retryFailed();
  } finally {
    await queue.stop();
  }
}

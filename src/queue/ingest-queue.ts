/**
 * The ingest job queue, on pg-boss (a maintained queue that lives in PostgreSQL: SKIP LOCKED fetching,
 * retries with exponential back-off, expiry of jobs whose worker died). One job is one input file.
 * No coordination of our own: every worker only fetches, completes or fails jobs through pg-boss.
 */
import PgBoss from 'pg-boss';
import { DossierError, StoreError, describeCause } from '../model/index.js';
import { parsePostgresUrl, type PostgresTarget } from '../store/postgres/index.js';
import { countJobsByState, listFailedJobs, stopRetrying, type FailedJob, type JobState } from './pg-boss-tables.js';
import { DEFAULT_JOB_POLICY, type JobPolicy } from './job-policy.js';

/** The pg-boss queue ingest jobs go to. */
export const INGEST_QUEUE = 'dossier-ingest';

/** What one ingest job carries: an absolute path every worker can read. */
export interface IngestJobData {
  readonly path: string;
  /** Refuse files larger than this (the `--max-bytes` of `dossier enqueue`). */
  readonly maxBytes?: number;
}

/** A job handed to a worker's handler. */
export interface IngestJob {
  readonly id: string;
  readonly data: IngestJobData;
  /** 0 on the first attempt, 1 on the first retry, … */
  readonly retryCount: number;
  readonly retryLimit: number;
}

/** Retry and expiry policy stamped on each job when it is enqueued. */

export interface IngestQueueOptions {
  /**
   * True for worker processes: they run pg-boss maintenance, which finds expired jobs (a killed worker's)
   * and puts them back for retry. Any number of workers may; pg-boss runs it once per interval.
   */
  readonly isWorker?: boolean;
  /** How often maintenance looks for expired jobs (default 30 s). */
  readonly maintenanceSeconds?: number;
  /** Errors pg-boss raises in the background (lost connection, failed maintenance). */
  readonly onError?: (error: Error) => void;
}

export interface WorkOptions {
  /** Job loops in this process; each runs one job at a time. */
  readonly concurrency: number;
  /** How often an idle loop polls for new jobs (pg-boss minimum 0.5 s; default 2 s). */
  readonly pollSeconds?: number;
}

/** The ingest queue of one database. */
export interface IngestQueue {
  /** The pg-boss schema holding the queue's tables. */
  readonly schema: string;
  /** Adds one job per item; returns how many were added. */
  enqueue(items: readonly IngestJobData[], policy?: JobPolicy): Promise<number>;
  /**
   * Starts `concurrency` loops that fetch jobs and run `handler`; a resolved handler completes the job
   * (its value is stored as the job's output), a thrown error fails it (pg-boss retries it with back-off).
   */
  work(handler: (job: IngestJob) => Promise<object>, options: WorkOptions): Promise<void>;
  /** Makes the job fail for good on its next failure: for inputs no retry can fix (binary, empty …). */
  stopRetrying(jobId: string): Promise<void>;
  /** Number of jobs in each state (archived ones included). */
  counts(): Promise<Record<JobState, number>>;
  /** Jobs that failed for good, newest first, with their error. */
  failed(limit?: number): Promise<FailedJob[]>;
  /** Puts every failed job back in the queue; returns how many. */
  retryFailed(): Promise<number>;
  /** True when no job is waiting, waiting for a retry, or running. */
  isIdle(): Promise<boolean>;
  /** Stops the job loops (waiting up to timeoutMs for running jobs) and closes the connection pool. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

/** pg-boss schema for a --db URL: `<schema>_jobs` beside the store's schema, else `dossier_jobs`. */
export function queueSchemaFor(target: PostgresTarget): string {
  return target.schema ? `${target.schema}_jobs` : 'dossier_jobs';
}

/**
 * Opens (installing pg-boss's tables on first use) the ingest queue of a postgres:// --db.
 * @example const queue = await openIngestQueue('postgres://db/dossier'); await queue.enqueue([{ path: '/data/a.html' }]);
 */
export async function openIngestQueue(db: string, options: IngestQueueOptions = {}): Promise<IngestQueue> {
  const target = parsePostgresUrl(db);
  const schema = queueSchemaFor(target);
  const boss = new PgBoss({
    connectionString: target.connectionString,
    schema,
    application_name: options.isWorker ? 'dossier-worker' : 'dossier',
    supervise: options.isWorker ?? false,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 30,
    schedule: false,
    migrate: true,
  });
  // pg-boss emits background errors; an 'error' event without a listener would crash the process.
  boss.on('error', (error) => options.onError?.(error instanceof Error ? error : new Error(describeCause(error))));
  await wrap('start job queue', () => boss.start());
  await wrap('create ingest queue', () => ensureQueue(boss));
  const db_ = boss.getDb();

  return {
    schema,
    enqueue: async (items, policy = DEFAULT_JOB_POLICY) => {
      const BATCH = 1000;
      for (let i = 0; i < items.length; i += BATCH) {
        const jobs = items.slice(i, i + BATCH).map((data) => ({
          name: INGEST_QUEUE,
          data: { ...data },
          retryLimit: policy.retryLimit,
          retryDelay: policy.retryDelaySeconds,
          retryBackoff: true,
          expireInSeconds: policy.expireSeconds,
        }));
        await wrap('enqueue', () => boss.insert(jobs));
      }
      return items.length;
    },
    work: async (handler, workOptions) => {
      for (let i = 0; i < workOptions.concurrency; i++) {
        await wrap('start worker', () =>
          boss.work<IngestJobData>(INGEST_QUEUE, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: workOptions.pollSeconds ?? 2 }, async ([job]) =>
            job ? handler({ id: job.id, data: job.data, retryCount: job.retryCount, retryLimit: job.retryLimit }) : {},
          ),
        );
      }
    },
    stopRetrying: (jobId) => wrap('stop retrying', () => stopRetrying(db_, schema, INGEST_QUEUE, jobId)),
    counts: () => wrap('count jobs', () => countJobsByState(db_, schema, INGEST_QUEUE)),
    failed: (limit = 100) => wrap('list failed jobs', () => listFailedJobs(db_, schema, INGEST_QUEUE, limit)),
    retryFailed: async () => {
      const ids = (await wrap('list failed jobs', () => listFailedJobs(db_, schema, INGEST_QUEUE, 100_000, { isArchiveIncluded: false }))).map((j) => j.id);
      if (ids.length) await wrap('retry failed jobs', () => boss.retry(INGEST_QUEUE, ids));
      return ids.length;
    },
    isIdle: async () => (await wrap('queue size', () => boss.getQueueSize(INGEST_QUEUE, { before: 'completed' }))) === 0,
    stop: async (stopOptions = {}) => {
      await boss.stop({ graceful: true, wait: true, timeout: stopOptions.timeoutMs ?? 30_000 });
    },
  };
}

/** Creates the ingest queue unless it exists; another process creating it at the same moment is fine. */
async function ensureQueue(boss: PgBoss): Promise<void> {
  if (await boss.getQueue(INGEST_QUEUE)) return;
  try {
    await boss.createQueue(INGEST_QUEUE, { name: INGEST_QUEUE, policy: 'standard' });
  } catch (error) {
    if (!(await boss.getQueue(INGEST_QUEUE))) throw error;
  }
}

/** Runs a queue operation, turning any failure into a StoreError that names it. */
async function wrap<T>(op: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (cause) {
    if (cause instanceof DossierError) throw cause;
    throw new StoreError(`job queue: ${op}`, cause);
  }
}

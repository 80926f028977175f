/** Retry and expiry policy of ingest jobs: a module of its own so the CLI can show the defaults without loading pg-boss. */
export interface JobPolicy {
  /** Retries after the first attempt before the job is failed for good. */
  readonly retryLimit: number;
  /** Base delay before a retry; pg-boss doubles it per attempt, with jitter (exponential back-off). */
  readonly retryDelaySeconds: number;
  /** An active job older than this is taken as abandoned (its worker died) and retried. */
  readonly expireSeconds: number;
}

/** Defaults for a newsroom: 4 retries from 10 s (≈10 s, 20 s, 40 s, 80 s), 15 min per file. */
export const DEFAULT_JOB_POLICY: JobPolicy = { retryLimit: 4, retryDelaySeconds: 10, expireSeconds: 15 * 60 };

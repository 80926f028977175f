/**
 * Reads and one narrow write on pg-boss's own tables, for what its API (v10) does not offer: listing
 * failed jobs with their error, counting jobs by state, and failing a job without further retries.
 * Written against the pg-boss 10 schema (`job` and `archive` tables: name, id, state, data, output,
 * retry_count, retry_limit, created_on, completed_on); the queue tests cover every query here, so an
 * upgrade that changes those tables fails them.
 */
import type PgBoss from 'pg-boss';

/** pg-boss job states, in their lifecycle order. */
export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

const JOB_STATES: readonly JobState[] = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'];

/** A job that failed for good, with the error of its last attempt. */
export interface FailedJob {
  readonly id: string;
  /** The input file the job was for. */
  readonly path: string;
  /** Error code (E_INPUT_BINARY, E_STORE …) when the worker raised a Dossier error. */
  readonly code: string | undefined;
  readonly reason: string;
  /** Attempts made (first try + retries). */
  readonly attempts: number;
  readonly failedAt: string | null;
}

/** Counts jobs of a queue by state, live and archived together. */
export async function countJobsByState(db: PgBoss.Db, schema: string, queue: string): Promise<Record<JobState, number>> {
  const { rows } = await db.executeSql(
    `SELECT state::text AS state, count(*)::int AS n FROM (
       SELECT state FROM ${schema}.job WHERE name = $1
       UNION ALL SELECT state FROM ${schema}.archive WHERE name = $1
     ) j GROUP BY state`,
    [queue],
  );
  const counts = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
  for (const row of rows as { state: JobState; n: number }[]) counts[row.state] = row.n;
  return counts;
}

/** The queue's failed jobs, newest first; archived ones (moved after pg-boss's archive interval) too unless told not to. */
export async function listFailedJobs(db: PgBoss.Db, schema: string, queue: string, limit: number, options: { isArchiveIncluded?: boolean } = {}): Promise<FailedJob[]> {
  const columns = 'id::text AS id, data, output, retry_count, completed_on';
  const archive = options.isArchiveIncluded === false ? '' : `UNION ALL SELECT ${columns} FROM ${schema}.archive WHERE name = $1 AND state = 'failed'`;
  const { rows } = await db.executeSql(
    `SELECT * FROM (SELECT ${columns} FROM ${schema}.job WHERE name = $1 AND state = 'failed' ${archive}) f
     ORDER BY completed_on DESC NULLS LAST, id LIMIT $2`,
    [queue, limit],
  );
  return (rows as { id: string; data: { path?: string } | null; output: unknown; retry_count: number; completed_on: Date | null }[]).map((row) => ({
    id: row.id,
    path: String(row.data?.path ?? '(unknown)'),
    ...describeOutput(row.output),
    attempts: row.retry_count + 1,
    failedAt: row.completed_on ? row.completed_on.toISOString() : null,
  }));
}

/**
 * Lowers an active job's retry limit to the retries it has used, so pg-boss fails it for good on this
 * failure (and still applies its dead-letter rule) instead of retrying an input that cannot succeed.
 */
export async function stopRetrying(db: PgBoss.Db, schema: string, queue: string, jobId: string): Promise<void> {
  await db.executeSql(`UPDATE ${schema}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2 AND state = 'active'`, [queue, jobId]);
}

/**
 * The code and message of a job's output. pg-boss stores a thrown Error serialised ({name, message,
 * code …}), its own expiry as {value: {message}}, and a bare string as {value: "…"}.
 */
function describeOutput(output: unknown): { code: string | undefined; reason: string } {
  if (output && typeof output === 'object') {
    const o = output as Record<string, unknown>;
    if (typeof o['message'] === 'string') return { code: typeof o['code'] === 'string' ? o['code'] : undefined, reason: o['message'] };
    const value = o['value'];
    if (typeof value === 'string') return { code: undefined, reason: value };
    if (value && typeof value === 'object' && typeof (value as Record<string, unknown>)['message'] === 'string') {
      return { code: undefined, reason: String((value as Record<string, unknown>)['message']) };
    }
  }
  return { code: undefined, reason: output === null || output === undefined ? '(no error recorded)' : JSON.stringify(output) };
}

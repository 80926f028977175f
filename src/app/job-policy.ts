/** The ingest queue's retry policy, for interfaces that show its defaults without loading the queue (pg-boss). */
export { DEFAULT_JOB_POLICY, type JobPolicy } from '../queue/job-policy.js';

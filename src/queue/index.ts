export {
  INGEST_QUEUE,
  openIngestQueue,
  queueSchemaFor,
  type IngestJob,
  type IngestJobData,
  type IngestQueue,
  type IngestQueueOptions,
  type WorkOptions,
} from './ingest-queue.js';
export type { FailedJob, JobState } from './pg-boss-tables.js';
export { DEFAULT_JOB_POLICY, type JobPolicy } from './job-policy.js';

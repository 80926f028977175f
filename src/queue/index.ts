export {
  DEFAULT_JOB_POLICY,
  INGEST_QUEUE,
  openIngestQueue,
  queueSchemaFor,
  type IngestJob,
  type IngestJobData,
  type IngestQueue,
  type IngestQueueOptions,
  type JobPolicy,
  type WorkOptions,
} from './ingest-queue.js';
export type { FailedJob, JobState } from './pg-boss-tables.js';

/** The default number of annotation workers (`--jobs`), in a module light enough for the CLI to load at start. */
import { availableParallelism } from 'node:os';

/** One core stays free for the writer (reading, cross-article steps, the store); never fewer than one worker. */
export function defaultJobs(cores: number = availableParallelism()): number {
  return Math.max(1, cores - 1);
}

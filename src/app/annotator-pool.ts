/**
 * A pool of worker threads that clean and annotate articles (`dossier ingest --jobs N`). Each worker loads the lexicons
 * once and takes the models it is handed (`resources.models`, in shared memory) or loads its own; tasks go to the
 * least busy worker, at most two at a time each so none waits idle while the writer catches up. Outcomes come back
 * as plain data: the caller (ingest) saves them in input order.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker, workerEntry, type WorkerEntry } from '../platform/worker-thread.js';
import { DossierError, type RawArticle } from '../model/index.js';
import { defaultStages } from '../pipeline/index.js';
import type { Genre } from '../nlp/genre.js';
import type { AnnotateOutcome, ArticleAnnotator } from './annotate.js';
import type { AnnotateTask, WorkerReply } from './annotate-worker.js';
import type { ResourceOptions } from './resources.js';

export { defaultJobs } from './default-jobs.js';
export type { WorkerEntry } from '../platform/worker-thread.js';

/** Tasks a worker holds at once: one running, one waiting in its port. */
const TASKS_PER_WORKER = 2;

function startAnnotateWorker(entry: WorkerEntry, resources: ResourceOptions): Worker {
  return startWorker(entry, { workerData: resources });
}

interface Task {
  readonly message: AnnotateTask;
  readonly resolve: (outcome: AnnotateOutcome) => void;
}

interface PoolWorker {
  readonly thread: Worker;
  /** Tasks sent to this worker and not yet answered, by id. */
  readonly tasks: Map<number, Task>;
}

/**
 * Starts `jobs` workers and resolves once every one has loaded its resources (a worker that cannot start rejects).
 * @example const annotator = await createAnnotatorPool({ jobs: 2, resources: { dictionaries } }); … await annotator.close();
 */
export async function createAnnotatorPool(options: {
  readonly jobs: number;
  readonly resources?: ResourceOptions;
  /** The worker to start (tests); default: annotate-worker beside this module. */
  readonly entry?: WorkerEntry;
}): Promise<ArticleAnnotator> {
  if (!Number.isInteger(options.jobs) || options.jobs < 1) throw new DossierError('E_USAGE', `a worker pool needs at least one worker, got ${options.jobs}`);
  const entry = options.entry ?? workerEntry(import.meta.url, 'annotate-worker');
  const waiting: Task[] = [];
  const workers: PoolWorker[] = [];
  let nextId = 0;
  let isClosing = false;

  const dispatch = (): void => {
    while (waiting.length) {
      const idle = workers.filter((w) => w.tasks.size < TASKS_PER_WORKER).sort((a, b) => a.tasks.size - b.tasks.size)[0];
      if (!idle) return;
      const task = waiting.shift()!;
      idle.tasks.set(task.message.id, task);
      idle.thread.postMessage(task.message);
    }
  };

  /**
   * A worker that died fails the article it was annotating (the oldest it held: a worker takes its messages in
   * order), named as any failed input; the articles waiting behind it go back to the front of the queue, and the
   * worker is replaced.
   */
  const onWorkerLost = (worker: PoolWorker, reason: string): void => {
    const index = workers.indexOf(worker);
    if (index < 0) return;
    workers.splice(index, 1);
    const [running, ...held] = worker.tasks.values();
    running?.resolve({ ok: false, code: 'E_STAGE_FAILED', reason: `annotation worker stopped: ${reason}`, warnings: [] });
    waiting.unshift(...held);
    worker.tasks.clear();
    if (!isClosing) {
      start().then(dispatch, (error: unknown) => {
        // No replacement could start: what waits fails rather than hanging.
        for (const task of waiting.splice(0)) task.resolve({ ok: false, code: 'E_STAGE_FAILED', reason: `no annotation worker: ${String(error)}`, warnings: [] });
      });
    }
  };

  const start = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker: PoolWorker = { thread: startAnnotateWorker(entry, options.resources ?? {}), tasks: new Map() };
      let isReady = false;
      worker.thread.on('message', (reply: WorkerReply) => {
        if (reply.kind === 'ready') {
          isReady = true;
          workers.push(worker);
          resolve();
        } else if (reply.kind === 'failed-to-start') {
          reject(new DossierError('E_RESOURCE_MISSING', `an annotation worker could not load its resources: ${reply.reason}`));
          void worker.thread.terminate();
        } else {
          const task = worker.tasks.get(reply.id);
          worker.tasks.delete(reply.id);
          task?.resolve(reply.outcome);
          dispatch();
        }
      });
      worker.thread.on('error', (error: Error) => {
        if (!isReady) reject(new DossierError('E_RESOURCE_MISSING', `an annotation worker failed to start: ${error.message}`, { cause: error }));
        else onWorkerLost(worker, error.message);
      });
      worker.thread.on('exit', (code) => {
        if (!isReady) reject(new DossierError('E_RESOURCE_MISSING', `an annotation worker exited with code ${code} before it was ready`));
        else if (!isClosing) onWorkerLost(worker, `exited with code ${code}`);
      });
    });

  const started = await Promise.allSettled(Array.from({ length: options.jobs }, start));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    isClosing = true;
    await Promise.all(workers.map((w) => w.thread.terminate()));
    throw failed.reason;
  }

  return {
    stages: defaultStages(),
    capacity: options.jobs * TASKS_PER_WORKER + 1,
    annotate(raw: RawArticle, genres: readonly Genre[]): Promise<AnnotateOutcome> {
      if (isClosing) return Promise.reject(new DossierError('E_USAGE', 'the annotator pool is closed'));
      return new Promise((resolve) => {
        waiting.push({ message: { id: nextId++, raw, genres }, resolve });
        dispatch();
      });
    },
    async close(): Promise<void> {
      isClosing = true;
      await Promise.all(workers.map((w) => w.thread.terminate()));
      workers.length = 0;
    },
  };
}

/**
 * Entry of an annotation worker thread (see annotator-pool.ts): loads the default stages and their resources once,
 * says it is ready, then annotates each raw article it is sent and posts the outcome back with the task's id.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RawArticle } from '../model/index.js';
import { defaultStages } from '../pipeline/index.js';
import type { Genre } from '../nlp/genre.js';
import { annotateArticle, planAnnotation } from './annotate.js';
import { loadDefaultResources, type ResourceOptions } from './resources.js';

/** What the pool sends: one article to annotate. */
export interface AnnotateTask {
  readonly id: number;
  readonly raw: RawArticle;
  readonly genres: readonly Genre[];
}

/** What the worker sends back: ready once, or a task's outcome, or why it could not start. */
export type WorkerReply =
  | { readonly kind: 'ready' }
  | { readonly kind: 'failed-to-start'; readonly reason: string }
  | { readonly kind: 'done'; readonly id: number; readonly outcome: ReturnType<typeof annotateArticle> };

const port = parentPort;
if (port) {
  const options = workerData as ResourceOptions;
  try {
    const plan = planAnnotation(defaultStages(), await loadDefaultResources(options));
    port.on('message', (task: AnnotateTask) => {
      port.postMessage({ kind: 'done', id: task.id, outcome: annotateArticle(task.raw, plan, task.genres) } satisfies WorkerReply);
    });
    port.postMessage({ kind: 'ready' } satisfies WorkerReply);
  } catch (error) {
    port.postMessage({ kind: 'failed-to-start', reason: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
  }
}

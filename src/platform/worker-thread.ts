/**
 * Starting a worker thread on a module of ours, from the compiled build or from the TypeScript sources.
 *
 * From compiled JavaScript (build/, what bin/dossier.js runs) the entry is the `.js` file beside the caller. From
 * the sources (tsx: tests, `npm run` scripts) a loader registered in the main thread is not inherited by workers,
 * and Node 20 does not apply `--import` hooks to a worker's entry file, so a two-line script registers tsx in the
 * worker first and then imports the `.ts` entry.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** How to start a worker: a file (compiled JavaScript), or a bootstrap script evaluated in the worker. */
export type WorkerEntry = { readonly kind: 'file'; readonly url: URL } | { readonly kind: 'eval'; readonly script: string };

/**
 * The entry of the worker module `name` (without extension) beside the module at `callerUrl` (its import.meta.url).
 * @example workerEntry(import.meta.url, 'read-worker')
 */
export function workerEntry(callerUrl: string, name: string, resolveTsxApi: () => string = () => import.meta.resolve('tsx/esm/api')): WorkerEntry {
  if (!callerUrl.endsWith('.ts')) return { kind: 'file', url: new URL(`./${name}.js`, callerUrl) };
  const entry = new URL(`./${name}.ts`, callerUrl).href;
  return { kind: 'eval', script: `import(${JSON.stringify(resolveTsxApi())}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });` };
}

/** Starts a worker on `entry` (no inherited flags: the entry brings what it needs). */
export function startWorker(entry: WorkerEntry, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const withDefaults = { execArgv: [], ...options };
  return entry.kind === 'file' ? new Worker(entry.url, withDefaults) : new Worker(entry.script, { ...withDefaults, eval: true });
}

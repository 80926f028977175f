/**
 * Reads of a SQLite store served by worker threads, each with its own connection to the same file.
 *
 * better-sqlite3 answers synchronously, so on one connection every read of a busy server runs on the event loop,
 * one after another: under 20 clients the p95 latency was 366 ms where one client saw ~10 ms. WAL lets readers run
 * beside each other and beside the one writer, so the read methods listed in POOLED_READS go to a small pool of
 * threads; everything else (writes, migrations, the methods of later features) stays on the main connection. A
 * reader sees every transaction committed before its read started, as on the main connection.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker, workerEntry } from '../../platform/worker-thread.js';
import { DossierError, StoreError, UsageError, type ErrorCode } from '../../model/index.js';
import type { Store } from '../store.js';

/** Store methods that only read and whose arguments and results survive structured cloning. */
export const POOLED_READS = [
  'getArticle', 'getArticles', 'listArticles', 'countArticles', 'articleEntityLinks', 'search', 'listPlaces', 'searchFacets', 'listClaims', 'countClaims',
  'getClaim', 'listClaimLinks', 'stats', 'listEntities', 'listEvents', 'listEventKeys', 'listMapEvents', 'listMapCells', 'countEvents', 'countEventsByPeriod', 'countArticlesByPeriod', 'getEvent', 'getEvents', 'listDictionaries', 'listCooccurrences', 'getEntity', 'findEntity',
] as const satisfies readonly (keyof Store)[];

type PooledRead = (typeof POOLED_READS)[number];

/** A request to a reader thread and its answer. */
export interface ReadRequest { readonly id: number; readonly method: PooledRead; readonly args: readonly unknown[] }
export type ReadAnswer =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: { readonly name: string; readonly code?: string; readonly message: string } };

interface Reader {
  readonly worker: Worker;
  readonly pending: Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>;
}


/**
 * `store` with its POOLED_READS served by `size` reader threads on the SQLite file at `path` (a file, not
 * ":memory:", whose schema `store` has migrated). close() stops the threads, then closes `store`.
 */
export function withReadPool(store: Store, path: string, size: number): Store {
  const readers: Reader[] = [];
  let nextId = 1;
  let closed = false;
  for (let i = 0; i < Math.max(1, size); i++) {
    const worker = startWorker(workerEntry(import.meta.url, 'read-worker'), { workerData: { path } });
    const reader: Reader = { worker, pending: new Map() };
    worker.on('message', (answer: ReadAnswer) => {
      const call = reader.pending.get(answer.id);
      if (!call) return;
      reader.pending.delete(answer.id);
      if (!reader.pending.size) worker.unref();
      if (answer.ok) call.resolve(answer.value);
      else call.reject(toError(answer.error));
    });
    // A thread that dies fails what it was asked; later reads go to the main connection (see pooled()).
    worker.on('error', (error) => failAll(reader, new StoreError('read (SQLite reader thread)', error)));
    worker.on('exit', () => failAll(reader, new StoreError('read (SQLite reader thread)', 'the thread stopped')));
    // Idle threads do not keep the process alive; a thread with reads to answer does.
    worker.unref();
    readers.push(reader);
  }
  const failAll = (reader: Reader, error: Error) => {
    for (const call of reader.pending.values()) call.reject(error);
    reader.pending.clear();
    const at = readers.indexOf(reader);
    if (at >= 0) readers.splice(at, 1);
  };
  const pooled = (method: PooledRead) => (...args: unknown[]): Promise<unknown> => {
    // The least busy thread; none left (all died, or closing): the main connection answers.
    const reader = readers.reduce<Reader | undefined>((best, r) => (!best || r.pending.size < best.pending.size ? r : best), undefined);
    if (!reader || closed) return (store[method] as (...a: unknown[]) => Promise<unknown>)(...args);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      reader.pending.set(id, { resolve, reject });
      reader.worker.ref();
      reader.worker.postMessage({ id, method, args } satisfies ReadRequest);
    });
  };
  const overrides: Partial<Record<keyof Store, unknown>> = Object.fromEntries(POOLED_READS.map((m) => [m, pooled(m)]));
  overrides.close = async () => {
    closed = true;
    await Promise.all(readers.splice(0).map((r) => r.worker.terminate()));
    await store.close();
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      if (typeof property === 'string' && Object.hasOwn(overrides, property)) return overrides[property as keyof Store];
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The error a reader thread reported, as the same kind of error the main connection would have thrown. */
function toError(error: { readonly name: string; readonly code?: string; readonly message: string }): Error {
  if (error.code === 'E_USAGE') return new UsageError(error.message);
  if (error.code) return new DossierError(error.code as ErrorCode, error.message);
  const out = new Error(error.message);
  out.name = error.name;
  return out;
}

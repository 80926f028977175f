/**
 * A reader thread of the SQLite read pool (read-pool.ts): its own connection to the store file, answering one read
 * at a time. Errors go back as code and message, so the main thread raises the same kind of error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DossierError } from '../../model/index.js';
import type { ReadAnswer, ReadRequest } from './read-pool.js';
import { openSqliteStore } from './sqlite-store.js';

const { path } = workerData as { path: string };
// The main thread migrated the schema before starting the pool: this connection only reads.
const store = openSqliteStore(path);

parentPort!.on('message', async (request: ReadRequest) => {
  let answer: ReadAnswer;
  try {
    const read = store[request.method] as (...args: readonly unknown[]) => Promise<unknown>;
    answer = { id: request.id, ok: true, value: await read(...request.args) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    answer = { id: request.id, ok: false, error: { name: e.name, message: e.message, ...(e instanceof DossierError ? { code: e.code } : {}) } };
  }
  parentPort!.postMessage(answer);
});

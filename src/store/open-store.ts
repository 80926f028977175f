/** Opens the store a --db value names: a file path (SQLite) or a postgres:// URL (PostgreSQL). */
import { isPostgresUrl, openPostgresStore } from './postgres/index.js';
import { openSqliteStore, withReadPool } from './sqlite/index.js';
import type { Store } from './store.js';

export { DEFAULT_DB_PATH } from './location.js';
import { DEFAULT_DB_PATH } from './location.js';

/** How a store is opened. */
export interface OpenStoreOptions {
  /**
   * Reader threads for a SQLite file (0: none, the default): reads run beside each other and beside the writer
   * instead of one after another on the event loop (read-pool.ts). PostgreSQL reads already go through a pool.
   */
  readonly readers?: number;
}

/** Opens and migrates the store named by `db` (`postgres://host/db?schema=name` for PostgreSQL). */
export async function openStore(db: string = DEFAULT_DB_PATH, options: OpenStoreOptions = {}): Promise<Store> {
  const store = isPostgresUrl(db) ? openPostgresStore(db) : openSqliteStore(db);
  await store.migrate();
  const readers = options.readers ?? 0;
  return readers > 0 && !isPostgresUrl(db) && db !== ':memory:' ? withReadPool(store, db, readers) : store;
}

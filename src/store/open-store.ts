/** Opens the store a --db value names: a file path (SQLite) or a postgres:// URL (PostgreSQL). */
import { isPostgresUrl, openPostgresStore } from './postgres/index.js';
import { openSqliteStore } from './sqlite/index.js';
import type { Store } from './store.js';

export { DEFAULT_DB_PATH } from './location.js';
import { DEFAULT_DB_PATH } from './location.js';

/** Opens and migrates the store named by `db` (`postgres://host/db?schema=name` for PostgreSQL). */
export async function openStore(db: string = DEFAULT_DB_PATH): Promise<Store> {
  const store = isPostgresUrl(db) ? openPostgresStore(db) : openSqliteStore(db);
  await store.migrate();
  return store;
}

/** Opens the store a --db value names: a file path (SQLite) or, later, a postgres:// URL. */
import { UsageError } from '../model/index.js';
import { openSqliteStore } from './sqlite/index.js';
import type { Store } from './store.js';

export const DEFAULT_DB_PATH = 'dossier.db';

/** Opens and migrates the store named by `db`. */
export async function openStore(db: string = DEFAULT_DB_PATH): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(db)) throw new UsageError(`--db "${db}": PostgreSQL is not supported yet (issue #10)`);
  const store = openSqliteStore(db);
  await store.migrate();
  return store;
}

export { openSqliteStore, MAX_PAGE_SIZE, RANK_TIER, type SqliteStoreOptions } from './sqlite-store.js';
export { SQLITE_MIGRATIONS } from './migrations.js';
export { withReadPool, POOLED_READS } from './read-pool.js';

export { openSqliteStore, MAX_PAGE_SIZE } from './sqlite-store.js';
export { SQLITE_MIGRATIONS } from './migrations.js';

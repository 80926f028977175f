/** The store as interfaces (CLI, API) reach it: opening one, and the types of what it returns. */
export { DEFAULT_DB_PATH, openStore } from '../store/open-store.js';
export { isPostgresUrl } from '../store/postgres/index.js';
export type { EntityOverride, EventQuery, MergedEventDetail, MergedEventRow, Store } from '../store/store.js';

export { openPostgresStore, MAX_PAGE_SIZE, type PostgresStoreOptions } from './postgres-store.js';
export { POSTGRES_MIGRATIONS, FTS_MAX_CHARS } from './migrations.js';
export { createPool, checkSchemaName, isPostgresUrl, parsePostgresUrl, type PostgresTarget, type PoolOptions } from './driver.js';
export { toTsQuerySql, type TsQuerySql } from './ts-query.js';

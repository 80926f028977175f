/**
 * Planner statistics after large writes. PostgreSQL plans from statistics gathered by ANALYZE, which autovacuum runs
 * when enough of a table has changed; with autovacuum off (or behind during a bulk ingest) a store filled from empty
 * is planned as if its tables were tiny: on 20k articles, a page of events, an entity page and filter-only search
 * took nested loops over the whole store. The store therefore applies the server's own autovacuum rule itself (a
 * table is stale when the rows changed since its last ANALYZE exceed autovacuum_analyze_threshold +
 * autovacuum_analyze_scale_factor × its rows), after every so many saves. Where autovacuum keeps up, no table is
 * ever found stale and this costs one catalogue query per check.
 */
import type pg from 'pg';

/** Saves between two checks for stale tables (a check is one query on pg_stat_user_tables). */
export const ANALYZE_CHECK_EVERY = 200;

/** The store's tables (the connection's current schema) that the server's autovacuum rule would analyse now. */
export const STALE_TABLES_SQL = `SELECT s.relname FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
  WHERE s.schemaname = current_schema()
    AND s.n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::float8
      + current_setting('autovacuum_analyze_scale_factor')::float8 * greatest(c.reltuples, 0)
  ORDER BY s.relname`;

/**
 * Analyses the stale tables of the connection's schema; returns their names ([] when none, or when another process
 * holds `lockKey`: it is analysing them already). Runs on one pooled connection, outside any transaction, so the
 * saves that made the tables stale are committed and each ANALYZE commits on its own.
 */
export async function analyzeStaleTables(pool: pg.Pool, lockKey: string): Promise<string[]> {
  const client = await pool.connect();
  try {
    const [lock] = (await client.query('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [lockKey])).rows as { ok: boolean }[];
    if (!lock?.ok) return [];
    try {
      const tables = ((await client.query(STALE_TABLES_SQL)).rows as { relname: string }[]).map((r) => r.relname);
      for (const table of tables) await client.query(`ANALYZE ${quoteIdentifier(table)}`);
      return tables;
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]);
    }
  } finally {
    client.release();
  }
}

/** A table name from the catalogue as an SQL identifier. */
function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Planner statistics and visibility maps after large writes. PostgreSQL plans from statistics gathered by ANALYZE,
 * and answers from an index alone only on pages VACUUM has marked all-visible; autovacuum runs both when enough of a
 * table has changed. With autovacuum off (or behind during a bulk ingest) a store filled from empty was planned as
 * if its tables were tiny, read the heap for every index entry (an entity page's outlet counts: 47 ms for one
 * entity of 2.9k articles) and kept every dead row of the counters each save updates (entities, pairs, the
 * revision). The store therefore applies the server's own autovacuum rules itself after every so many saves:
 * VACUUM (ANALYZE) a table whose dead rows or rows inserted since its last vacuum pass autovacuum's thresholds,
 * ANALYZE one whose rows changed since its last ANALYZE pass autovacuum_analyze_threshold +
 * autovacuum_analyze_scale_factor × its rows. Where autovacuum keeps up, no table is found and a check costs one
 * catalogue query.
 */
import type pg from 'pg';

/** Saves between two checks for stale tables (a check is one query on pg_stat_user_tables). */
export const ANALYZE_CHECK_EVERY = 200;

/**
 * The store's tables (the connection's current schema) that autovacuum's rules would vacuum or analyse now, with
 * `vacuum` true for the first. Inserted rows count from PostgreSQL 13 (read through to_jsonb, so older servers
 * answer too: their autovacuum has no insert rule either).
 */
export const STALE_TABLES_SQL = `SELECT relname, vacuum FROM (
    SELECT s.relname, greatest(c.reltuples, 0) AS n, s.n_dead_tup AS dead, s.n_mod_since_analyze AS changed,
      coalesce((to_jsonb(s) ->> 'n_ins_since_vacuum')::float8, 0) AS inserted
    FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.schemaname = current_schema()
  ) t, LATERAL (SELECT
    t.dead > current_setting('autovacuum_vacuum_threshold')::float8 + current_setting('autovacuum_vacuum_scale_factor')::float8 * t.n
    OR t.inserted > coalesce(current_setting('autovacuum_vacuum_insert_threshold', true)::float8, 'Infinity')
      + coalesce(current_setting('autovacuum_vacuum_insert_scale_factor', true)::float8, 0) * t.n AS vacuum) v
  WHERE v.vacuum OR t.changed > current_setting('autovacuum_analyze_threshold')::float8 + current_setting('autovacuum_analyze_scale_factor')::float8 * t.n
  ORDER BY relname`;

/**
 * Vacuums or analyses the stale tables of the connection's schema; returns their names ([] when none, or when
 * another process holds `lockKey`: it is at it already). Runs on one pooled connection, outside any transaction (as
 * VACUUM must), so the saves that made the tables stale are committed and each command commits on its own.
 */
export async function maintainStaleTables(pool: pg.Pool, lockKey: string): Promise<string[]> {
  const client = await pool.connect();
  try {
    const [lock] = (await client.query('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [lockKey])).rows as { ok: boolean }[];
    if (!lock?.ok) return [];
    try {
      const tables = (await client.query(STALE_TABLES_SQL)).rows as { relname: string; vacuum: boolean }[];
      for (const table of tables) await client.query(`${table.vacuum ? 'VACUUM (ANALYZE)' : 'ANALYZE'} ${quoteIdentifier(table.relname)}`);
      return tables.map((t) => t.relname);
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

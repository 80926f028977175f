/**
 * Connection to PostgreSQL: parses a `--db postgres://…` value and opens a node-postgres pool whose
 * connections use the schema the URL names (`?schema=name`, a Dossier-only parameter stripped before
 * the URL reaches the driver), so several stores (or test runs) can share one database.
 */
import { userInfo } from 'node:os';
import pg from 'pg';
import { UsageError } from '../../model/index.js';

/** What a `--db postgres://…` value names: the server/database and the schema to use in it. */
export interface PostgresTarget {
  /** The connection string without Dossier's own parameters. */
  readonly connectionString: string;
  /** Schema holding Dossier's tables; undefined means the server's default search_path (usually `public`). */
  readonly schema: string | undefined;
}

/** Schema names we accept: plain lower-case SQL identifiers, so they never need quoting. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export { isPostgresUrl } from '../location.js';

/**
 * Splits a --db URL into a driver connection string and a schema.
 * @example parsePostgresUrl('postgres:///test?schema=dossier') // { connectionString: 'postgres:///test', schema: 'dossier' }
 */
export function parsePostgresUrl(db: string): PostgresTarget {
  let url: URL;
  try {
    url = new URL(db);
  } catch (cause) {
    throw new UsageError(`--db "${db}" is not a valid postgres:// URL (${cause instanceof Error ? cause.message : String(cause)})`);
  }
  const schema = url.searchParams.get('schema') ?? undefined;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new UsageError(`--db schema "${schema}" must be a lower-case SQL identifier (letters, digits, _; at most 63 characters)`);
  }
  url.searchParams.delete('schema');
  if (!url.username) {
    // libpq connects as the OS user when the URL names none (`postgres:///test`); node-postgres would
    // send an empty user name instead. A URL cannot carry a user without a host, so name the host too.
    if (!url.hostname) url.hostname = process.env['PGHOST'] && !process.env['PGHOST'].includes('/') ? process.env['PGHOST'] : 'localhost';
    url.username = process.env['PGUSER'] || process.env['USER'] || userInfo().username;
  }
  return { connectionString: url.toString(), schema };
}

/** Checks a schema name the same way parsePostgresUrl does; returns it. */
export function checkSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) throw new UsageError(`schema "${schema}" must be a lower-case SQL identifier (letters, digits, _; at most 63 characters)`);
  return schema;
}

export interface PoolOptions {
  /** Most connections this pool opens (default 4). */
  readonly maxConnections?: number;
  /** Shown in pg_stat_activity (default "dossier"). */
  readonly applicationName?: string;
}

/**
 * Opens a pool on the target; every connection's search_path is the target's schema when one is named, and JIT
 * compilation is off: the store's queries are short, and one whose estimated cost passed jit_above_cost (a page of
 * merged events at a large offset, on tables never analysed) spent ≈ 1.1 s compiling to run in 0.6 s.
 */
export function createPool(target: PostgresTarget, options: PoolOptions = {}): pg.Pool {
  return new pg.Pool({
    connectionString: target.connectionString,
    max: options.maxConnections ?? 4,
    application_name: options.applicationName ?? 'dossier',
    // Startup parameters, so they are in force before the first query on every pooled connection.
    options: ['-c jit=off', ...(target.schema ? [`-c search_path=${target.schema}`] : [])].join(' '),
  });
}

/**
 * PostgreSQL for tests: tests run against DATABASE_URL when it is set and skip with this module's
 * reason otherwise. Each test run works in a fresh schema `dossier_test_<random>` (and the job queue in
 * `<schema>_jobs`), dropped afterwards, so parallel and repeated runs never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { parsePostgresUrl } from '../../src/store/postgres/index.js';

/** Why PostgreSQL tests skip, or undefined when DATABASE_URL is set. */
export const POSTGRES_SKIP_REASON: string | undefined = process.env['DATABASE_URL']
  ? undefined
  : 'DATABASE_URL is not set (e.g. DATABASE_URL=postgres:///test): PostgreSQL tests skipped';

/** A throwaway schema on the test database. */
export interface TestSchema {
  readonly schema: string;
  /** DATABASE_URL with `?schema=<schema>`, as a --db value. */
  readonly url: string;
  /** Drops the schema and its job-queue schema with everything in them. */
  drop(): Promise<void>;
}

/** Names a fresh schema on DATABASE_URL; the store creates it on migrate. */
export function createTestSchema(prefix = 'dossier_test'): TestSchema {
  const base = process.env['DATABASE_URL'];
  if (!base) throw new Error(POSTGRES_SKIP_REASON);
  const schema = `${prefix}_${randomBytes(5).toString('hex')}`;
  const url = new URL(base);
  url.searchParams.set('schema', schema);
  return {
    schema,
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: parsePostgresUrl(base).connectionString });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.query(`DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

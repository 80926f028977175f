/** What a --db value names, decided without loading a database driver (the CLI's help and checks need it). */

/** The SQLite file used when no --db is given. */
export const DEFAULT_DB_PATH = 'dossier.db';

/** True when `db` is a PostgreSQL connection URL rather than a SQLite file path. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

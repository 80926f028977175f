/** What every command file gets from main: output streams, the exit-code setter, and store access. */
import { existsSync } from 'node:fs';
import { UsageError } from '../model/index.js';
import { isPostgresUrl } from '../store/postgres/index.js';
import { DEFAULT_DB_PATH, openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

export interface CliContext {
  readonly io: CliIo;
  /** Records the exit code of the command that ran. */
  setExitCode(code: number): void;
}

/** The --db option every command takes. */
export const DB_OPTION = ['--db <path-or-url>', 'the store: a SQLite file, or a postgres:// URL', DEFAULT_DB_PATH] as const;

/** Whether a command may create the store it names: only those that write articles or dictionaries into it. */
export type StoreAccess = 'create' | 'existing';

/**
 * Refuses a SQLite --db that names no file, for commands that only read: a typo must not leave an empty store
 * behind and answer "0 articles".
 */
export function assertStoreExists(db: string): void {
  if (isPostgresUrl(db) || db === ':memory:' || existsSync(db)) return;
  throw new UsageError(`--db "${db}": no store there (a store is created by \`dossier ingest … --db ${db}\`)`);
}

/** Opens the store (creating it only for `create` access), runs `fn`, always closes it. */
export async function withStore(db: string, fn: (store: Store) => Promise<number>, access: StoreAccess = 'existing'): Promise<number> {
  if (access === 'existing') assertStoreExists(db);
  const store = await openStore(db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** What every command file gets from main: output streams, the exit-code setter, and store access. */
import { existsSync } from 'node:fs';
import { UsageError } from '../model/index.js';
import type { Store } from '../app/store.js';
import { DEFAULT_DB_PATH, isPostgresUrl } from '../app/store-location.js';

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
  // Loaded on use: the database drivers are not needed for --help or a usage error.
  const { openStore } = await import('../app/store.js');
  const store = await openStore(db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Control and bidirectional-override characters, which could forge report lines or recolour the terminal. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * A file name, URL or reason as one safe line: control characters (newline, ESC …) written as \n, \x1b, \u202e.
 * @example printable('a\nfailed: b.txt') // 'a\\nfailed: b.txt'
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

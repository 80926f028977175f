/** What every command file gets from main: output streams, the exit-code setter, and store access. */
import { DEFAULT_DB_PATH, openStore, type Store } from '../app/store.js';

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
export const DB_OPTION = ['--db <path>', 'SQLite file of the store', DEFAULT_DB_PATH] as const;

/** Opens the store, runs `fn`, always closes it. */
export async function withStore(db: string, fn: (store: Store) => Promise<number>): Promise<number> {
  const store = await openStore(db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

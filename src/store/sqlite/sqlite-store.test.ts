import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStoreContract } from '../store.contract.js';
import { openSqliteStore } from './index.js';

// A file, not ':memory:', so openPeer() can open a second connection on the same database.
runStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-sqlite-'));
  const path = join(dir, 'store.db');
  const store = openSqliteStore(path);
  return {
    store,
    openPeer: async () => openSqliteStore(path),
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { assertBackfillFromVersion4, runStoreContract, VERSION_4_ROWS_SQL } from '../store.contract.js';
import { openSqliteStore, SQLITE_MIGRATIONS } from './index.js';

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

test('sqlite store › migrations 5 and 6 fill entity counts, name keys, pairs and entity pages from a version 4 store', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-sqlite-v4-'));
  const path = join(dir, 'store.db');
  try {
    const db = new Database(path);
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const migration of SQLITE_MIGRATIONS.filter((m) => m.version <= 4)) {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(migration.version, migration.name, '2024-01-01T00:00:00Z');
    }
    for (const sql of VERSION_4_ROWS_SQL) db.exec(sql);
    db.close();
    const store = openSqliteStore(path);
    try {
      assert.equal(await store.migrate(), 6);
      await assertBackfillFromVersion4(store);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

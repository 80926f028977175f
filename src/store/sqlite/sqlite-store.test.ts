import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { assertBackfillFromVersion4, runStoreContract, VERSION_4_ROWS_SQL } from '../store.contract.js';
import { openSqliteStore, SQLITE_MIGRATIONS } from './index.js';
import { makeDoc } from '../../../test/helpers/make-doc.js';
import { attackArticle, denialClaim, DENIAL, saveAnnotated, WIRE } from '../../../test/helpers/annotated-corpus.js';

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
      assert.equal(await store.migrate(), SQLITE_MIGRATIONS.length);
      await assertBackfillFromVersion4(store);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sqlite store › migration 7 fills claims and article places from the stored layers of a version 6 store', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-sqlite-v6-'));
  const path = join(dir, 'store.db');
  try {
    let store = openSqliteStore(path);
    await store.migrate();
    await saveAnnotated(store, attackArticle(WIRE, 'Meridian News Agency', '2024-11-11'));
    await saveAnnotated(store, attackArticle(DENIAL, 'Tehran Daily', '2024-11-14', { claims: [denialClaim(DENIAL)], place: false }));
    const claims = await store.listClaims();
    const inIraq = await store.search({ filter: { country: 'IQ' } });
    assert.equal(claims.length, 1);
    assert.equal(inIraq.length, 2);
    await store.close();
    // Back to version 6: the tables migration 7 adds are dropped, the layers stay.
    const db = new Database(path);
    db.exec(`DROP TABLE claims; DROP TABLE claim_entities; DROP TABLE article_places; DROP INDEX articles_outlet_nocase; DELETE FROM schema_migrations WHERE version = 7`);
    db.close();
    store = openSqliteStore(path);
    try {
      assert.equal(await store.migrate(), 7);
      assert.deepEqual(await store.listClaims(), claims);
      assert.deepEqual(await store.search({ filter: { country: 'IQ' } }), inIraq);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sqlite store › a query matching more than a rank tier is ranked tier by tier, newest tier first; pages list every match once', async () => {
  const store = openSqliteStore(':memory:', () => new Date('2026-01-01T00:00:00Z'), { rankTier: 2 });
  await store.migrate();
  try {
    // Five articles stored in this order; "flood" is repeated more in some, which BM25 ranks higher.
    const bodies = ['flood once, river high.', 'flood flood flood, roads shut.', 'flood warning for the valley.', 'flood flood, bridges closed.', 'flood flood flood flood, town cut off.'];
    const ids: string[] = [];
    for (const [i, text] of bodies.entries()) {
      const doc = makeDoc({ text, meta: { source: `f${i}.txt` } });
      ids.push(doc.id);
      await store.saveArticle(doc, 'test@1');
    }
    const all = (await store.search({ text: 'flood', limit: 10 })).map((h) => ids.indexOf(h.id));
    // Tier 1 = the two newest (4, 3), tier 2 = (2, 1), tier 3 = (0); BM25 order inside each.
    assert.deepEqual(all, [4, 3, 1, 2, 0]);
    for (const size of [1, 2, 3]) {
      const paged: number[] = [];
      for (let offset = 0; offset < 6; offset += size) paged.push(...(await store.search({ text: 'flood', limit: size, offset })).map((h) => ids.indexOf(h.id)));
      assert.deepEqual(paged, all, `pages of ${size} join up to the full list`);
    }
    const few = (await store.search({ text: '"flood flood flood"', limit: 10 })).map((h) => ids.indexOf(h.id));
    assert.deepEqual(few, [4, 1], 'two matches: one tier, plain BM25 order');
    assert.deepEqual((await store.search({ text: 'flood', filter: { from: '2000' } })).length, 0, 'filters apply inside tiers');
  } finally {
    await store.close();
  }
});

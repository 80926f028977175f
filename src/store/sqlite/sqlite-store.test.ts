import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { assertBackfillFromVersion4, runStoreContract, VERSION_4_ROWS_SQL } from '../store.contract.js';
import type { Store } from '../store.js';
import { openSqliteStore, SQLITE_MIGRATIONS } from './index.js';
import { attackArticle, denialClaim, DENIAL, saveAnnotated, WIRE } from '../../../test/helpers/annotated-corpus.js';

/** The schema version a fully migrated store reports (migrations are numbered by feature, so not their count). */
const LATEST_VERSION = Math.max(...SQLITE_MIGRATIONS.map((m) => m.version));

// A file, not ':memory:', so openPeer() can open a second connection on the same database.
runStoreContract('sqlite', async (tuning) => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-sqlite-'));
  const path = join(dir, 'store.db');
  const store = openSqliteStore(path, undefined, tuning);
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
      assert.equal(await store.migrate(), LATEST_VERSION);
      await assertBackfillFromVersion4(store);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sqlite store › migrations 7 and 17 fill article places and claims from the stored layers of a version 6 store', async () => {
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
    // Back to version 6: the tables migration 7 adds (and 17 alters) are dropped, the layers stay.
    const db = new Database(path);
    db.exec(`DROP TABLE claims; DROP TABLE claim_entities; DROP TABLE article_places; DROP INDEX articles_outlet_nocase; DELETE FROM schema_migrations WHERE version IN (7, 17)`);
    db.close();
    store = openSqliteStore(path);
    try {
      assert.equal(await store.migrate(), LATEST_VERSION);
      assert.deepEqual(await store.listClaims(), claims);
      assert.deepEqual(await store.search({ filter: { country: 'IQ' } }), inIraq);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});


test('sqlite store › migration 17 gives wishes and judgements already in the layers their rows, and every row its kind', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-sqlite-v15-'));
  const path = join(dir, 'store.db');
  try {
    let store = openSqliteStore(path);
    await store.migrate();
    const report = { ...denialClaim(WIRE), stance: 'asserted' as const };
    await saveAnnotated(store, attackArticle(WIRE, 'Meridian News Agency', '2024-11-11', { claims: [report, { ...report, id: 'c2', kind: 'desire' }] }));
    const every = await store.listClaims({ kinds: ['assertion', 'desire', 'evaluation'] });
    assert.deepEqual(every.map((c) => c.kind), ['assertion', 'desire']);
    await store.close();
    // Back to version 15: assertion rows only, and no kind column.
    const db = new Database(path);
    db.exec(`DELETE FROM claims WHERE kind <> 'assertion'; DROP INDEX claims_kind_order; DROP INDEX claims_stance_order; DROP INDEX merged_events_order; ALTER TABLE claims DROP COLUMN kind;
      DELETE FROM schema_migrations WHERE version IN (17, 21)`);
    db.close();
    store = openSqliteStore(path);
    try {
      assert.equal(await store.migrate(), LATEST_VERSION);
      assert.deepEqual(await store.listClaims({ kinds: ['assertion', 'desire', 'evaluation'] }), every);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * A migration's backfill refills what a save writes: `fill` saves into a new store, `read` reads the rows in question
 * (checked by `check`), `rollbackSql` takes them and the version's record away, and a migrate must bring the same rows back.
 */
async function assertBackfillRefills(fill: (store: Store) => Promise<void>, read: (db: Database.Database) => unknown[], check: (rows: unknown[]) => void, rollbackSql: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-sqlite-backfill-'));
  const path = join(dir, 'store.db');
  try {
    let store = openSqliteStore(path);
    await store.migrate();
    await fill(store);
    await store.close();
    let db = new Database(path);
    const saved = read(db);
    check(saved);
    db.exec(rollbackSql);
    db.close();
    store = openSqliteStore(path);
    try {
      assert.equal(await store.migrate(), LATEST_VERSION);
    } finally {
      await store.close();
    }
    db = new Database(path);
    assert.deepEqual(read(db), saved);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('sqlite store › migration 20 writes the passage keys of articles stored before migration 18, as a save does', async () => {
  // Long enough to hold several sampled 8-word keys (one shingle in eight is kept).
  const story = `${WIRE} ${Array.from({ length: 6 }, (_, i) => `Residents of the eastern district said the shelling had lasted for ${i + 2} hours before the ferry crossing reopened to traffic and aid lorries.`).join(' ')}`;
  await assertBackfillRefills(
    async (store) => {
      await saveAnnotated(store, attackArticle(story, 'Meridian News Agency', '2024-11-11'));
      await saveAnnotated(store, attackArticle(DENIAL, 'Daily Post', '2024-11-12'));
    },
    (db) => db.prepare('SELECT key, article_id FROM passage_keys ORDER BY key, article_id').all(),
    (keys) => assert.ok(keys.length > 3, `the saves wrote passage keys (${keys.length})`),
    // As stored before migration 18 took keys at save time: none, and version 20 not applied.
    'DELETE FROM passage_keys; DELETE FROM schema_migrations WHERE version = 20',
  );
});

test('sqlite store › migration 22 gives the event observations of a store saved before it the places their articles report', async () => {
  await assertBackfillRefills(
    async (store) => {
      await saveAnnotated(store, attackArticle(WIRE, 'Meridian News Agency', '2024-11-11'));
      await saveAnnotated(store, attackArticle(DENIAL, 'Daily Post', '2024-11-12', { place: false }));
    },
    (db) => db.prepare('SELECT article_id, mention_id, place FROM event_observations ORDER BY article_id, mention_id').all(),
    (rows) => assert.ok(rows.some((r) => String((r as { place: unknown }).place).includes('Baghdad')), 'the save stored the observation\'s place'),
    // Back to version 21: observations carry no place.
    'ALTER TABLE event_observations DROP COLUMN place; DELETE FROM schema_migrations WHERE version = 22',
  );
});

test('sqlite store › a save batch: saves inside see each other, a failed save rolls back alone, others see the batch only once committed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-sqlite-batch-'));
  const path = join(dir, 'store.db');
  const store = openSqliteStore(path);
  const peer = openSqliteStore(path);
  try {
    await store.migrate();
    const wire = attackArticle(WIRE, 'Wire Agency', '2024-03-03');
    const denial = attackArticle(DENIAL, 'Daily Post', '2024-03-04', { claims: [denialClaim(DENIAL)] });
    const batch = await store.openSaveBatch!();
    assert.equal(await saveAnnotated(store, wire), 'inserted');
    assert.equal(await store.hasArticle(wire.id), true, 'the batch connection sees its own saves');
    assert.equal(await peer.hasArticle(wire.id), false, 'another connection does not, before the commit');
    // A save that throws half-way (a layer that cannot be written as JSON) leaves nothing of itself behind.
    const broken = { ...denial, layers: { ...denial.layers, claims: [{ toJSON: () => { throw new Error('unwritable layer'); } }] } } as unknown as typeof denial;
    await assert.rejects(saveAnnotated(store, broken));
    assert.equal(await store.hasArticle(denial.id), false, 'the failed save rolled back alone');
    assert.equal(await saveAnnotated(store, denial), 'inserted');
    await batch.commit();
    assert.equal(await peer.hasArticle(wire.id), true);
    assert.equal(await peer.hasArticle(denial.id), true);
    assert.equal((await peer.stats()).articles, 2);
    await assert.rejects(batch.commit(), /already closed/);
    // A rolled-back batch stores nothing; the store takes saves again afterwards.
    const rolledBack = await store.openSaveBatch!();
    await saveAnnotated(store, attackArticle(`${WIRE} Later.`, 'Wire Agency', '2024-03-05'));
    await rolledBack.rollback();
    assert.equal((await peer.stats()).articles, 2);
    assert.equal(await saveAnnotated(store, attackArticle(`${WIRE} Later.`, 'Wire Agency', '2024-03-05')), 'inserted');
    assert.equal((await peer.stats()).articles, 3);
  } finally {
    await peer.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sqlite store › a listing by stance reads the stance index, and events in timeline order their index, not a sort of every row (migration 21, issue 18)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-sqlite-stance-'));
  const path = join(dir, 'store.db');
  const store = openSqliteStore(path);
  try {
    await store.migrate();
    const report = { ...denialClaim(WIRE), stance: 'asserted' as const };
    await saveAnnotated(store, attackArticle(WIRE, 'Meridian News Agency', '2024-11-11', { claims: [report] }));
    await saveAnnotated(store, attackArticle(DENIAL, 'Daily Post', '2024-11-12', { claims: [denialClaim(DENIAL)] }));
    assert.deepEqual((await store.listClaims({ stance: 'denied' })).map((c) => c.outlet), ['Daily Post']);
    const db = new Database(path, { readonly: true });
    try {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT c.claim_id FROM claims c WHERE c.kind IN ('assertion') AND c.stance = ?
        ORDER BY c.published_at, c.article_seq, c.ordinal LIMIT 50`).all('denied') as { detail: string }[]).map((r) => r.detail).join(' | ');
      assert.match(plan, /claims_stance_order \(stance=\? AND kind=\?\)/, plan);
      assert.doesNotMatch(plan, /TEMP B-TREE/, 'read in claim order from the index');
      const events = (db.prepare(`EXPLAIN QUERY PLAN SELECT m.id FROM merged_events m ORDER BY m.window_start = '', m.window_start, m.window_end, m.id LIMIT 2000 OFFSET 10`)
        .all() as { detail: string }[]).map((r) => r.detail).join(' | ');
      assert.match(events, /merged_events_order/, events);
      assert.doesNotMatch(events, /TEMP B-TREE/, 'events in timeline order from the index');
    } finally {
      db.close();
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

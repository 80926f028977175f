import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lshBandKeys, minhashSignature } from '../../corpus/near-duplicates/index.js';
import { makeDoc } from '../../../test/helpers/make-doc.js';
import { attackArticle, DENIAL, denialClaim, MILITIA_NAME, saveAnnotated, WIRE } from '../../../test/helpers/annotated-corpus.js';
import type { Claim } from '../../model/index.js';
import type { Store } from '../store.js';
import { createTestSchema, POSTGRES_SKIP_REASON } from '../../../test/helpers/postgres-schema.js';
import { assertBackfillFromVersion4, runStoreContract, VERSION_4_ROWS_SQL } from '../store.contract.js';
import { openStore } from '../open-store.js';
import { createPool, POSTGRES_MIGRATIONS, parsePostgresUrl, toTsQuerySql } from './index.js';
import { openPostgresStore } from './postgres-store.js';

/** The schema version a fully migrated store reports (migrations are numbered by feature, so not their count). */
const LATEST_VERSION = Math.max(...POSTGRES_MIGRATIONS.map((m) => m.version));

if (POSTGRES_SKIP_REASON) console.log(`# postgres store: ${POSTGRES_SKIP_REASON}`);

// Each contract test gets its own schema on DATABASE_URL, dropped by dispose().
runStoreContract(
  'postgres',
  async (tuning) => {
    const schema = createTestSchema();
    const store = openPostgresStore(schema.url, { ...(tuning?.rankTier ? { rankTier: tuning.rankTier } : {}) });
    return {
      store,
      openPeer: async () => openPostgresStore(schema.url),
      dispose: async () => {
        await store.close();
        await schema.drop();
      },
    };
  },
  { skipReason: POSTGRES_SKIP_REASON, concurrency: 4 },
);

describe('postgres store', () => {
  test('parsePostgresUrl › strips the Dossier-only schema parameter and keeps the rest', () => {
    assert.deepEqual(parsePostgresUrl('postgres://ana@db/test?schema=newsroom'), { connectionString: 'postgres://ana@db/test', schema: 'newsroom' });
    assert.match(parsePostgresUrl('postgres:///test').connectionString, /^postgres:\/\/[^@/]+@[^/]+\/test$/, 'a URL without a user connects as the OS user, as libpq does');
    assert.deepEqual(parsePostgresUrl('postgresql://u:p@db:5433/x?sslmode=require'), { connectionString: 'postgresql://u:p@db:5433/x?sslmode=require', schema: undefined });
    assert.throws(() => parsePostgresUrl('postgres:///test?schema=Robert%27);DROP'), /schema "Robert'\);DROP" must be/);
  });

  test('toTsQuerySql › binds every user word as a parameter, never as tsquery syntax', () => {
    assert.deepEqual(toTsQuerySql('"armed group" OR milit*'), {
      sql: "(phraseto_tsquery('simple', $1)) || (to_tsquery('simple', $2))",
      params: ['armed group', 'milit:*'],
    });
    assert.deepEqual(toTsQuerySql('a & !b', 3)?.params, ['a', 'b']);
    assert.equal(toTsQuerySql('NOT convoy')?.sql, "(phraseto_tsquery('simple', $1))");
    assert.equal(toTsQuerySql('( ) * :'), undefined);
  });

  test('openStore › opens and migrates a postgres:// --db', { skip: POSTGRES_SKIP_REASON ?? false }, async () => {
    const schema = createTestSchema();
    try {
      const store = await openStore(schema.url);
      assert.equal(store.kind, 'postgres');
      assert.equal((await store.stats()).schemaVersion, LATEST_VERSION);
      await store.close();
    } finally {
      await schema.drop();
    }
  });

  test('migrations 5 and 6 fill entity counts, name keys, pairs and entity pages from a version 4 store', { skip: POSTGRES_SKIP_REASON ?? false }, async () => {
    const schema = createTestSchema();
    const pool = createPool(parsePostgresUrl(schema.url));
    try {
      await pool.query(`CREATE SCHEMA ${schema.schema}`);
      await pool.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)');
      for (const migration of POSTGRES_MIGRATIONS.filter((m) => m.version <= 4)) {
        await pool.query(migration.sql);
        await pool.query('INSERT INTO schema_migrations VALUES ($1, $2, now())', [migration.version, migration.name]);
      }
      for (const sql of VERSION_4_ROWS_SQL) await pool.query(sql);
      const store = openPostgresStore(schema.url);
      try {
        assert.equal(await store.migrate(), LATEST_VERSION, 'and every later migration, on rows without layers');
        await assertBackfillFromVersion4(store);
      } finally {
        await store.close();
      }
    } finally {
      await pool.end();
      await schema.drop();
    }
  });

  test('migrations 7 and 17 fill article places, claims and their entities from the stored layers of a version 6 store', { skip: POSTGRES_SKIP_REASON ?? false }, async () => {
    // Saved at version 7, then taken back to version 6 (migration 7 only adds these tables and an index): the
    // backfill must rebuild from the layers and links exactly what saving wrote.
    const schema = createTestSchema();
    const pool = createPool(parsePostgresUrl(schema.url));
    let store: Store | undefined = openPostgresStore(schema.url);
    try {
      await store.migrate();
      // An astral character before the claim: spans are UTF-16 offsets, which PostgreSQL's substr would miscount.
      const rocket = `\u{1F680} ${WIRE}`;
      const report: Claim = { ...denialClaim(rocket), stance: 'asserted', content: { start: rocket.indexOf(MILITIA_NAME), end: rocket.indexOf(',') } };
      const wire = attackArticle(rocket, 'Meridian News Agency', '2024-11-11', { claims: [report] });
      const denial = attackArticle(DENIAL, 'Tehran Daily', '2024-11-14', { claims: [{ ...report, id: 'c1', content: { start: 0, end: DENIAL.indexOf(',') } }, { ...denialClaim(DENIAL), id: 'c2', respondsToClaimId: 'c1' }], place: false });
      for (const doc of [wire, denial]) await saveAnnotated(store, doc);
      const read = async (store: Store) => ({
        claims: await store.listClaims(),
        answered: await store.getClaim(`${denial.id}:c1`),
        byEntity: await store.countClaims({ entityId: (await store.listEntities({ search: 'Tigris' }))[0]!.id }),
        iraq: (await store.search({ filter: { country: 'IQ', place: 'BAGHDAD' } })).map((h) => h.id),
        facets: await store.searchFacets(),
      });
      const before = await read(store);
      assert.equal(before.claims.length, 3);
      assert.equal(before.claims[0]!.content.text, `${MILITIA_NAME} fired rockets at the airport on Sunday`);
      assert.equal(before.answered?.responses.length, 1);
      assert.equal(before.byEntity, 3);
      assert.deepEqual(before.iraq, [denial.id, wire.id]);
      assert.deepEqual(before.facets.countries, [{ value: 'IQ', count: 2 }]);
      await store.close();
      store = undefined;

      await pool.query('DROP TABLE claims, claim_entities, article_places');
      await pool.query('DROP INDEX articles_outlet_lower; DROP INDEX articles_newest');
      await pool.query('DELETE FROM schema_migrations WHERE version IN (7, 17)');
      store = openPostgresStore(schema.url);
      assert.equal((await store.stats()).schemaVersion, Math.max(...POSTGRES_MIGRATIONS.map((m) => m.version).filter((v) => v !== 7 && v !== 17)), 'the latest version left is recorded');
      assert.equal(await store.migrate(), LATEST_VERSION);
      assert.deepEqual(await read(store), before);
    } finally {
      await store?.close();
      await pool.end();
      await schema.drop();
    }
  });

  test('migration 17 gives wishes and judgements already in the layers their rows, and every row its kind', { skip: POSTGRES_SKIP_REASON ?? false }, async () => {
    const schema = createTestSchema();
    const pool = createPool(parsePostgresUrl(schema.url));
    let store: Store | undefined = openPostgresStore(schema.url);
    try {
      await store.migrate();
      const report: Claim = { ...denialClaim(WIRE), stance: 'asserted' };
      await saveAnnotated(store, attackArticle(WIRE, 'Meridian News Agency', '2024-11-11', { claims: [report, { ...report, id: 'c2', kind: 'evaluation' }] }));
      const every = await store.listClaims({ kinds: ['assertion', 'desire', 'evaluation'] });
      assert.deepEqual(every.map((c) => c.kind), ['assertion', 'evaluation']);
      await store.close();
      store = undefined;
      // Back to version 15: assertion rows only, and no kind column.
      await pool.query("DELETE FROM claims WHERE kind <> 'assertion'");
      await pool.query('ALTER TABLE claims DROP COLUMN kind'); // and the indexes on it (claims_kind_order, claims_stance_order)
      await pool.query('DELETE FROM schema_migrations WHERE version IN (17, 21)');
      store = openPostgresStore(schema.url);
      assert.equal(await store.migrate(), LATEST_VERSION);
      assert.deepEqual(await store.listClaims({ kinds: ['assertion', 'desire', 'evaluation'] }), every);
    } finally {
      await store?.close();
      await pool.end();
      await schema.drop();
    }
  });

  /**
   * A migration's backfill refills what a save writes: `fill` saves into a new schema, `read` reads the rows in question
   * (checked by `check`), `rollback` takes them and the version's record away, and a migrate must bring the same rows back.
   */
  const assertBackfillRefills = async (fill: (store: Store) => Promise<void>, read: (pool: ReturnType<typeof createPool>) => Promise<unknown[]>, check: (rows: unknown[]) => void, rollback: readonly string[]): Promise<void> => {
    const schema = createTestSchema();
    const pool = createPool(parsePostgresUrl(schema.url));
    let store: Store | undefined = openPostgresStore(schema.url);
    try {
      await store.migrate();
      await fill(store);
      await store.close();
      store = undefined;
      const saved = await read(pool);
      check(saved);
      for (const sql of rollback) await pool.query(sql);
      store = openPostgresStore(schema.url);
      assert.equal(await store.migrate(), LATEST_VERSION);
      assert.deepEqual(await read(pool), saved);
    } finally {
      await store?.close();
      await pool.end();
      await schema.drop();
    }
  };

  test('migration 20 writes the passage keys of articles stored before migration 18, as a save does', { skip: POSTGRES_SKIP_REASON ?? false }, async () => {
    // Long enough to hold several sampled 8-word keys (one shingle in eight is kept).
    const story = `${WIRE} ${Array.from({ length: 6 }, (_, i) => `Residents of the eastern district said the shelling had lasted for ${i + 2} hours before the ferry crossing reopened to traffic and aid lorries.`).join(' ')}`;
    await assertBackfillRefills(
      async (store) => {
        await saveAnnotated(store, attackArticle(story, 'Meridian News Agency', '2024-11-11'));
        await saveAnnotated(store, attackArticle(DENIAL, 'Daily Post', '2024-11-12'));
      },
      async (pool) => (await pool.query('SELECT key::text, article_id FROM passage_keys ORDER BY key, article_id')).rows,
      (keys) => assert.ok(keys.length > 3, `the saves wrote passage keys (${keys.length})`),
      // As stored before migration 18 took keys at save time: none, and version 20 not applied.
      ['DELETE FROM passage_keys', 'DELETE FROM schema_migrations WHERE version = 20'],
    );
  });

  test('migration 22 gives the event observations of a store saved before it the places their articles report', { skip: POSTGRES_SKIP_REASON ?? false }, async () => {
    await assertBackfillRefills(
      async (store) => {
        await saveAnnotated(store, attackArticle(WIRE, 'Meridian News Agency', '2024-11-11'));
        await saveAnnotated(store, attackArticle(DENIAL, 'Daily Post', '2024-11-12', { place: false }));
      },
      async (pool) => (await pool.query('SELECT article_id, mention_id, place FROM event_observations ORDER BY article_id, mention_id')).rows,
      (rows) => assert.ok(rows.some((r) => JSON.stringify((r as { place: unknown }).place).includes('Baghdad')), 'the save stored the observation\'s place'),
      // Back to version 21: observations carry no place.
      ['ALTER TABLE event_observations DROP COLUMN place', 'DELETE FROM schema_migrations WHERE version = 22'],
    );
  });

  test('a store filled from empty analyses and vacuums its tables as it grows, by autovacuum\'s rules (autovacuum may be off)', { skip: POSTGRES_SKIP_REASON ?? false }, async () => {
    // Without statistics the planner takes a never-analysed table for a tiny one; this machine's server runs without
    // autovacuum, and a manual ANALYZE is what sets last_analyze (autovacuum sets last_autoanalyze).
    const schema = createTestSchema();
    const pool = createPool(parsePostgresUrl(schema.url));
    const store = openPostgresStore(schema.url, { analyzeCheckEvery: 40 });
    const lastAnalyzed = async () => (await pool.query(`SELECT last_analyze FROM pg_stat_user_tables WHERE schemaname = current_schema() AND relname = 'articles'`)).rows[0]?.last_analyze as Date | null;
    try {
      await store.migrate();
      const report = (n: number) => `Police in district ${n} said ${n % 7} people were detained after a protest outside the council offices on day ${n}.`;
      for (let n = 0; n < 39; n++) await store.saveArticle(makeDoc({ text: report(n), meta: { outlet: 'Meridian', source: `a${n}.txt` } }), 'test@1');
      assert.equal(await lastAnalyzed(), null, 'no check before the 40th save');
      for (let n = 39; n < 160; n++) await store.saveArticle(makeDoc({ text: report(n), meta: { outlet: 'Meridian', source: `a${n}.txt` } }), 'test@1');
      // A backend's counters reach pg_stat_user_tables only when it goes idle, at most once a second (PostgreSQL 15),
      // so the checks at saves 40-160 may have read them before the saves showed: wait until they show, then the
      // check at the 200th save must see them.
      const countersShown = async () => (await pool.query(`SELECT bool_and(CASE relname WHEN 'articles' THEN n_mod_since_analyze > 50 OR last_analyze IS NOT NULL
          ELSE n_dead_tup > 50 OR last_vacuum IS NOT NULL END) AS shown FROM pg_stat_user_tables WHERE schemaname = current_schema() AND relname IN ('articles', 'store_revision')`)).rows[0]?.shown === true;
      for (let waited = 0; !(await countersShown()) && waited < 15_000; waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
      for (let n = 160; n < 200; n++) await store.saveArticle(makeDoc({ text: report(n), meta: { outlet: 'Meridian', source: `a${n}.txt` } }), 'test@1');
      assert.notEqual(await lastAnalyzed(), null, 'articles analysed once more than 50 rows had changed');
      // Every save raises the one-row revision: its dead rows pass autovacuum's vacuum threshold (50 + 20 %).
      const vacuumed = await pool.query(`SELECT last_vacuum FROM pg_stat_user_tables WHERE schemaname = current_schema() AND relname = 'store_revision'`);
      assert.notEqual(vacuumed.rows[0]?.last_vacuum, null, 'the revision row vacuumed');
    } finally {
      await store.close();
      await pool.end();
      await schema.drop();
    }
  });

  test('two copies of a wire story saved at the same moment by two workers end in one near-duplicate group', { skip: POSTGRES_SKIP_REASON ?? false }, async () => {
    // Each worker looked for copies before either had saved (as ingest does, outside the transaction), so
    // neither saw the other; the store re-checks under its corpus lock.
    const schema = createTestSchema();
    const a = openPostgresStore(schema.url);
    const b = openPostgresStore(schema.url);
    try {
      await a.migrate();
      const wire = 'Rebels fired rockets at the airport on Sunday, killing a guard and wounding two travellers, the interior ministry said in a statement on Monday morning.';
      const docs = [makeDoc({ text: wire, meta: { outlet: 'Meridian', source: 'a.txt' } }), makeDoc({ text: `${wire} Flights resumed in the afternoon.`, meta: { outlet: 'Courier', source: 'b.txt' } })];
      const links = docs.map((doc) => {
        const signature = minhashSignature(doc.text);
        return { syndication: { signature, bandKeys: lshBandKeys(signature), group: doc.id, duplicates: [] } };
      });
      assert.deepEqual(await Promise.all([a.saveArticle(docs[0]!, 'test@1', links[0]), b.saveArticle(docs[1]!, 'test@1', links[1])]), ['inserted', 'inserted']);
      assert.equal((await a.stats()).syndicationGroups, 1);
      const groups = new Set((await a.findSyndicationCandidates(links[0]!.syndication.bandKeys)).map((c) => c.group));
      assert.equal(groups.size, 1, `groups: ${[...groups].join(', ')}`);
    } finally {
      await a.close();
      await b.close();
      await schema.drop();
    }
  });
});

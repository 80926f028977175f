/**
 * The shared store: PostgreSQL via a node-postgres pool, for many analysts and many ingest workers on
 * one database. One transaction per article; concurrent writers of the same article are serialised by
 * the primary key (INSERT … ON CONFLICT) and a row lock, so they yield one row and each gets a true
 * outcome. Full-text search uses a generated tsvector column with a GIN index.
 */
import type pg from 'pg';
import { DossierError, StoreError, type Doc, type EventMention, type LayerName, type PlaceRef } from '../../model/index.js';
import type { EntityLink, KnownEntity, NameTypeCount } from '../../corpus/link-entities/index.js';
import type {
  ArticleEntityLink, ArticleFilter, ArticleLinks, ArticleSummary, CanonicalEntity, ClaimQuery, Cooccurrence, CooccurrenceQuery, EntityArticlesPage, EntityDetail, EntityQuery, SaveOutcome,
  PlaceOverview, PlaceQuery, SearchFacets, SearchHit, SearchQuery, Store, StoreStats, StoredArticle, StoredClaim, StoredClaimDetail, StoredDictionary,
  InputFingerprint,
} from '../store.js';
import { byMentions, MAX_KEY_ROWS, NAME_TYPE_PREFIXES, PERIOD_CHARS, type ClaimLinkRow } from '../store.js';
import { bucketBy } from '../event-details.js';
import { searchHitOf, snippetTerms } from '../text-snippet.js';
import { claimKey, claimRows, openingHit, parseClaimKey, placeRows, queriedKinds, toStoredClaim, type ClaimRecord, type ClaimSourceLayers } from '../claim-rows.js';
import { compareIds, countChars, entityPairs, tallyEntities, type EntityTally } from '../entity-tally.js';
import { nameKeys, prefixRange } from '../name-keys.js';
import { linkArticle, mergeEventsByUser, observationPlaces, replaceObservationPlaces, splitObservationByUser, unlinkArticle, type CorpusTx } from '../../corpus/cross-article/index.js';
import { passageKeys } from '../../corpus/text-reuse/index.js';
import { corpusCounts, countEvents, countEventsByPeriod, findSyndicationCandidates, getEvent, getEvents, hasObservations, listEventKeys, listEvents, listMapCells, listMapEvents, postgresCorpusTx, type Query } from './corpus-events.js';
import { createPool, parsePostgresUrl, type PostgresTarget } from './driver.js';
import { FTS_MAX_CHARS, POSTGRES_MIGRATIONS } from './migrations.js';
import { toTsQuerySql } from './ts-query.js';
import { postgresEntityOverrides } from './entity-overrides.js';
import { RANK_TIER } from '../rank-tier.js';
import { hostUrlPatterns } from '../url-host.js';
import { addToPostgresFeed, postgresAfterFeedSql, postgresSavedSearches } from './saved-searches.js';
import { ANALYZE_CHECK_EVERY, maintainStaleTables } from './statistics.js';

/** Layers written to the layers table; tokens are recomputed on demand rather than stored. */
const STORED_LAYERS: readonly LayerName[] = ['sentences', 'mentions', 'entities', 'times', 'places', 'events', 'claims'];

/** Largest page listArticles and search return (the same bound as the SQLite adapter). */
export const MAX_PAGE_SIZE = 500;

/**
 * The body a page of word-search hits is read with, for its snippets (the indexed part only: a word further on
 * cannot be what matched). Snippets are cut in JavaScript as SQLite's are (../text-snippet.ts): ts_headline
 * re-parsed each body in the database, 2.3 ms of its CPU for a page of 21 hits against 0.5 ms in node.
 */
const SNIPPET_BODY_SQL = `left(a.body, ${FTS_MAX_CHARS})`;

/** Largest page of co-occurring pairs (an export reads up to 5000 at once). */
const MAX_PAIRS = 5000;

/** Rows per INSERT … SELECT FROM unnest(…) when a migration backfills a table. */
const BACKFILL_BATCH = 5000;

type Row = Record<string, unknown>;

/** An article whose claim rows and places are to be written: the layers they come from and its saved entity links. */
interface ClaimsAndPlacesSource {
  readonly articleId: string;
  readonly layers: ClaimSourceLayers & { readonly places?: readonly PlaceRef[] | undefined };
  readonly links: readonly { readonly docEntityId: string; readonly entityId: string }[];
}

export interface PostgresStoreOptions {
  /** Most connections the store's pool opens (default 4). */
  readonly maxConnections?: number;
  /** Clock for ingested_at and first_seen (tests pin it). */
  readonly now?: () => Date;
  /** Matches ranked together before older ones (see rank-tier.ts); tests use small values. Default RANK_TIER. */
  readonly rankTier?: number;
  /** Saves between two checks for tables whose planner statistics are stale (statistics.ts); 0 never checks. Default ANALYZE_CHECK_EVERY. */
  readonly analyzeCheckEvery?: number;
}

/**
 * Opens a PostgreSQL store on `db` (a postgres:// URL, optionally with `?schema=name`); call migrate() before use.
 * @example const store = openPostgresStore('postgres://localhost/dossier?schema=newsroom'); await store.migrate();
 */
export function openPostgresStore(db: string | PostgresTarget, options: PostgresStoreOptions = {}): Store {
  const target = typeof db === 'string' ? parsePostgresUrl(db) : db;
  const now = options.now ?? (() => new Date());
  const rankTier = Math.max(1, options.rankTier ?? RANK_TIER);
  const pool = createPool(target, { maxConnections: options.maxConnections ?? 4, applicationName: 'dossier-store' });
  // An idle pooled connection that dies (server restart) is dropped by the pool; the next query opens a
  // new one and reports its own error. Without a listener the 'error' event would crash the process.
  let lastIdleError: Error | undefined;
  pool.on('error', (error) => {
    lastIdleError = error;
  });

  const query = async (op: string, sql: string, params: unknown[] = [], client: pg.Pool | pg.PoolClient = pool): Promise<Row[]> => {
    try {
      return (await client.query(sql, params)).rows as Row[];
    } catch (cause) {
      throw new StoreError(lastIdleError ? `${op} (an idle connection failed earlier: ${lastIdleError.message})` : op, cause, sql, params);
    }
  };

  /**
   * Runs fn in a transaction, retrying it (up to 3 times) when PostgreSQL aborts it as a deadlock or
   * serialisation victim: a retry of the whole article is safe because saving is idempotent. The transaction
   * raises the store revision as its last statement unless `isRevising` is false (see revise()).
   */
  const transaction = async <T>(op: string, fn: (client: pg.PoolClient) => Promise<T>, options: { isRevising?: boolean } = {}): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await transactionOnce(op, fn, options.isRevising ?? true);
      } catch (error) {
        if (attempt >= 3 || !isRetryable(error)) throw error;
      }
    }
  };

  /** Runs fn in a transaction on one pooled connection; rolls back and rethrows on any error. */
  const transactionOnce = async <T>(op: string, fn: (client: pg.PoolClient) => Promise<T>, isRevising: boolean): Promise<T> => {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (cause) {
      throw new StoreError(`${op}: connect`, cause);
    }
    let isBroken = false;
    try {
      await query(op, 'BEGIN', [], client);
      const result = await fn(client);
      if (isRevising) await revise(op, client);
      await query(op, 'COMMIT', [], client);
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        // The connection is unusable (e.g. the server went away): tell the pool to discard it.
        isBroken = true;
        if (!(error instanceof StoreError)) throw new StoreError(op, rollbackError);
      }
      // A user's mistake (UsageError) or a store failure already described passes as it is.
      throw error instanceof DossierError ? error : new StoreError(op, error);
    } finally {
      client.release(isBroken);
    }
  };

  /** Runs cross-article rules in a transaction holding the corpus lock (as saving an article with events does). */
  const corpusTransaction = <T>(op: string, fn: (tx: CorpusTx) => Promise<T>): Promise<T> =>
    transaction(op, async (client) => {
      const q: Query = (qop, sql, params = []) => query(qop, sql, params, client);
      await q(op, 'SELECT pg_advisory_xact_lock(hashtext($1))', [`dossier-corpus:${target.schema ?? 'default'}`]);
      return fn(postgresCorpusTx(q));
    });

  /**
   * Raises the store revision (migration 13), last in a write transaction: the row lock is held only from here to
   * COMMIT, and a reader sees the new number exactly when it can see the change (revision() and api/view-cache.ts).
   */
  const revise = (op: string, client: pg.PoolClient): Promise<Row[]> => query(op, 'UPDATE store_revision SET revision = revision + 1', [], client);

  /** Reads on the pool, outside any transaction. */
  const read: Query = (op, sql, params = []) => query(op, sql, params);

  /** One statement that changes the store, in a transaction of its own that raises the revision with it. */
  const write: Query = (op, sql, params = []) => transaction(op, (client) => query(op, sql, params, client));

  const schemaVersion = async (client: pg.Pool | pg.PoolClient = pool): Promise<number> => {
    const rows = await query('schema version', 'SELECT coalesce(max(version), 0)::int AS v FROM schema_migrations', [], client);
    return Number(rows[0]!['v']);
  };

  /** Migrations that rewrite a table (CLUSTER), by version: the table is vacuumed after the migration commits. */
  const REWRITES: Readonly<Record<number, string>> = { 19: 'articles' };

  const migrate = async (): Promise<number> => {
    const rewritten: string[] = [];
    const version = await transaction('migrate', async (client) => {
      // One migrator at a time per schema: workers starting together must not race to create tables.
      await query('migrate', 'SELECT pg_advisory_xact_lock(hashtext($1))', [`dossier-migrate:${target.schema ?? 'default'}`], client);
      if (target.schema) await query('migrate', `CREATE SCHEMA IF NOT EXISTS ${target.schema}`, [], client);
      await query('migrate', 'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)', [], client);
      const applied = new Set((await query('migrate', 'SELECT version FROM schema_migrations', [], client)).map((r) => Number(r['version'])));
      const pending = POSTGRES_MIGRATIONS.filter((m) => !applied.has(m.version));
      for (const migration of pending) {
        await query(`migrate to version ${migration.version}`, migration.sql, [], client);
        const table = REWRITES[migration.version];
        // A new store's empty table has nothing to vacuum (and its first statistics are the saves' to take).
        if (table && (await query('migrate', `SELECT EXISTS (SELECT 1 FROM ${table}) AS x`, [], client))[0]!['x'] === true) rewritten.push(table);
        await backfills[migration.version]?.(client);
        await query('migrate', 'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, now()], client);
      }
      // Every command migrates as it starts: only a migration that ran is a change (a server's caches stay warm).
      if (pending.length) await revise('migrate', client);
      return schemaVersion(client);
    }, { isRevising: false });
    // A rewritten table has no visibility map (and stale statistics): until a vacuum, every index-only scan read the
    // heap too (skipping 12,000 articles of a page: 1.3 ms with the map, 25 ms without). VACUUM cannot run in the
    // migration's transaction.
    for (const table of new Set(rewritten)) await query(`migrate: vacuum ${table} after its rewrite`, `VACUUM (ANALYZE) ${table}`);
    return version;
  };

  /** Inserts the search keys of names and aliases (sorted, so concurrent writers take the same order). */
  const insertNameKeys = async (client: pg.PoolClient, op: string, names: readonly (readonly [entityId: string, name: string])[]): Promise<void> => {
    const rows = [...new Set(names.flatMap(([entityId, name]) => nameKeys(pgText(name)).map((key) => `${key}\u0000${entityId}`)))].sort(compareIds).map((r) => r.split('\u0000'));
    for (let i = 0; i < rows.length; i += BACKFILL_BATCH) {
      const batch = rows.slice(i, i + BACKFILL_BATCH);
      await query(op, 'INSERT INTO entity_names (key, entity_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING', [batch.map((r) => r[0]), batch.map((r) => r[1])], client);
    }
  };

  /** Adds (sign 1) or takes back (sign -1) one article's co-occurring pairs. */
  const applyPairs = async (client: pg.PoolClient, op: string, tallies: readonly EntityTally[], sign: 1 | -1): Promise<void> => {
    const pairs = entityPairs(tallies);
    if (!pairs.length) return;
    const params = [pairs.map((p) => p[0]), pairs.map((p) => p[1])];
    if (sign > 0) {
      await query(op, `INSERT INTO entity_pairs AS p (a, b, articles) SELECT a, b, 1 FROM unnest($1::text[], $2::text[]) AS u(a, b) ORDER BY a COLLATE "C", b COLLATE "C"
        ON CONFLICT (a, b) DO UPDATE SET articles = p.articles + 1`, params, client);
      return;
    }
    await query(op, 'UPDATE entity_pairs p SET articles = p.articles - 1 FROM unnest($1::text[], $2::text[]) AS u(a, b) WHERE p.a = u.a AND p.b = u.b', params, client);
    await query(op, 'DELETE FROM entity_pairs p USING unnest($1::text[], $2::text[]) AS u(a, b) WHERE p.a = u.a AND p.b = u.b AND p.articles <= 0', params, client);
  };

  /** Takes back what an article being updated counted for its entities, before its links are deleted. */
  const untallyArticle = async (client: pg.PoolClient, op: string, articleId: string): Promise<void> => {
    const old = tallyEntities((await query(op, 'SELECT entity_id, mention_count FROM article_entities WHERE article_id = $1', [articleId], client))
      .map((r) => ({ entityId: String(r['entity_id']), mentionCount: Number(r['mention_count']) })));
    if (!old.length) return;
    await query(op, `UPDATE entities e SET article_count = e.article_count - 1, mention_count = e.mention_count - u.m
      FROM (SELECT * FROM unnest($1::text[], $2::int[]) AS t(id, m) ORDER BY id COLLATE "C") u WHERE e.id = u.id`, [old.map((t) => t.entityId), old.map((t) => t.mentions)], client);
    await applyPairs(client, op, old, -1);
  };

  /**
   * Writes the claim rows (with the entities they involve) and the places of one or more articles, whose rows
   * must exist: seq, published_at and outlet are copied from them. Batched, so a backfill inserts many articles at once.
   */
  const writeClaimsAndPlaces = async (client: pg.PoolClient, op: string, articles: readonly ClaimsAndPlacesSource[]): Promise<void> => {
    await writeClaims(client, op, articles);
    await writePlaces(client, op, articles);
  };

  /** Writes the claim rows, of every kind, with the entities they involve (batched, as writeClaimsAndPlaces). */
  const writeClaims = async (client: pg.PoolClient, op: string, articles: readonly ClaimsAndPlacesSource[]): Promise<void> => {
    const claims = articles.flatMap((source) => {
      const canonical = new Map(source.links.map((l) => [l.docEntityId, l.entityId]));
      return claimRows(source.layers, canonical).map((row, ordinal) => ({ articleId: source.articleId, ordinal, row }));
    });
    for (let i = 0; i < claims.length; i += BACKFILL_BATCH) {
      const batch = claims.slice(i, i + BACKFILL_BATCH);
      await query(op, `INSERT INTO claims (article_id, claim_id, ordinal, article_seq, published_at, outlet, stance, is_direct_quote, is_hedged, is_anonymous, chain,
          evidence_start, evidence_end, content_start, content_end, cue_start, cue_end, event_mention_ids, responds_to, kind)
        SELECT u.article_id, u.claim_id, u.ordinal, a.seq, a.published_at, a.outlet, u.stance, u.direct, u.hedged, u.anonymous, u.chain, u.es, u.ee, u.cs, u.ce, u.cus, u.cue, u.mids, u.responds, u.kind
        FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::boolean[], $6::boolean[], $7::boolean[], $8::jsonb[], $9::int[], $10::int[], $11::int[], $12::int[],
          $13::int[], $14::int[], $15::jsonb[], $16::text[], $17::text[]) AS u(article_id, claim_id, ordinal, stance, direct, hedged, anonymous, chain, es, ee, cs, ce, cus, cue, mids, responds, kind)
        JOIN articles a ON a.id = u.article_id`, [
        batch.map((c) => c.articleId), batch.map((c) => pgText(c.row.claimId)), batch.map((c) => c.ordinal), batch.map((c) => c.row.stance),
        batch.map((c) => c.row.isDirectQuote), batch.map((c) => c.row.isHedged), batch.map((c) => c.row.isAnonymous), batch.map((c) => toJson(c.row.chain)),
        batch.map((c) => c.row.evidence.start), batch.map((c) => c.row.evidence.end), batch.map((c) => c.row.content.start), batch.map((c) => c.row.content.end),
        batch.map((c) => c.row.cue?.start ?? null), batch.map((c) => c.row.cue?.end ?? null), batch.map((c) => toJson(c.row.eventMentionIds)),
        batch.map((c) => (c.row.respondsTo === null ? null : pgText(c.row.respondsTo))), batch.map((c) => c.row.kind),
      ], client);
    }
    const involved = claims.flatMap((c) => c.row.entityIds.map((entityId) => [entityId, c.articleId, pgText(c.row.claimId)] as const));
    for (let i = 0; i < involved.length; i += BACKFILL_BATCH) {
      const batch = involved.slice(i, i + BACKFILL_BATCH);
      await query(op, 'INSERT INTO claim_entities (entity_id, article_id, claim_id) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING', [
        batch.map((r) => r[0]), batch.map((r) => r[1]), batch.map((r) => r[2]),
      ], client);
    }
  };

  /** Writes the distinct places each article names (batched, as writeClaimsAndPlaces). */
  const writePlaces = async (client: pg.PoolClient, op: string, articles: readonly ClaimsAndPlacesSource[]): Promise<void> => {
    const places = articles.flatMap((source) => placeRows(source.layers.places).map((place) => ({ articleId: source.articleId, place })));
    for (let i = 0; i < places.length; i += BACKFILL_BATCH) {
      const batch = places.slice(i, i + BACKFILL_BATCH);
      await query(op, `INSERT INTO article_places (article_id, place_key, name, country_code, lat, lon, precision, mentions, published_at, article_seq)
        SELECT u.*, a.published_at, a.seq FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::text[], $8::int[])
          AS u(article_id, place_key, name, country_code, lat, lon, precision, mentions) JOIN articles a ON a.id = u.article_id ON CONFLICT DO NOTHING`, [
        batch.map((p) => p.articleId), batch.map((p) => pgText(p.place.key)), batch.map((p) => pgText(p.place.name)), batch.map((p) => p.place.countryCode),
        batch.map((p) => p.place.lat), batch.map((p) => p.place.lon), batch.map((p) => p.place.precision), batch.map((p) => p.place.mentions),
      ], client);
    }
  };

  /**
   * Writes rows of every article from its stored `layers` and entity links with `write`, a page of articles at a time
   * (by seq), so neither the layers read nor the inserts grow with the corpus.
   */
  const rewriteFromLayers = async (client: pg.PoolClient, op: string, layers: readonly LayerName[],
    write: (client: pg.PoolClient, op: string, articles: readonly ClaimsAndPlacesSource[]) => Promise<void>): Promise<void> => {
    for (let lastSeq = '0'; ;) {
      const page = await query(op, 'SELECT id, seq FROM articles WHERE seq > $1 ORDER BY seq LIMIT 500', [lastSeq], client);
      if (!page.length) break;
      lastSeq = String(page[page.length - 1]!['seq']);
      const ids = page.map((r) => String(r['id']));
      const [layerRows, linkRows] = await Promise.all([
        query(op, 'SELECT article_id, layer, data FROM layers WHERE article_id = ANY($1::text[]) AND layer = ANY($2::text[])', [ids, layers], client),
        query(op, 'SELECT article_id, doc_entity_id, entity_id FROM article_entities WHERE article_id = ANY($1::text[])', [ids], client),
      ]);
      const sources = new Map<string, { layers: Record<string, unknown>; links: { docEntityId: string; entityId: string }[] }>(ids.map((id) => [id, { layers: {}, links: [] }]));
      for (const r of layerRows) sources.get(String(r['article_id']))!.layers[String(r['layer'])] = r['data'];
      for (const r of linkRows) sources.get(String(r['article_id']))!.links.push({ docEntityId: String(r['doc_entity_id']), entityId: String(r['entity_id']) });
      await write(client, op, [...sources].map(([articleId, s]) => ({ articleId, layers: s.layers as ClaimsAndPlacesSource['layers'], links: s.links })));
    }
  };

  /** Fills the tables a migration adds from the rows already stored, by version. */
  const backfills: Readonly<Record<number, (client: pg.PoolClient) => Promise<void>>> = {
    // The places of every article (migration 7 also made the claims table: its rows come with the kind, at 17).
    7: (client) => rewriteFromLayers(client, 'migrate to version 7: backfill', ['places'], writePlaces),
    // Every article's claim rows again, now one per claim of any kind (before, assertions only).
    17: async (client) => {
      const op = 'migrate to version 17: backfill';
      await query(op, 'DELETE FROM claim_entities', [], client);
      await query(op, 'DELETE FROM claims', [], client);
      await rewriteFromLayers(client, op, ['claims', 'entities', 'mentions'], writeClaims);
    },
    // Passage keys for the articles stored before migration 18 (see the SQLite adapter).
    20: async (client) => {
      const op = 'migrate to version 20: backfill';
      for (let after = -1; ;) {
        const rows = await query(op, `SELECT a.seq, a.id, a.body FROM articles a WHERE a.seq > $1
          AND NOT EXISTS (SELECT 1 FROM passage_keys k WHERE k.article_id = a.id) ORDER BY a.seq LIMIT 500`, [after], client);
        if (!rows.length) return;
        after = Number(rows.at(-1)!['seq']);
        const pairs = rows.flatMap((r) => [...new Set(passageKeys(String(r['body'])))].map((key) => [key, String(r['id'])] as const));
        if (pairs.length) await query(op, 'INSERT INTO passage_keys (key, article_id) SELECT * FROM unnest($1::bigint[], $2::text[]) ON CONFLICT DO NOTHING', [pairs.map((p) => p[0]), pairs.map((p) => p[1])], client);
      }
    },
    // The place each stored event observation reports, from its article's events and places layers.
    22: async (client) => {
      const op = 'migrate to version 22: backfill';
      const ids = (await query(op, 'SELECT DISTINCT article_id FROM event_observations ORDER BY article_id', [], client)).map((r) => String(r['article_id']));
      for (let i = 0; i < ids.length; i += BACKFILL_BATCH) {
        const batch = ids.slice(i, i + BACKFILL_BATCH);
        const layers = new Map<string, Record<string, unknown>>(batch.map((id) => [id, {}]));
        for (const r of await query(op, "SELECT article_id, layer, data FROM layers WHERE article_id = ANY($1::text[]) AND layer IN ('events', 'places')", [batch], client)) {
          layers.get(String(r['article_id']))![String(r['layer'])] = r['data'];
        }
        const rows = [...layers].flatMap(([articleId, l]) => [...observationPlaces({ layers: l })].flatMap(([mentionId, place]) => (place ? [[articleId, mentionId, JSON.stringify(place)]] : [])));
        if (!rows.length) continue;
        await query(op, `UPDATE event_observations o SET place = u.place::jsonb FROM unnest($1::text[], $2::text[], $3::text[]) AS u(article_id, mention_id, place)
          WHERE o.article_id = u.article_id AND o.mention_id = u.mention_id`, [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])], client);
      }
    },
    5: async (client) => {
      const op = 'migrate to version 5: backfill';
      const names = (await query(op, 'SELECT id AS entity_id, name FROM entities UNION SELECT DISTINCT entity_id, alias FROM entity_aliases', [], client))
        .map((r) => [String(r['entity_id']), String(r['name'])] as const);
      await insertNameKeys(client, op, names);
      const rows = await query(op, 'SELECT article_id, entity_id, mention_count FROM article_entities ORDER BY article_id', [], client);
      const pairs = new Map<string, number>();
      for (let i = 0; i < rows.length;) {
        let j = i;
        while (j < rows.length && rows[j]!['article_id'] === rows[i]!['article_id']) j++;
        const tallies = tallyEntities(rows.slice(i, j).map((r) => ({ entityId: String(r['entity_id']), mentionCount: Number(r['mention_count']) })));
        for (const [a, b] of entityPairs(tallies)) pairs.set(`${a}\u0000${b}`, (pairs.get(`${a}\u0000${b}`) ?? 0) + 1);
        i = j;
      }
      const all = [...pairs].map(([key, n]) => [...key.split('\u0000'), n] as [string, string, number]);
      for (let i = 0; i < all.length; i += BACKFILL_BATCH) {
        const batch = all.slice(i, i + BACKFILL_BATCH);
        await query(op, 'INSERT INTO entity_pairs (a, b, articles) SELECT * FROM unnest($1::text[], $2::text[], $3::int[])', [batch.map((p) => p[0]), batch.map((p) => p[1]), batch.map((p) => p[2])], client);
      }
    },
  };

  const saveEntityLinks = async (client: pg.PoolClient, op: string, articleId: string, links: readonly EntityLink[]): Promise<void> => {
    if (!links.length) return;
    const tallies = tallyEntities(links);
    const mentionsOf = new Map(tallies.map((t) => [t.entityId, t.mentions]));
    // One upsert per canonical entity, in id order: concurrent articles sharing entities then take the
    // row locks in the same order and cannot deadlock. A full name seen later improves a display name.
    const entities = [...mergeByEntity(links).values()].sort((a, b) => (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0));
    // The article's counts are added in the same upsert, so the row is locked once.
    await query(op, `INSERT INTO entities AS e (id, name, type, kind, country, kb_id, name_key, surname_key, is_surname_only, article_count, mention_count)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::boolean[], $10::int[], $11::int[]) ORDER BY 1
        ON CONFLICT (id) DO UPDATE SET
          name = CASE WHEN e.kb_id IS NULL AND length(excluded.name) > length(e.name)
            AND NOT EXISTS (SELECT 1 FROM entity_overrides o WHERE o.kind = 'rename' AND o.entity_id = e.id) THEN excluded.name ELSE e.name END,
          country = coalesce(e.country, excluded.country),
          article_count = e.article_count + excluded.article_count, mention_count = e.mention_count + excluded.mention_count`, [
      entities.map((l) => l.entityId), entities.map((l) => pgText(l.name)), entities.map((l) => l.type), entities.map((l) => l.kind),
      entities.map((l) => l.country ?? null), entities.map((l) => l.kbId ?? null), entities.map((l) => pgText(l.nameKey)),
      entities.map((l) => (l.surnameKey === undefined ? null : pgText(l.surnameKey))), entities.map((l) => l.isSurnameOnly),
      entities.map(() => 1), entities.map((l) => mentionsOf.get(l.entityId) ?? 0),
    ], client);
    await query(op, `INSERT INTO article_entities (article_id, doc_entity_id, entity_id, name, mention_count, reason)
        SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::text[])`, [
      articleId, links.map((l) => l.docEntityId), links.map((l) => l.entityId), links.map((l) => pgText(l.name)), links.map((l) => l.mentionCount), links.map((l) => pgText(l.reason)),
    ], client);
    const aliases = links.flatMap((l) => l.aliases.map((alias) => [l.entityId, pgText(alias)] as const));
    if (aliases.length) {
      await query(op, 'INSERT INTO entity_aliases (entity_id, article_id, alias) SELECT e, $1, a FROM unnest($2::text[], $3::text[]) AS u(e, a) ON CONFLICT DO NOTHING', [
        articleId, aliases.map((a) => a[0]), aliases.map((a) => a[1]),
      ], client);
    }
    const roles = links.flatMap((l) => l.roles.map((role) => ({ entityId: l.entityId, role })));
    if (roles.length) {
      await query(op, `INSERT INTO entity_roles (entity_id, article_id, title, organisation, from_value, to_value, start_char, end_char)
          SELECT e, $1, t, o, f, u, s, x FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[]) AS r(e, t, o, f, u, s, x)`, [
        articleId, roles.map((r) => r.entityId), roles.map((r) => pgText(r.role.title)), roles.map((r) => (r.role.organisation === undefined ? null : pgText(r.role.organisation))),
        roles.map((r) => r.role.from ?? null), roles.map((r) => r.role.to ?? null), roles.map((r) => r.role.evidence.start), roles.map((r) => r.role.evidence.end),
      ], client);
    }
    await insertNameKeys(client, op, links.flatMap((l) => [[l.entityId, l.name] as const, ...l.aliases.map((alias) => [l.entityId, alias] as const)]));
    await applyPairs(client, op, tallies, 1);
    await query(op, `INSERT INTO entity_articles (entity_id, article_id, published_at, article_seq, outlet, mentions, reason)
        SELECT ae.entity_id, ae.article_id, a.published_at, a.seq, a.outlet, sum(ae.mention_count), string_agg(ae.reason, '; ' ORDER BY ae.doc_entity_id)
        FROM article_entities ae JOIN articles a ON a.id = ae.article_id WHERE ae.article_id = $1 GROUP BY ae.entity_id, ae.article_id, a.published_at, a.seq, a.outlet`, [articleId], client);
  };

  // Entity corrections (migration 10): the SQL is in entity-overrides.ts; relinking reuses this adapter's writers.
  const entityOverrides = postgresEntityOverrides({
    transaction: (op, fn, options = {}) => transaction(op, async (client) => {
      const q = (qop: string, sql: string, params: unknown[] = []): Promise<Row[]> => query(qop, sql, params, client);
      if (options.lockCorpus) await q(op, 'SELECT pg_advisory_xact_lock(hashtext($1))', [`dossier-corpus:${target.schema ?? 'default'}`]);
      return fn(q, client);
    }),
    read,
    relink: async (client, articleId, links, places) => {
      const op = `relink entities of article ${articleId}`;
      if (places) {
        // New places reach the article's event observations and the events they joined (corpus lock first, as a save takes it).
        const q: Query = (qop, sql, params = []) => query(qop, sql, params, client);
        if (await hasObservations(q, articleId)) {
          await q(op, 'SELECT pg_advisory_xact_lock(hashtext($1))', [`dossier-corpus:${target.schema ?? 'default'}`]);
          const [events] = await q(op, "SELECT data FROM layers WHERE article_id = $1 AND layer = 'events'", [articleId]);
          await replaceObservationPlaces(postgresCorpusTx(q), articleId, observationPlaces({ layers: { places: [...places], events: (events?.['data'] ?? []) as EventMention[] } }));
        }
        await query(op, "DELETE FROM layers WHERE article_id = $1 AND layer = 'places'", [articleId], client);
        await query(op, "INSERT INTO layers (article_id, layer, data) VALUES ($1, 'places', $2::jsonb)", [articleId, toJson(places)], client);
      }
      await untallyArticle(client, op, articleId);
      for (const table of ['article_entities', 'entity_articles', 'entity_aliases', 'entity_roles', 'claims', 'claim_entities', 'article_places']) {
        await query(op, `DELETE FROM ${table} WHERE article_id = $1`, [articleId], client);
      }
      await saveEntityLinks(client, op, articleId, links);
      const layers: Record<string, unknown> = {};
      for (const r of await query(op, "SELECT layer, data FROM layers WHERE article_id = $1 AND layer IN ('claims', 'entities', 'mentions', 'places')", [articleId], client)) {
        layers[String(r['layer'])] = r['data'];
      }
      await writeClaimsAndPlaces(client, op, [{ articleId, layers: layers as ClaimsAndPlacesSource['layers'], links }]);
    },
  });

  const analyzeCheckEvery = Math.max(0, options.analyzeCheckEvery ?? ANALYZE_CHECK_EVERY);
  let savesSinceCheck = 0;
  let statisticsError: StoreError | undefined;
  /**
   * Vacuums or analyses the tables this store's saves made stale, by autovacuum's rules (statistics.ts). A failure
   * costs query plans, not data: the saves are committed, so it is kept and thrown by close(), not reported as a failed save.
   */
  const refreshStatistics = async (): Promise<void> => {
    savesSinceCheck = 0;
    try {
      await maintainStaleTables(pool, `dossier-analyze:${target.schema ?? 'default'}`);
    } catch (cause) {
      statisticsError ??= new StoreError('refresh planner statistics (VACUUM or ANALYZE of stale tables)', cause);
    }
  };

  const saveArticle = async (doc: Doc, pipeline: string, links: ArticleLinks = {}, input?: InputFingerprint): Promise<SaveOutcome> => {
    const outcome = await saveArticleOnce(doc, pipeline, links, input);
    if (analyzeCheckEvery > 0 && ++savesSinceCheck >= analyzeCheckEvery) await refreshStatistics();
    return outcome;
  };

  const saveArticleOnce = (doc: Doc, pipeline: string, links: ArticleLinks = {}, input?: InputFingerprint): Promise<SaveOutcome> =>
    transaction(`save article ${doc.id}`, async (client) => {
      const op = `save article ${doc.id}`;
      const q: Query = (qop, sql, params = []) => query(qop, sql, params, client);
      // Cross-article merging (events, near-duplicate groups) reads what other articles wrote and
      // rewrites shared rows: one article at a time per store, like SQLite's single writer. Taken before
      // any row lock; a deadlock with a writer of the same article is detected by PostgreSQL and retried.
      const lockCorpus = () => q(op, 'SELECT pg_advisory_xact_lock(hashtext($1))', [`dossier-corpus:${target.schema ?? 'default'}`]);
      if (links.events?.length || links.syndication) await lockCorpus();
      const stamp = now();
      const m = doc.meta;
      const columns = [
        ...[
          m.source, m.format, m.url ?? null, m.outlet ?? null, m.title ?? null, m.byline ?? null, m.publishedAt ?? null, m.publishedAtFrom ?? null,
          m.language, doc.text, toJson(doc.paragraphs), toJson(doc.comments), toJson(doc.captions), toJson(doc.boilerplate), pipeline,
        ].map(pgText),
        countChars(doc.text),
      ];
      // ON CONFLICT waits for a concurrent inserter of the same id to commit, then does nothing: exactly one wins.
      const inserted = await query(op, `INSERT INTO articles (source, format, url, outlet, title, byline, published_at, published_from, language, body,
          paragraphs, comments, captions, boilerplate, pipeline, body_chars, ingested_at, id)
        VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18) ON CONFLICT (id) DO NOTHING RETURNING id`, [...columns, stamp, doc.id], client);
      let outcome: SaveOutcome = 'inserted';
      if (inserted.length === 0) {
        // The row lock makes a second writer with a newer pipeline wait, then see the first one's update.
        const existing = await query(op, 'SELECT pipeline FROM articles WHERE id = $1 FOR UPDATE', [doc.id], client);
        if (existing.length === 0) throw new StoreError(op, new Error('article vanished between insert and lock (deleted concurrently)'));
        outcome = existing[0]!['pipeline'] === pipeline ? 'duplicate' : 'updated';
        if (outcome === 'updated') {
          await query(op, `UPDATE articles SET source=$1, format=$2, url=$3, outlet=$4, title=$5, byline=$6, published_at=$7, published_from=$8,
              language=$9, body=$10, paragraphs=$11, comments=$12, captions=$13, boilerplate=$14, pipeline=$15, body_chars=$16 WHERE id=$17`, [...columns, doc.id], client);
          await query(op, 'DELETE FROM layers WHERE article_id = $1', [doc.id], client);
          await query(op, 'DELETE FROM mentions WHERE article_id = $1', [doc.id], client);
          await untallyArticle(client, op, doc.id);
          for (const table of ['article_entities', 'entity_articles', 'entity_aliases', 'entity_roles', 'claims', 'claim_entities', 'article_places']) {
            await query(op, `DELETE FROM ${table} WHERE article_id = $1`, [doc.id], client);
          }
          if (await hasObservations(q, doc.id)) await lockCorpus();
          await unlinkArticle(postgresCorpusTx(q), doc.id);
        }
      }
      // A source row keeps its first sighting; a new read with a fingerprint updates what the row says of it.
      await query(op, `INSERT INTO article_sources (article_id, source, first_seen, input_hash, run_key, pipeline) VALUES ($1, $2, $3, $4, $5, $6)
          ON CONFLICT (article_id, source) DO UPDATE SET input_hash = excluded.input_hash, run_key = excluded.run_key, pipeline = excluded.pipeline
          WHERE excluded.input_hash IS NOT NULL`,
        [doc.id, pgText(m.source), stamp, input?.inputHash ?? null, input?.runKey ?? null, input ? pipeline : null], client);
      if (outcome === 'duplicate') return outcome;
      const layerNames: string[] = [];
      const layerData: string[] = [];
      for (const layer of STORED_LAYERS) {
        const value = doc.layers[layer];
        if (value === undefined) continue;
        layerNames.push(layer);
        layerData.push(toJson(value));
      }
      if (layerNames.length) {
        await query(op, 'INSERT INTO layers (article_id, layer, data) SELECT $1, l, d FROM unnest($2::text[], $3::jsonb[]) AS t(l, d)', [doc.id, layerNames, layerData], client);
      }
      const mentions = doc.layers.mentions ?? [];
      if (mentions.length) {
        await query(op, `INSERT INTO mentions (article_id, mention_id, start_char, end_char, text, type)
            SELECT $1, i, s, e, t, ty FROM unnest($2::text[], $3::int[], $4::int[], $5::text[], $6::text[]) AS u(i, s, e, t, ty)`, [
          doc.id,
          mentions.map((x) => x.id),
          mentions.map((x) => x.start),
          mentions.map((x) => x.end),
          mentions.map((x) => pgText(x.text)),
          mentions.map((x) => x.type),
        ], client);
      }
      await saveEntityLinks(client, op, doc.id, links.entities ?? []);
      await writeClaimsAndPlaces(client, op, [{ articleId: doc.id, layers: doc.layers, links: links.entities ?? [] }]);
      await linkArticle(postgresCorpusTx(q), { articleId: doc.id, events: links.events ?? [], text: doc.text, ...(links.syndication ? { syndication: links.syndication } : {}) });
      // Last: the feed lock is held until commit (see saved-searches.ts).
      if (outcome === 'inserted') await addToPostgresFeed(q, op, doc.id, stamp, target.schema);
      return outcome;
    });

  const getArticle = async (idOrPrefix: string): Promise<StoredArticle | undefined> => {
    if (!/^[0-9a-f]{4,64}$/i.test(idOrPrefix)) return undefined;
    // The exact id first; then the prefix (the "C" collation lets LIKE 'prefix%' use the primary key).
    const key = idOrPrefix.toLowerCase();
    let rows = await query('get article', 'SELECT * FROM articles WHERE id = $1', [key]);
    if (!rows.length) rows = await query('get article', 'SELECT * FROM articles WHERE id LIKE $1 LIMIT 2', [`${key}%`]);
    if (rows.length !== 1) return undefined;
    const row = rows[0]!;
    const id = String(row['id']);
    const [sources, layerRows] = await Promise.all([
      query('get article', 'SELECT source FROM article_sources WHERE article_id = $1 ORDER BY first_seen, source', [id]),
      query('get article', 'SELECT layer, data FROM layers WHERE article_id = $1', [id]),
    ]);
    const layers: Record<string, unknown> = {};
    for (const l of layerRows) layers[String(l['layer'])] = l['data'];
    return toStoredArticle(row, sources.map((r) => String(r['source'])), layers);
  };

  /** Articles by id in slices of MAX_PAGE_SIZE: three queries a slice (articles, sources, the layers asked for). */
  const getArticles = async (ids: readonly string[], options: { readonly layers?: readonly LayerName[] } = {}): Promise<StoredArticle[]> => {
    const wanted = [...new Set(ids)];
    const out: StoredArticle[] = [];
    for (let i = 0; i < wanted.length; i += MAX_PAGE_SIZE) {
      const slice = wanted.slice(i, i + MAX_PAGE_SIZE);
      const [rows, sourceRows, layerRows] = await Promise.all([
        query('get articles', 'SELECT * FROM articles WHERE id = ANY($1::text[])', [slice]),
        query('get articles', 'SELECT article_id, source FROM article_sources WHERE article_id = ANY($1::text[]) ORDER BY article_id, first_seen, source', [slice]),
        options.layers?.length === 0 ? Promise.resolve([])
          : query('get articles', `SELECT article_id, layer, data FROM layers WHERE article_id = ANY($1::text[])${options.layers ? ' AND layer = ANY($2::text[])' : ''}`,
            options.layers ? [slice, [...options.layers]] : [slice]),
      ]);
      const sources = bucketBy(sourceRows, 'article_id', (r) => String(r['source']));
      const layers = new Map<string, Record<string, unknown>>();
      for (const l of layerRows) {
        const id = String(l['article_id']);
        const of = layers.get(id) ?? {};
        of[String(l['layer'])] = l['data'];
        layers.set(id, of);
      }
      const byId = new Map(rows.map((row) => [String(row['id']), row]));
      for (const id of slice) {
        const row = byId.get(id);
        if (row) out.push(toStoredArticle(row, sources.get(id) ?? [], layers.get(id) ?? {}));
      }
    }
    return out;
  };

  /** An articles row, its sources (first seen first) and layers as a StoredArticle. */
  const toStoredArticle = (row: Row, sources: string[], layers: Record<string, unknown>): StoredArticle => {
    const id = String(row['id']);
    return {
      id,
      source: String(row['source']),
      sources,
      format: String(row['format']),
      url: nullable(row['url']),
      outlet: nullable(row['outlet']),
      title: nullable(row['title']),
      byline: nullable(row['byline']),
      publishedAt: nullable(row['published_at']),
      language: String(row['language']),
      body: String(row['body']),
      paragraphs: row['paragraphs'] as StoredArticle['paragraphs'],
      comments: row['comments'] as StoredArticle['comments'],
      captions: row['captions'] as StoredArticle['captions'],
      boilerplate: row['boilerplate'] as StoredArticle['boilerplate'],
      pipeline: String(row['pipeline']),
      ingestedAt: (row['ingested_at'] as Date).toISOString(),
      layers,
    };
  };

  const search = async (input: SearchQuery): Promise<SearchHit[]> => {
    const limit = clampLimit(input.limit);
    const offset = Math.max(0, input.offset ?? 0);
    if (input.text === undefined) {
      // No words asked for: the filtered articles, newest first, each with its opening (400 characters are enough for a 200-character one).
      const params: unknown[] = [limit, offset];
      const { entityId, ...others } = input.filter ?? {};
      // With an entity, its rows of entity_articles (which copy the article's date and seq) are read in the page's
      // order from an index (entity_articles_time oldest first, entity_articles_newest newest first) and stop at the page.
      const source = entityId ? `entity_articles ea JOIN articles a ON a.id = ea.article_id` : 'articles a';
      const where = [...(entityId ? [`ea.entity_id = $${params.push(entityId)}`] : []), ...articleFilterSql(others, params)];
      const [date, seq] = entityId ? ['ea.published_at', 'ea.article_seq'] : ['a.published_at', 'a.seq'];
      const rows = await query('search', `SELECT a.id, a.title, a.outlet, a.published_at, left(a.body, 400) AS opening FROM ${source}
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${input.isNewestStoredFirst ? `${seq} DESC` : input.isOldestFirst ? `${date} ASC NULLS LAST, ${seq} ASC` : `${date} DESC NULLS LAST, ${seq} DESC`} LIMIT $1 OFFSET $2`, params);
      return rows.map(openingHit);
    }
    const withSnippets = input.withSnippets !== false;
    const tsQuery = toTsQuerySql(input.text, 4);
    if (!tsQuery) return [];
    const terms = snippetTerms(input.text);
    if (input.isNewestStoredFirst) {
      // Alerts: unranked, newest stored first (the articles' primary key walked backwards, each checked).
      const words = toTsQuerySql(input.text, 3)!;
      const params: unknown[] = [limit, offset, ...words.params];
      const where = articleFilterSql(input.filter, params);
      const rows = await query('search', `SELECT a.id, a.title, a.outlet, a.published_at${withSnippets ? `, ${SNIPPET_BODY_SQL} AS body` : ''} FROM articles a
        WHERE a.search @@ (${words.sql})${where.map((w) => ` AND ${w}`).join('')} ORDER BY a.seq DESC LIMIT $1 OFFSET $2`, params);
      return rows.map((r) => searchHitOf(r, terms, 0));
    }
    // Tiers of rankTier matches, newest first (rank-tier.ts): only the tiers this page falls in are read and scored.
    // Each is the matches after the tiers before it, read newest first with a limit (the GIN index, or the seq index
    // walked backwards for a common word, stopping at the tier's end) and scored as they are read. Numbering every
    // match to find the tiers and then looking each scored match up again by seq cost more than the scoring (at
    // 3.4k articles: 8.0 → 5.1 ms of database CPU for a word in half the articles); scoring outside the limited
    // read instead carried each match's tsvector through the sort (3× the CPU for a word in a fifth of them).
    // Then the page's rows, with their bodies for snippets unless the caller wants none. The
    // tsquery is written out where it is used, not read from a CTE: a CTE read several times is materialised, and
    // the planner, blind to its value, chose a sequential scan testing every article's tsvector over the GIN index
    // (seen on a store of 2,700 articles; at 20k it guessed the index).
    const firstTier = Math.floor(offset / rankTier);
    const lastTier = Math.floor((offset + limit - 1) / rankTier);
    const params: unknown[] = [limit, offset - firstTier * rankTier, rankTier, ...tsQuery.params];
    const where = articleFilterSql(input.filter, params);
    const tiers = Array.from({ length: lastTier - firstTier + 1 }, (_, i) => firstTier + i).map((tier) => `(SELECT ${tier} AS tier, a.seq, ts_rank(a.search, ${tsQuery.sql}) AS score
      FROM articles a WHERE a.search @@ (${tsQuery.sql})${where.map((w) => ` AND ${w}`).join('')} ORDER BY a.seq DESC LIMIT $3 OFFSET ${tier} * $3::bigint)`);
    const sql = `WITH hits AS (
        SELECT * FROM (${tiers.join(' UNION ALL ')}) scored ORDER BY tier, score DESC, seq LIMIT $1 OFFSET $2
      )
      SELECT a.id, a.title, a.outlet, a.published_at, hits.score${withSnippets ? `, ${SNIPPET_BODY_SQL} AS body` : ''}
      FROM hits JOIN articles a ON a.seq = hits.seq
      ORDER BY hits.tier, hits.score DESC, hits.seq`;
    const rows = await query('search', sql, params);
    return rows.map((r) => searchHitOf(r, terms, Number(r['score'])));
  };

  const listPlaces = async (placeQuery: PlaceQuery = {}): Promise<PlaceOverview> => {
    const limit = Math.max(1, Math.min(placeQuery.limit ?? 500, 2000));
    const params: unknown[] = [limit, Math.max(0, placeQuery.sampledPlaces ?? limit)];
    const entity = placeQuery.entityId ? `$${params.push(placeQuery.entityId)}` : undefined;
    // Over the corpus the map index alone is grouped; for one entity, its articles drive. A place's newest five
    // articles walk the (place, date) index and stop at five.
    const source = entity ? `entity_articles ea JOIN article_places p ON p.article_id = ea.article_id WHERE ea.entity_id = ${entity} AND` : 'article_places p WHERE';
    const inScope = entity ? `AND EXISTS (SELECT 1 FROM entity_articles ea WHERE ea.entity_id = ${entity} AND ea.article_id = p.article_id)` : '';
    const [rows, unresolved] = await Promise.all([
      query('list places', `WITH places AS (
          SELECT p.place_key AS key, min(p.name) AS name, min(p.country_code) AS country_code, avg(p.lat) AS lat, avg(p.lon) AS lon, min(p.precision) AS precision,
            count(*)::int AS articles, sum(p.mentions)::int AS mentions,
            row_number() OVER (ORDER BY count(*) DESC, min(p.name) COLLATE "C", p.place_key COLLATE "C") AS rank
          FROM ${source} p.lat IS NOT NULL GROUP BY p.place_key ORDER BY count(*) DESC, min(p.name) COLLATE "C", p.place_key COLLATE "C" LIMIT $1
        )
        SELECT places.*, CASE WHEN places.rank > $2 THEN '[]'::jsonb ELSE (
          SELECT coalesce(jsonb_agg(jsonb_build_object('id', a.id, 'title', a.title) ORDER BY recent.published_at DESC NULLS LAST, recent.article_seq DESC), '[]'::jsonb) FROM (
            SELECT p.article_id, p.published_at, p.article_seq FROM article_places p WHERE p.place_key = places.key ${inScope}
            ORDER BY p.published_at DESC NULLS LAST, p.article_seq DESC LIMIT 5
          ) recent JOIN articles a ON a.id = recent.article_id
        ) END AS samples
        FROM places ORDER BY articles DESC, name COLLATE "C", key COLLATE "C"`, params),
      entity
        ? query('list places', 'SELECT coalesce(sum(p.mentions), 0)::int AS n FROM entity_articles ea JOIN article_places p ON p.article_id = ea.article_id WHERE ea.entity_id = $1 AND p.lat IS NULL', [placeQuery.entityId])
        : query('list places', 'SELECT coalesce(sum(mentions), 0)::int AS n FROM article_places WHERE lat IS NULL'),
    ]);
    return {
      places: rows.map((r) => ({
        key: String(r['key']), name: String(r['name']), countryCode: nullable(r['country_code']), lat: Number(r['lat']), lon: Number(r['lon']), precision: nullable(r['precision']),
        articleCount: Number(r['articles']), mentionCount: Number(r['mentions']), articles: r['samples'] as PlaceOverview['places'][number]['articles'],
      })),
      unresolvedMentions: Number(unresolved[0]!['n']),
    };
  };

  const searchFacets = async (): Promise<SearchFacets> => {
    const values = async (sql: string) => (await query('search facets', sql)).map((r) => ({ value: String(r['value']), count: Number(r['n']) }));
    // Ties by value in code-point order ("C"), as SQLite's binary collation orders them.
    const [outlets, eventTypes, countries] = await Promise.all([
      values('SELECT outlet AS value, count(*) AS n FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY n DESC, outlet COLLATE "C" LIMIT 200'),
      values('SELECT plover_type AS value, count(*) AS n FROM merged_events GROUP BY plover_type ORDER BY n DESC, plover_type COLLATE "C" LIMIT 200'),
      values('SELECT country_code AS value, count(DISTINCT article_id) AS n FROM article_places WHERE country_code IS NOT NULL GROUP BY country_code ORDER BY n DESC, country_code COLLATE "C" LIMIT 200'),
    ]);
    return { outlets, eventTypes, countries };
  };

  /**
   * A page of claims (the claims rows `c` that `where` keeps, in claim order) with what they are shown with, in one
   * round trip: their events and entities by sub-query, and each article's body once, on its first claim of the page.
   */
  const claimsPage = async (op: string, where: string, params: unknown[], page: string): Promise<StoredClaim[]> => {
    // NULLS FIRST: undated claims first, as SQLite orders NULL in ascending order.
    const order = 'p.published_at ASC NULLS FIRST, p.article_seq, p.ordinal';
    const rows = await query(op, `WITH page AS (SELECT c.* FROM claims c ${where} ORDER BY c.published_at ASC NULLS FIRST, c.article_seq, c.ordinal ${page})
      SELECT p.*, a.title,
        CASE WHEN lag(p.article_id) OVER (ORDER BY ${order}) IS DISTINCT FROM p.article_id THEN a.body END AS body,
        (SELECT coalesce(jsonb_agg(jsonb_build_object('id', e.id, 'ploverType', e.plover_type, 'status', e.status) ORDER BY e.id COLLATE "C"), '[]'::jsonb)
          FROM (SELECT DISTINCT m.id, m.plover_type, m.status FROM jsonb_array_elements_text(p.event_mention_ids) AS j(mention_id)
            JOIN event_observations o ON o.article_id = p.article_id AND o.mention_id = j.mention_id JOIN merged_events m ON m.id = o.merged_event_id) e) AS events,
        ARRAY(SELECT ce.entity_id FROM claim_entities ce WHERE ce.article_id = p.article_id AND ce.claim_id = p.claim_id ORDER BY ce.entity_id COLLATE "C") AS entity_ids
      FROM page p JOIN articles a ON a.id = p.article_id ORDER BY ${order}`, params);
    const bodies = new Map<string, string>();
    return rows.map((r) => {
      const articleId = String(r['article_id']);
      if (r['body'] !== null) bodies.set(articleId, String(r['body']));
      const record: ClaimRecord = {
        articleId, claimId: String(r['claim_id']), kind: String(r['kind']), title: nullable(r['title']), outlet: nullable(r['outlet']), publishedAt: nullable(r['published_at']), stance: String(r['stance']),
        isDirectQuote: r['is_direct_quote'] === true, isHedged: r['is_hedged'] === true, isAnonymous: r['is_anonymous'] === true,
        chain: r['chain'] as ClaimRecord['chain'], evidenceStart: Number(r['evidence_start']), evidenceEnd: Number(r['evidence_end']),
        contentStart: Number(r['content_start']), contentEnd: Number(r['content_end']),
        cueStart: r['cue_start'] === null ? null : Number(r['cue_start']), cueEnd: r['cue_end'] === null ? null : Number(r['cue_end']), respondsTo: nullable(r['responds_to']),
      };
      // Spans are UTF-16 offsets: cut here, never with PostgreSQL's code-point substr.
      return toStoredClaim(record, bodies.get(articleId) ?? '', r['events'] as StoredClaim['events'], (r['entity_ids'] as string[]).map(String));
    });
  };

  const listClaims = async (claimQuery: ClaimQuery = {}): Promise<StoredClaim[]> => {
    const params: unknown[] = [clampLimit(claimQuery.limit), Math.max(0, claimQuery.offset ?? 0)];
    const where = claimFilterSql(claimQuery, params);
    return claimsPage('list claims', where, params, 'LIMIT $1 OFFSET $2');
  };

  const listClaimLinks = async (claimQuery: ClaimQuery = {}): Promise<ClaimLinkRow[]> => {
    const params: unknown[] = [Math.max(1, Math.min(claimQuery.limit ?? 20, MAX_KEY_ROWS)), Math.max(0, claimQuery.offset ?? 0)];
    const where = claimFilterSql(claimQuery, params);
    // The page's keys first, then its rows: the graph reads the latest claims at a deep offset, and the rows an
    // OFFSET skips are still projected, so each skipped claim ran the entity sub-query (10,000 of them for a page
    // of 500 on the 20k bench store: ≈ 60–90 ms).
    const rows = await query('list claim links', `SELECT c.article_id, c.claim_id, c.chain,
        ARRAY(SELECT ce.entity_id FROM claim_entities ce WHERE ce.article_id = c.article_id AND ce.claim_id = c.claim_id ORDER BY ce.entity_id COLLATE "C") AS entity_ids
      FROM (SELECT c.article_id, c.claim_id FROM claims c ${where} ORDER BY c.published_at ASC NULLS FIRST, c.article_seq, c.ordinal LIMIT $1 OFFSET $2) page
      JOIN claims c ON c.article_id = page.article_id AND c.claim_id = page.claim_id
      ORDER BY c.published_at ASC NULLS FIRST, c.article_seq, c.ordinal`, params);
    return rows.map((r) => ({
      id: claimKey(String(r['article_id']), String(r['claim_id'])),
      chainEntityIds: (r['chain'] as { entityId: string | null }[]).map((s) => s.entityId ?? null),
      entityIds: (r['entity_ids'] as string[]).map(String),
    }));
  };

  const countClaims = async (claimQuery: ClaimQuery = {}): Promise<number> => {
    const params: unknown[] = [];
    const where = claimFilterSql(claimQuery, params);
    return Number((await query('count claims', `SELECT count(*) AS n FROM claims c ${where}`, params))[0]!['n']);
  };

  const getClaim = async (id: string): Promise<StoredClaimDetail | undefined> => {
    const key = parseClaimKey(id);
    if (!key) return undefined;
    // The claim and the claims of its article that answer it, in one page (article order).
    const claims = await claimsPage('get claim', 'WHERE c.article_id = $1 AND (c.claim_id = $2 OR c.responds_to = $2)', [key.articleId, key.claimId], '');
    const claim = claims.find((c) => c.id === `${key.articleId}:${key.claimId}`);
    if (!claim) return undefined;
    return { ...claim, responses: claims.filter((c) => c.respondsTo === claim.id) };
  };

  const listArticles = async (options: { limit?: number; offset?: number } = {}): Promise<ArticleSummary[]> =>
    // The offset is skipped in the seq index alone (an index-only scan), and only the page's rows are read: skipping
    // whole rows cost more once the search vector was kept in them (migration 19), 13 ms at offset 10,000.
    (await query('list articles', `WITH page AS MATERIALIZED (SELECT seq FROM articles ORDER BY seq LIMIT $1 OFFSET $2)
      SELECT a.id, a.title, a.outlet, a.published_at, a.source, a.language, a.body_chars AS chars FROM page JOIN articles a ON a.seq = page.seq ORDER BY a.seq`, [
      clampLimit(options.limit),
      Math.max(0, options.offset ?? 0),
    ])).map((r) => ({
      id: String(r['id']),
      title: nullable(r['title']),
      outlet: nullable(r['outlet']),
      publishedAt: nullable(r['published_at']),
      source: String(r['source']),
      language: String(r['language']),
      bodyChars: Number(r['chars']),
    }));

  const findPeopleBySurname = async (keys: readonly string[]): Promise<Map<string, KnownEntity[]>> => {
    const out = new Map<string, KnownEntity[]>(keys.map((k) => [k, []]));
    if (!keys.length) return out;
    const rows = await query('find people by surname', "SELECT id, name, type, country, is_surname_only, surname_key FROM entities WHERE type = 'PER' AND surname_key = ANY($1::text[]) AND article_count > 0 ORDER BY id", [keys]);
    for (const r of rows) {
      out.get(String(r['surname_key']))?.push({ id: String(r['id']), name: String(r['name']), type: String(r['type']), country: nullable(r['country']), isSurnameOnly: r['is_surname_only'] === true });
    }
    return out;
  };

  const entityTypesByName = async (keys: readonly string[]): Promise<Map<string, NameTypeCount[]>> => {
    const out = new Map<string, NameTypeCount[]>(keys.map((k) => [k, []]));
    if (!keys.length) return out;
    // By primary key: a linked entity's id is its type's prefix and its name key (link-entities.ts).
    const ids = keys.flatMap((key) => NAME_TYPE_PREFIXES.map((p) => `${p}:${key}`));
    const rows = await query('entity types by name', 'SELECT id, type, mention_count, article_count FROM entities WHERE id = ANY($1::text[]) AND article_count > 0', [ids]);
    for (const r of rows) {
      const id = String(r['id']);
      out.get(id.slice(id.indexOf(':') + 1))?.push({ type: String(r['type']), mentions: Number(r['mention_count']), articles: Number(r['article_count']) });
    }
    for (const rows of out.values()) rows.sort(byMentions);
    return out;
  };

  const ENTITY_COLUMNS = 'e.id, e.name, e.type, e.kind, e.country, e.kb_id, e.article_count, e.mention_count';
  const toCanonical = (r: Row): CanonicalEntity => ({
    id: String(r['id']), name: String(r['name']), type: String(r['type']) as CanonicalEntity['type'], kind: String(r['kind']) as CanonicalEntity['kind'],
    country: nullable(r['country']), kbId: nullable(r['kb_id']), articleCount: Number(r['article_count']), mentionCount: Number(r['mention_count']),
  });

  const listEntities = async (entityQuery: EntityQuery = {}): Promise<CanonicalEntity[]> => {
    // An entity no article links any more keeps its row with article_count 0 and is not listed.
    const where: string[] = ['e.article_count > 0'];
    const params: unknown[] = [clampLimit(entityQuery.limit), Math.max(0, entityQuery.offset ?? 0)];
    if (entityQuery.type) {
      params.push(entityQuery.type);
      where.push(`e.type = $${params.length}`);
    }
    if (entityQuery.search !== undefined) {
      const range = prefixRange(entityQuery.search);
      if (!range) return [];
      params.push(range.from, range.to);
      where.push(`e.id IN (SELECT entity_id FROM entity_names WHERE key >= $${params.length - 1} AND key < $${params.length})`);
    }
    const sql = `SELECT ${ENTITY_COLUMNS} FROM entities e WHERE ${where.join(' AND ')} ORDER BY e.mention_count DESC, e.name LIMIT $1 OFFSET $2`;
    return (await query('list entities', sql, params)).map(toCanonical);
  };

  /**
   * The entity of an id, or else of an exact name or alias ignoring case (the most mentioned), as one statement: the
   * name look-up runs only when no entity has that id (a one-time filter on the materialised first look-up).
   */
  const FIND_ENTITY_SQL = `WITH by_id AS MATERIALIZED (SELECT ${ENTITY_COLUMNS} FROM entities e WHERE e.id = $1)
    SELECT * FROM by_id
    UNION ALL (SELECT ${ENTITY_COLUMNS} FROM entities e WHERE NOT EXISTS (SELECT 1 FROM by_id) AND (lower(e.name) = lower($1)
      OR e.id IN (SELECT entity_id FROM entity_aliases WHERE lower(alias) = lower($1))) ORDER BY e.mention_count DESC, e.id LIMIT 1)`;

  const findEntity = async (idOrName: string): Promise<CanonicalEntity | undefined> => {
    const rows = await query('find entity', FIND_ENTITY_SQL, [idOrName]);
    return rows[0] ? toCanonical(rows[0]) : undefined;
  };

  /**
   * The entity with its aliases, roles, page of articles and mentions by outlet in one statement (one round trip and
   * one plan where there were five): each part is a sub-query on the entity's indexes, aggregated to JSON in its order.
   */
  const getEntity = async (idOrName: string, page: EntityArticlesPage = {}): Promise<EntityDetail | undefined> => {
    // LIMIT NULL is no limit: without articlesLimit every article is returned, as before paging existed.
    const rows = await query('get entity', `WITH e AS MATERIALIZED (${FIND_ENTITY_SQL})
      SELECT e.*,
        (SELECT coalesce(json_agg(json_build_object('alias', x.alias, 'count', x.n) ORDER BY x.n DESC, x.alias), '[]')
          FROM (SELECT alias, count(*) AS n FROM entity_aliases WHERE entity_id = e.id GROUP BY alias) x) AS aliases,
        (SELECT coalesce(json_agg(json_build_object('title', r.title, 'organisation', r.organisation, 'from', r.from_value, 'to', r.to_value, 'articleId', r.article_id,
            'start', r.start_char, 'end', r.end_char) ORDER BY coalesce(r.from_value, a.published_at), r.title), '[]')
          FROM entity_roles r JOIN articles a ON a.id = r.article_id WHERE r.entity_id = e.id) AS roles,
        (SELECT coalesce(json_agg(json_build_object('articleId', x.article_id, 'title', x.title, 'outlet', x.outlet, 'publishedAt', x.published_at,
            'mentionCount', x.mentions, 'reason', x.reason) ORDER BY x.sort_date, x.article_seq), '[]')
          FROM (SELECT ea.article_id, a.title, a.outlet, a.published_at, ea.mentions, ea.reason, ea.published_at AS sort_date, ea.article_seq
            FROM entity_articles ea JOIN articles a ON a.id = ea.article_id WHERE ea.entity_id = e.id ORDER BY ea.published_at, ea.article_seq LIMIT $2 OFFSET $3) x) AS articles,
        (SELECT coalesce(json_agg(json_build_array(o.outlet, o.n)), '[]')
          FROM (SELECT outlet, sum(mentions) AS n FROM entity_articles WHERE entity_id = e.id GROUP BY outlet) o) AS outlets
      FROM e`, [idOrName, page.articlesLimit === undefined ? null : Math.max(0, page.articlesLimit), Math.max(0, page.articlesOffset ?? 0)]);
    const row = rows[0];
    if (!row) return undefined;
    const entity = toCanonical(row);
    const mentionsByOutlet: Record<string, number> = {};
    for (const [outlet, n] of row['outlets'] as [string | null, number][]) mentionsByOutlet[outlet ?? '(unknown)'] = (mentionsByOutlet[outlet ?? '(unknown)'] ?? 0) + Number(n);
    return {
      ...entity,
      aliases: row['aliases'] as EntityDetail['aliases'],
      roles: row['roles'] as EntityDetail['roles'],
      articles: row['articles'] as EntityDetail['articles'],
      articlesTotal: entity.articleCount,
      mentionsByOutlet,
    };
  };

  const articleEntityLinks = async (articleId: string): Promise<ArticleEntityLink[]> =>
    (await query('article entity links', `SELECT ae.doc_entity_id, ae.entity_id, e.name, ae.reason FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
      WHERE ae.article_id = $1 ORDER BY ae.doc_entity_id COLLATE "C"`, [articleId]))
      .map((r) => ({ docEntityId: String(r['doc_entity_id']), entityId: String(r['entity_id']), name: String(r['name']), reason: String(r['reason']) }));

  const listCooccurrences = async (cooccurrenceQuery: CooccurrenceQuery = {}): Promise<Cooccurrence[]> => {
    const params: unknown[] = [Math.max(1, cooccurrenceQuery.minArticles ?? 1), Math.max(1, Math.min(cooccurrenceQuery.limit ?? 200, MAX_PAIRS))];
    const where: string[] = ['p.articles >= $1'];
    if (cooccurrenceQuery.entityId) {
      params.push(cooccurrenceQuery.entityId);
      where.push(`(p.a = $${params.length} OR p.b = $${params.length})`);
    }
    if (cooccurrenceQuery.among) {
      params.push([...cooccurrenceQuery.among]);
      where.push(`p.a = ANY($${params.length}::text[]) AND p.b = ANY($${params.length}::text[])`);
    }
    const sql = `SELECT p.a, p.b, p.articles, x.name AS a_name, x.type AS a_type, y.name AS b_name, y.type AS b_type FROM entity_pairs p
      JOIN entities x ON x.id = p.a JOIN entities y ON y.id = p.b WHERE ${where.join(' AND ')} ORDER BY p.articles DESC, p.a, p.b LIMIT $2`;
    return (await query('list co-occurrences', sql, params)).map((r) => ({
      a: String(r['a']), b: String(r['b']), articles: Number(r['articles']),
      aName: String(r['a_name']), aType: String(r['a_type']) as Cooccurrence['aType'], bName: String(r['b_name']), bType: String(r['b_type']) as Cooccurrence['bType'],
    }));
  };

  const stats = async (): Promise<StoreStats> => {
    const count = async (sql: string): Promise<number> => Number((await query('stats', sql))[0]!['n']);
    const groups = async (sql: string): Promise<Record<string, number>> =>
      Object.fromEntries((await query('stats', sql)).map((r) => [nullable(r['k']) ?? '(unknown)', Number(r['n'])]));
    const [articles, sources, mentions, entities, corpus, byLanguage, byOutlet, version] = await Promise.all([
      count('SELECT count(*) AS n FROM articles'),
      count('SELECT count(*) AS n FROM article_sources'),
      count('SELECT count(*) AS n FROM mentions'),
      count('SELECT count(*) AS n FROM entities WHERE article_count > 0'),
      corpusCounts(read),
      groups('SELECT language AS k, count(*) AS n FROM articles GROUP BY language ORDER BY n DESC, k'),
      groups('SELECT outlet AS k, count(*) AS n FROM articles GROUP BY outlet ORDER BY n DESC, k LIMIT 20'),
      schemaVersion(),
    ]);
    return { articles, sources, mentions, entities, ...corpus, byLanguage, byOutlet, schemaVersion: version };
  };

  return {
    kind: 'postgres',
    // Saved searches, the article feed and notes (migration 11).
    ...postgresSavedSearches(read, write, now),
    migrate,
    revision: async () => String((await query('store revision', 'SELECT revision FROM store_revision'))[0]!['revision']),
    saveArticle,
    isInputUnchanged: async (source, input) => (await query('check input fingerprint', `SELECT 1 FROM article_sources s JOIN articles a ON a.id = s.article_id
      WHERE s.source = $1 AND s.input_hash = $2 AND s.run_key = $3 AND a.pipeline = s.pipeline LIMIT 1`, [pgText(source), input.inputHash, input.runKey])).length > 0,
    hasArticle: async (id) => (await query('has article', 'SELECT 1 FROM articles WHERE id = $1', [id])).length > 0,
    articleIdsFromHost: async (host) => {
      const patterns = hostUrlPatterns(host);
      if (!patterns.length) return [];
      return (await query('article ids from host', 'SELECT id COLLATE "C" AS id FROM articles WHERE url ILIKE ANY($1::text[]) ORDER BY 1', [patterns])).map((r) => String(r['id']));
    },
    getArticle,
    getArticles,
    listArticles,
    countArticles: async () => Number((await query('count articles', 'SELECT count(*) AS n FROM articles'))[0]!['n']),
    articleEntityLinks,
    search,
    searchFacets,
    listPlaces,
    listClaims,
    listClaimLinks,
    countClaims,
    getClaim,
    stats,
    findPeopleBySurname,
    entityTypesByName,
    listEntities,
    getEntity,
    findEntity,
    findSyndicationCandidates: (keys) => findSyndicationCandidates(read, keys),
    listEvents: (eventQuery) => listEvents(read, eventQuery),
    listEventKeys: (eventQuery) => listEventKeys(read, eventQuery),
    listMapEvents: (eventQuery, limit, offset) => listMapEvents(read, eventQuery, limit, offset),
    listMapCells: (eventQuery, cellDegrees) => listMapCells(read, eventQuery, cellDegrees),
    countEvents: (eventQuery) => countEvents(read, eventQuery),
    countEventsByPeriod: (eventQuery, period, options) => countEventsByPeriod(read, eventQuery, period, options),
    countArticlesByPeriod: async (filter, period) => {
      const params: unknown[] = [PERIOD_CHARS[period]];
      const where = articleFilterSql(filter, params);
      const rows = await query('count articles by period', `SELECT period, n FROM (SELECT coalesce(substr(a.published_at, 1, $1), '') AS period, count(*) AS n FROM articles a
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY 1) g ORDER BY period COLLATE "C"`, params);
      return rows.map((r) => ({ period: String(r['period']), articles: Number(r['n']) }));
    },
    getEvent: (id) => getEvent(read, id),
    getEvents: (ids) => getEvents(read, ids),
    ...entityOverrides,
    mergeEvents: (targetId, otherId) => corpusTransaction(`merge event ${otherId} into ${targetId}`, (tx) => mergeEventsByUser(tx, targetId, otherId)),
    splitEvent: (eventId, observation) => corpusTransaction(`split event ${eventId}`, (tx) => splitObservationByUser(tx, eventId, observation)),
    listCooccurrences,
    saveDictionary: async (d) => {
      await write('save dictionary', `INSERT INTO dictionaries (file, kind, text, entries, imported_at) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (file) DO UPDATE SET kind = excluded.kind, text = excluded.text, entries = excluded.entries, imported_at = excluded.imported_at`, [
        d.file, d.kind, pgText(d.text), d.entries, now(),
      ]);
    },
    listDictionaries: async () => (await query('list dictionaries', 'SELECT * FROM dictionaries ORDER BY imported_at, file COLLATE "C"')).map((r) => ({
      file: String(r['file']), kind: String(r['kind']) as StoredDictionary['kind'], text: String(r['text']), entries: Number(r['entries']),
      importedAt: (r['imported_at'] as Date).toISOString(),
    })),
    close: async () => {
      // The saves since the last check (a short ingest, the tail of a long one) may have made a table stale too.
      if (analyzeCheckEvery > 0 && savesSinceCheck > 0) await refreshStatistics();
      await pool.end();
      if (statisticsError) throw statisticsError;
    },
  };
}

/**
 * PostgreSQL text cannot hold NUL (U+0000), which a JSONL string or a file past the binary sniffer's
 * first 64 KiB can still carry. U+FFFD keeps the UTF-16 length, so every stored offset stays valid.
 */
function pgText<T>(value: T): T {
  return (typeof value === 'string' && value.includes('\0') ? value.replace(/\0/g, '\uFFFD') : value) as T;
}

/** JSON for a jsonb column, with NUL in strings replaced (jsonb rejects \u0000). */
function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => pgText(v));
}

/** One link per canonical entity: the first link's fields, the longest name, the first known country. */
function mergeByEntity(links: readonly EntityLink[]): Map<string, EntityLink> {
  const out = new Map<string, EntityLink>();
  for (const link of links) {
    const seen = out.get(link.entityId);
    if (!seen) {
      out.set(link.entityId, link);
      continue;
    }
    const name = !seen.kbId && link.name.length > seen.name.length ? link.name : seen.name;
    const country = seen.country ?? link.country;
    out.set(link.entityId, { ...seen, name, ...(country === undefined ? {} : { country }) });
  }
  return out;
}

/**
 * Conditions on the articles row `a` for a search filter (every given filter must hold), as sub-queries on indexed
 * columns; their values are appended to `params` and numbered after what it already holds.
 */
function articleFilterSql(filter: ArticleFilter | undefined = {}, params: unknown[]): string[] {
  const where: string[] = [];
  const bind = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.entityId) where.push(`a.id IN (SELECT article_id FROM entity_articles WHERE entity_id = ${bind(filter.entityId)})`);
  if (filter.ploverType || filter.status) {
    // One event must have both the type and the status.
    const event = [...(filter.ploverType ? [`m.plover_type = ${bind(filter.ploverType)}`] : []), ...(filter.status ? [`m.status = ${bind(filter.status)}`] : [])];
    where.push(`a.id IN (SELECT o.article_id FROM merged_events m JOIN event_observations o ON o.merged_event_id = m.id WHERE ${event.join(' AND ')})`);
  }
  if (filter.place) {
    const place = bind(filter.place);
    where.push(`a.id IN (SELECT article_id FROM article_places WHERE place_key = ${place} UNION ALL SELECT article_id FROM article_places WHERE lower(name) = lower(${place}))`);
  }
  if (filter.country) where.push(`a.id IN (SELECT article_id FROM article_places WHERE country_code = ${bind(filter.country.toUpperCase())})`);
  if (filter.outlet) where.push(`lower(a.outlet) = lower(${bind(filter.outlet)})`);
  if (filter.from) where.push(`a.published_at >= ${bind(filter.from)}`);
  // Inclusive at its precision: "2024-11" keeps every date in November.
  if (filter.to) where.push(`a.published_at <= ${bind(`${filter.to}\uffff`)}`);
  if (filter.afterFeedSeq !== undefined) where.push(postgresAfterFeedSql(bind(filter.afterFeedSeq)));
  return where;
}

/** The WHERE clause (or '') on the claims row `c` for a claim query; values appended to `params` as above. */
function claimFilterSql(claimQuery: ClaimQuery, params: unknown[]): string {
  const where: string[] = [];
  const bind = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (claimQuery.entityId) where.push(`(c.article_id, c.claim_id) IN (SELECT article_id, claim_id FROM claim_entities WHERE entity_id = ${bind(claimQuery.entityId)})`);
  if (claimQuery.articleId) where.push(`c.article_id = ${bind(claimQuery.articleId)}`);
  if (claimQuery.eventId) {
    // From the event's observations (indexed) to the claims of those articles that carry one of the observed mentions.
    where.push(`(c.article_id, c.claim_id) IN (SELECT x.article_id, x.claim_id FROM event_observations o
      JOIN claims x ON x.article_id = o.article_id AND x.event_mention_ids ? o.mention_id WHERE o.merged_event_id = ${bind(claimQuery.eventId)})`);
  }
  // One kind (the usual case) as an equality, so the planner reads claims_kind_order in claim order.
  const kinds = queriedKinds(claimQuery.kinds);
  where.push(kinds.length === 1 ? `c.kind = ${bind(kinds[0])}` : `c.kind = ANY(${bind(kinds)}::text[])`);
  if (claimQuery.stance) where.push(`c.stance = ${bind(claimQuery.stance)}`);
  if (claimQuery.isAnonymous !== undefined) where.push(`c.is_anonymous = ${bind(claimQuery.isAnonymous)}`);
  if (claimQuery.outlet) where.push(`lower(c.outlet) = lower(${bind(claimQuery.outlet)})`);
  if (claimQuery.from) where.push(`c.published_at >= ${bind(claimQuery.from)}`);
  if (claimQuery.to) where.push(`c.published_at <= ${bind(`${claimQuery.to}\uffff`)}`);
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}

/** Deadlock (40P01) or serialisation failure (40001), possibly wrapped in a StoreError. */
function isRetryable(error: unknown): boolean {
  const cause = error instanceof StoreError ? error.cause : error;
  const code = (cause as { code?: unknown } | undefined)?.code;
  return code === '40P01' || code === '40001';
}

function nullable(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function clampLimit(limit: number | undefined): number {
  return Math.max(1, Math.min(limit ?? 20, MAX_PAGE_SIZE));
}

/**
 * The embedded store: one SQLite file via better-sqlite3, WAL journal (a killed process loses no
 * committed article), one transaction per article, FTS5 for search.
 */
import Database from 'better-sqlite3';
import { DossierError, StoreError, type Doc, type EventMention, type LayerName } from '../../model/index.js';
import type { EntityLink, KnownEntity, NameTypeCount } from '../../corpus/link-entities/index.js';
import { linkArticle, mergeEventsByUser, observationPlaces, replaceObservationPlaces, splitObservationByUser, unlinkArticle } from '../../corpus/cross-article/index.js';
import type { ObservedPlace } from '../../corpus/merge-events/index.js';
import { passageKeys } from '../../corpus/text-reuse/index.js';
import type {
  ArticleEntityLink, ArticleFilter, ArticleLinks, ArticleSummary, CanonicalEntity, ClaimQuery, Cooccurrence, CooccurrenceQuery, EntityArticlesPage, EntityDetail, EntityQuery,
  EventQuery, PlaceOverview, PlaceQuery, MergedEventDetail, MergedEventRow, SaveBatch, SaveOutcome, SearchFacets, SearchHit, SearchQuery, Store, StoreStats, StoredArticle, StoredClaim, StoredClaimDetail,
  StoredDictionary, EventPeriod, EventPeriodCount, EventPeriodOptions, InputFingerprint, ArticlePeriodCount,
} from '../store.js';
import { byMentions, MAP_CELL_PLACES, MAP_EVENT_COLUMNS, MAP_EVENT_ORDER, MAX_KEY_ROWS, MAX_MAP_EVENT_ROWS, NAME_TYPE_PREFIXES, PERIOD_CHARS, type ClaimLinkRow, type EventKeyRow, type MapCellRow, type MapEventRow } from '../store.js';
import { cellsBounds, checkMapGrid, foldMapCells } from '../map-cells.js';
import { claimKey, claimRows, openingHit, parseClaimKey, placeRows, queriedKinds, toStoredClaim, type ClaimRecord } from '../claim-rows.js';
import { countChars, entityPairs, tallyEntities, type EntityTally } from '../entity-tally.js';
import { datePrecision } from '../event-dates.js';
import { PACKED_SUMMARY_SQL, summaryFromPacked } from '../event-summary.js';
import { SQLITE_EVIDENCE_SQL, SQLITE_UTF16_SLICE, utf16Slice } from '../evidence-cut.js';
import { toFtsQuery } from '../fts-query.js';
import { nameKeys, prefixRange } from '../name-keys.js';
import { searchHitOf, snippetTerms } from '../text-snippet.js';
import { SQLITE_MIGRATIONS } from './migrations.js';
import { copyCandidates, reportsSql, sqliteCorpusTx, toReport } from './sqlite-corpus-tx.js';
import { bucketBy, byEvent, EVENT_DETAIL_SLICE, eventDetails, toMapEventRow, toObservationDetail, toReportDetail } from '../event-details.js';
import { sqliteEntityOverrides } from './entity-overrides.js';
import { RANK_TIER } from '../rank-tier.js';
import { hostUrlPatterns } from '../url-host.js';
import { addToSqliteFeed, SQLITE_AFTER_FEED_SQL, SQLITE_FIRST_SEQ_AFTER_FEED_SQL, sqliteSavedSearches } from './saved-searches.js';

export { RANK_TIER } from '../rank-tier.js';

/** Layers written to the layers table; tokens are recomputed on demand rather than stored. */
const STORED_LAYERS: readonly LayerName[] = ['sentences', 'mentions', 'entities', 'times', 'places', 'events', 'claims'];

export const MAX_PAGE_SIZE = 500;

/** An event's map cell (map-cells.ts), each taking the cell size as a parameter; lat + 90 ≥ 0, so truncating is flooring. */
const SQLITE_CELL_ROW = 'CAST((m.lat + 90) / ? AS INTEGER)';
const SQLITE_CELL_COL = 'CAST((m.lon + 180) / ? AS INTEGER)';

/** Largest page of co-occurring pairs (an export reads up to 5000 at once). */
const MAX_PAIRS = 5000;

type Row = Record<string, unknown>;

/** Opens (creating if needed) a SQLite store at `path` (':memory:' for tests). */
/** Tuning of the SQLite store (tests use small values to exercise the same paths on small data). */
export interface SqliteStoreOptions {
  /** Matches ranked together by BM25 before older matches are considered (see `search`). Default RANK_TIER. */
  readonly rankTier?: number;
}

export function openSqliteStore(path: string, now: () => Date = () => new Date(), options: SqliteStoreOptions = {}): Store {
  const rankTier = Math.max(1, options.rankTier ?? RANK_TIER);
  let db: Database.Database;
  try {
    db = new Database(path);
    // The busy timeout first: switching a new file to WAL takes a lock, and a second process opening the same new
    // store at that moment must wait for it, not fail with "database is locked".
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    switchToWal(db);
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('cache_size = -65536'); // 64 MiB of page cache: the working set of a large store's indexes
    // Checkpoint the WAL every ~40 MB instead of every 4 MB: each article's transaction rewrites the same hot index
    // pages, so rarer checkpoints copy (and sync) far fewer pages. Measured on 600 articles: COMMIT 12.7 s → 6.1 s.
    db.pragma('wal_autocheckpoint = 10000');
    // Cuts evidence by UTF-16 offsets inside a query (see evidence-cut.ts).
    db.function(SQLITE_UTF16_SLICE, { deterministic: true }, utf16Slice);
  } catch (cause) {
    throw new StoreError(`open ${path}`, cause);
  }

  // Prepared statements are reused: preparing costs more than running most of these queries. The cache is
  // bounded because a few queries are built with a variable number of placeholders.
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= 500) statements.clear();
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  const run = <T>(op: string, fn: () => T, query?: string, params?: unknown[]): T => {
    try {
      return fn();
    } catch (cause) {
      if (cause instanceof StoreError) throw cause;
      throw new StoreError(op, cause, query, params);
    }
  };

  // One write transaction at a time on this connection: the cross-article rules are async (they run over the
  // CorpusTx port), so two saves of one process must not interleave their statements inside one BEGIN.
  let writeQueue: Promise<unknown> = Promise.resolve();

  /**
   * Runs fn inside BEGIN IMMEDIATE … COMMIT: the write lock is taken up front, so a second writer never fails
   * half-way with "database is locked" when it upgrades a read to a write. The lock is waited for without
   * blocking the thread (busy timeout 0 for BEGIN, then an async pause): fn is async, and a thread asleep in
   * SQLite's busy handler would stall the very holder it waits for when both handles live in one process.
   * Saving is idempotent, so a transaction that still meets a busy database is retried whole.
   */
  const writeTransaction = <T>(fn: () => Promise<T>): Promise<T> => {
    const begin = async (): Promise<void> => {
      const deadline = Date.now() + WRITE_LOCK_WAIT_MS;
      for (let tries = 1; ; tries++) {
        db.pragma('busy_timeout = 0');
        try {
          db.exec('BEGIN IMMEDIATE');
          return;
        } catch (error) {
          if (!isBusy(error) || Date.now() > deadline) throw error;
        } finally {
          db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(50, 2 * tries)));
      }
    };
    const attempt = async (): Promise<T> => {
      for (let tries = 1; ; tries++) {
        await begin();
        try {
          const result = await fn();
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          if (tries < WRITE_RETRIES && isBusy(error)) continue;
          throw error;
        }
      }
    };
    const next = writeQueue.then(attempt, attempt);
    writeQueue = next.catch(() => undefined);
    return next;
  };

  const migrate = (): number => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set((prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
    for (const migration of SQLITE_MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      // IMMEDIATE, and checked again inside: a second process opening the same new file waits, then skips it.
      db.transaction(() => {
        if (prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(migration.version)) return;
        db.exec(migration.sql);
        BACKFILLS[migration.version]?.();
        prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, now().toISOString());
      }).immediate();
    }
    return currentVersion();
  };
  const currentVersion = (): number => (prepare('SELECT coalesce(max(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;

  const insertNameKey = (): ((entityId: string, name: string) => void) => {
    const insert = prepare('INSERT OR IGNORE INTO entity_names (key, entity_id) VALUES (?, ?)');
    return (entityId, name) => {
      for (const key of nameKeys(name)) insert.run(key, entityId);
    };
  };

  /** Adds (sign 1) or takes back (sign -1) what one article counts for its entities and their pairs. */
  const applyTally = (tallies: readonly EntityTally[], sign: 1 | -1): void => {
    const counts = prepare('UPDATE entities SET article_count = article_count + ?, mention_count = mention_count + ? WHERE id = ?');
    for (const t of tallies) counts.run(sign, sign * t.mentions, t.entityId);
    const pair = sign > 0
      ? prepare('INSERT INTO entity_pairs (a, b, articles) VALUES (?, ?, 1) ON CONFLICT(a, b) DO UPDATE SET articles = articles + 1')
      : prepare('UPDATE entity_pairs SET articles = articles - 1 WHERE a = ? AND b = ?');
    const drop = prepare('DELETE FROM entity_pairs WHERE a = ? AND b = ? AND articles <= 0');
    for (const [a, b] of entityPairs(tallies)) {
      pair.run(a, b);
      if (sign < 0) drop.run(a, b);
    }
  };

  /** Fills the tables a migration adds from the rows already stored, by version. */
  const BACKFILLS: Readonly<Record<number, () => void>> = {
    // The places of every article (migration 7 also made the claims table: its rows come with the kind, at 17).
    7: () => {
      const placesOf = prepare("SELECT data FROM layers WHERE article_id = ? AND layer = 'places'");
      for (const { id } of prepare('SELECT id FROM articles ORDER BY seq').all() as { id: string }[]) {
        const row = placesOf.get(id) as { data: string } | undefined;
        savePlaces(id, row ? JSON.parse(row.data) : undefined);
      }
    },
    // Every article's claim rows again, now one per claim of any kind (before, assertions only).
    17: () => {
      prepare('DELETE FROM claim_entities').run();
      prepare('DELETE FROM claims').run();
      const layersOf = prepare("SELECT layer, data FROM layers WHERE article_id = ? AND layer IN ('claims', 'entities', 'mentions')");
      const linksOf = prepare('SELECT doc_entity_id AS docEntityId, entity_id AS entityId FROM article_entities WHERE article_id = ?');
      for (const { id } of prepare("SELECT article_id AS id FROM layers WHERE layer = 'claims' ORDER BY article_id").all() as { id: string }[]) {
        const layers = Object.fromEntries((layersOf.all(id) as { layer: string; data: string }[]).map((l) => [l.layer, JSON.parse(l.data)]));
        saveClaims(id, layers, linksOf.all(id) as { docEntityId: string; entityId: string }[]);
      }
    },
    // Passage keys for the articles stored before migration 18 (text reuse found none of their passages). Links
    // between two such articles are not made here: aligning them re-decides events, which the save does.
    20: () => {
      const batch = prepare('SELECT a.seq, a.id, a.body FROM articles a WHERE a.seq > ? AND NOT EXISTS (SELECT 1 FROM passage_keys k WHERE k.article_id = a.id) ORDER BY a.seq LIMIT 500');
      const insert = prepare('INSERT OR IGNORE INTO passage_keys (key, article_id) VALUES (?, ?)');
      for (let after = 0, rows = batch.all(after) as Row[]; rows.length; after = Number(rows.at(-1)!['seq']), rows = batch.all(after) as Row[]) {
        for (const r of rows) for (const key of passageKeys(String(r['body']))) insert.run(key, r['id']);
      }
    },
    // The place each stored event observation reports, from its article's events and places layers.
    22: () => {
      const layersOf = prepare("SELECT layer, data FROM layers WHERE article_id = ? AND layer IN ('events', 'places')");
      const update = prepare('UPDATE event_observations SET place = ? WHERE article_id = ? AND mention_id = ?');
      for (const { id } of prepare('SELECT DISTINCT article_id AS id FROM event_observations ORDER BY article_id').all() as { id: string }[]) {
        const layers = Object.fromEntries((layersOf.all(id) as { layer: string; data: string }[]).map((l) => [l.layer, JSON.parse(l.data)]));
        for (const [mentionId, place] of observationPlaces({ layers })) if (place) update.run(JSON.stringify(place), id, mentionId);
      }
    },
    5: () => {
      const addKeys = insertNameKey();
      for (const r of prepare('SELECT id, name FROM entities').all() as { id: string; name: string }[]) addKeys(r.id, r.name);
      for (const r of prepare('SELECT DISTINCT entity_id, alias FROM entity_aliases').all() as { entity_id: string; alias: string }[]) addKeys(r.entity_id, r.alias);
      const rows = prepare('SELECT article_id, entity_id, mention_count FROM article_entities ORDER BY article_id').all() as { article_id: string; entity_id: string; mention_count: number }[];
      const pairs = new Map<string, number>();
      for (let i = 0; i < rows.length;) {
        let j = i;
        while (j < rows.length && rows[j]!.article_id === rows[i]!.article_id) j++;
        const tallies = tallyEntities(rows.slice(i, j).map((r) => ({ entityId: r.entity_id, mentionCount: r.mention_count })));
        for (const [a, b] of entityPairs(tallies)) pairs.set(`${a}\u0000${b}`, (pairs.get(`${a}\u0000${b}`) ?? 0) + 1);
        i = j;
      }
      const insert = prepare('INSERT INTO entity_pairs (a, b, articles) VALUES (?, ?, ?)');
      for (const [key, n] of pairs) {
        const [a, b] = key.split('\u0000') as [string, string];
        insert.run(a, b, n);
      }
    },
  };

  const saveEntityLinks = (articleId: string, links: readonly EntityLink[]): void => {
    // A full name seen later improves the display name of an entity first stored under a shorter one.
    const upsertEntity = prepare(`INSERT INTO entities (id, name, type, kind, country, kb_id, name_key, surname_key, is_surname_only)
      VALUES (@entityId, @name, @type, @kind, @country, @kbId, @nameKey, @surnameKey, @isSurnameOnly)
      ON CONFLICT(id) DO UPDATE SET
        name = CASE WHEN entities.kb_id IS NULL AND length(excluded.name) > length(entities.name)
          AND NOT EXISTS (SELECT 1 FROM entity_overrides o WHERE o.kind = 'rename' AND o.entity_id = entities.id) THEN excluded.name ELSE entities.name END,
        country = coalesce(entities.country, excluded.country)`);
    const insertLink = prepare('INSERT INTO article_entities (article_id, doc_entity_id, entity_id, name, mention_count, reason) VALUES (?, ?, ?, ?, ?, ?)');
    const insertAlias = prepare('INSERT OR IGNORE INTO entity_aliases (entity_id, article_id, alias) VALUES (?, ?, ?)');
    const insertRole = prepare('INSERT INTO entity_roles (entity_id, article_id, title, organisation, from_value, to_value, start_char, end_char) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const addKeys = insertNameKey();
    for (const link of links) {
      upsertEntity.run({
        entityId: link.entityId, name: link.name, type: link.type, kind: link.kind, country: link.country ?? null, kbId: link.kbId ?? null,
        nameKey: link.nameKey, surnameKey: link.surnameKey ?? null, isSurnameOnly: link.isSurnameOnly ? 1 : 0,
      });
      insertLink.run(articleId, link.docEntityId, link.entityId, link.name, link.mentionCount, link.reason);
      for (const alias of link.aliases) insertAlias.run(link.entityId, articleId, alias);
      addKeys(link.entityId, link.name);
      for (const alias of link.aliases) addKeys(link.entityId, alias);
      for (const role of link.roles) insertRole.run(link.entityId, articleId, role.title, role.organisation ?? null, role.from ?? null, role.to ?? null, role.evidence.start, role.evidence.end);
    }
    applyTally(tallyEntities(links), 1);
    prepare(`INSERT INTO entity_articles (entity_id, article_id, published_at, article_seq, outlet, mentions, reason)
      SELECT ae.entity_id, ae.article_id, a.published_at, a.seq, a.outlet, sum(ae.mention_count), group_concat(ae.reason, '; ' ORDER BY ae.doc_entity_id)
      FROM article_entities ae JOIN articles a ON a.id = ae.article_id WHERE ae.article_id = ? GROUP BY ae.entity_id`).run(articleId);
  };

  /** Writes an article's claim rows, of every kind, with the entities they involve. */
  const saveClaims = (articleId: string, layers: Parameters<typeof claimRows>[0], entityLinks: readonly { docEntityId: string; entityId: string }[]): void => {
    const canonical = new Map(entityLinks.map((l) => [l.docEntityId, l.entityId]));
    const article = prepare('SELECT seq, published_at, outlet FROM articles WHERE id = ?').get(articleId) as Row;
    const insertClaim = prepare(`INSERT INTO claims (article_id, claim_id, ordinal, article_seq, published_at, outlet, kind, stance, is_direct_quote, is_hedged, is_anonymous, chain,
      evidence_start, evidence_end, content_start, content_end, cue_start, cue_end, event_mention_ids, responds_to) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
    const insertEntity = prepare('INSERT OR IGNORE INTO claim_entities (entity_id, article_id, claim_id) VALUES (?, ?, ?)');
    claimRows(layers, canonical).forEach((c, ordinal) => {
      insertClaim.run(articleId, c.claimId, ordinal, article['seq'], article['published_at'], article['outlet'], c.kind, c.stance, c.isDirectQuote ? 1 : 0, c.isHedged ? 1 : 0, c.isAnonymous ? 1 : 0,
        JSON.stringify(c.chain), c.evidence.start, c.evidence.end, c.content.start, c.content.end, c.cue?.start ?? null, c.cue?.end ?? null, JSON.stringify(c.eventMentionIds), c.respondsTo);
      for (const entityId of c.entityIds) insertEntity.run(entityId, articleId, c.claimId);
    });
  };

  /** Writes the distinct places an article names. */
  const savePlaces = (articleId: string, places: Doc['layers']['places'] | undefined): void => {
    const article = prepare('SELECT seq, published_at FROM articles WHERE id = ?').get(articleId) as Row;
    const insertPlace = prepare(`INSERT OR IGNORE INTO article_places (article_id, place_key, name, country_code, lat, lon, precision, mentions, published_at, article_seq)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const p of placeRows(places)) insertPlace.run(articleId, p.key, p.name, p.countryCode, p.lat, p.lon, p.precision, p.mentions, article['published_at'], article['seq']);
  };

  /** Writes an article's claim rows (with the entities they involve) and the places it names. */
  const saveClaimsAndPlaces = (articleId: string, layers: Parameters<typeof claimRows>[0] & { places?: Doc['layers']['places'] }, entityLinks: readonly { docEntityId: string; entityId: string }[]): void => {
    saveClaims(articleId, layers, entityLinks);
    savePlaces(articleId, layers.places);
  };

  /** Removes the article's own derived rows (entities, claims, places); its corpus links go through unlinkArticle. */
  const clearArticleRows = (articleId: string): void => {
    const old = prepare('SELECT entity_id AS entityId, mention_count AS mentionCount FROM article_entities WHERE article_id = ?').all(articleId) as { entityId: string; mentionCount: number }[];
    applyTally(tallyEntities(old), -1);
    for (const table of ['article_entities', 'entity_articles', 'entity_aliases', 'entity_roles', 'claims', 'claim_entities', 'article_places']) {
      prepare(`DELETE FROM ${table} WHERE article_id = ?`).run(articleId);
    }
  };

  const corpusTx = sqliteCorpusTx(prepare);

  // Entity corrections (migration 10): the SQL is in entity-overrides.ts; relinking reuses this adapter's writers.
  const entityOverrides = sqliteEntityOverrides({
    prepare,
    writeTransaction,
    relink: async (articleId, links, places) => {
      if (places) {
        // New places reach the article's event observations and the events they joined.
        const events = prepare("SELECT data FROM layers WHERE article_id = ? AND layer = 'events'").get(articleId) as { data: string } | undefined;
        if (events) await replaceObservationPlaces(corpusTx, articleId, observationPlaces({ layers: { places: [...places], events: JSON.parse(events.data) as EventMention[] } }));
        prepare("DELETE FROM layers WHERE article_id = ? AND layer = 'places'").run(articleId);
        prepare("INSERT INTO layers (article_id, layer, data) VALUES (?, 'places', ?)").run(articleId, JSON.stringify(places));
      }
      clearArticleRows(articleId);
      saveEntityLinks(articleId, links);
      const layers = Object.fromEntries((prepare("SELECT layer, data FROM layers WHERE article_id = ? AND layer IN ('claims', 'entities', 'mentions', 'places')").all(articleId) as { layer: string; data: string }[])
        .map((l) => [l.layer, JSON.parse(l.data)]));
      saveClaimsAndPlaces(articleId, layers, links);
    },
  });

  /**
   * The open save batch, if any: saves join its transaction one at a time (a chain, as the cross-article rules are
   * async), each in a savepoint.
   */
  let batch: { chain: Promise<unknown> } | undefined;

  /** Runs fn inside a savepoint of the open batch: its statements are kept, or all undone when it throws. */
  const inSavepoint = <T>(open: { chain: Promise<unknown> }, fn: () => Promise<T>): Promise<T> => {
    const step = async (): Promise<T> => {
      db.exec('SAVEPOINT article');
      try {
        const result = await fn();
        db.exec('RELEASE article');
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK TO article; RELEASE article');
        throw error;
      }
    };
    const next = open.chain.then(step, step);
    open.chain = next.catch(() => undefined);
    return next;
  };

  /** Opens a batch: the write transaction is begun (and the write queue held) until commit or rollback. */
  const openSaveBatch = (): Promise<SaveBatch> =>
    new Promise((resolveOpen, rejectOpen) => {
      let finish: (commit: boolean) => void = () => undefined;
      const decided = new Promise<boolean>((resolve) => (finish = resolve));
      let attempts = 0;
      const transaction = writeTransaction(async () => {
        // writeTransaction retries a transaction that met a busy database; a batch's saves cannot be replayed.
        if (++attempts > 1) throw new StoreError('commit save batch', 'the transaction was rolled back by a busy database; its articles were not saved');
        const open = { chain: Promise.resolve() as Promise<unknown> };
        batch = open;
        resolveOpen(handle);
        const isCommit = await decided;
        await open.chain;
        batch = undefined;
        if (!isCommit) throw BATCH_ROLLED_BACK;
      });
      transaction.catch((error: unknown) => rejectOpen(error));
      let isClosed = false;
      const close = async (isCommit: boolean): Promise<void> => {
        if (isClosed) throw new StoreError('close save batch', 'the batch is already closed');
        isClosed = true;
        finish(isCommit);
        try {
          await transaction;
        } catch (error) {
          if (error !== BATCH_ROLLED_BACK) throw error instanceof StoreError ? error : new StoreError('commit save batch', error);
        }
      };
      const handle: SaveBatch = { commit: () => close(true), rollback: () => close(false) };
    });

  // A source row keeps its first sighting; a new read with a fingerprint updates what the row says of it.
  const recordSource = (doc: Doc, stamp: string, pipeline: string, input: InputFingerprint | undefined) =>
    prepare(`INSERT INTO article_sources (article_id, source, first_seen, input_hash, run_key, pipeline) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (article_id, source) DO UPDATE SET input_hash = excluded.input_hash, run_key = excluded.run_key, pipeline = excluded.pipeline
      WHERE excluded.input_hash IS NOT NULL`).run(doc.id, doc.meta.source, stamp, input?.inputHash ?? null, input?.runKey ?? null, input ? pipeline : null);

  const save = (doc: Doc, pipeline: string, links: ArticleLinks = {}, input?: InputFingerprint): Promise<SaveOutcome> => {
    const stamp = now().toISOString();
    const inTransaction = (fn: () => Promise<SaveOutcome>) => (batch ? inSavepoint(batch, fn) : writeTransaction(fn));
    return inTransaction(async (): Promise<SaveOutcome> => {
      const existing = prepare('SELECT pipeline FROM articles WHERE id = ?').get(doc.id) as { pipeline: string } | undefined;
      if (existing && existing.pipeline === pipeline) {
        recordSource(doc, stamp, pipeline, input);
        return 'duplicate';
      }
      const m = doc.meta;
      const values = [
        m.source, m.format, m.url ?? null, m.outlet ?? null, m.title ?? null, m.byline ?? null, m.publishedAt ?? null, m.publishedAtFrom ?? null,
        m.language, doc.text, JSON.stringify(doc.paragraphs), JSON.stringify(doc.comments), JSON.stringify(doc.captions), JSON.stringify(doc.boilerplate),
        pipeline,
      ];
      if (existing) {
        prepare(`UPDATE articles SET source=?, format=?, url=?, outlet=?, title=?, byline=?, published_at=?, published_from=?, language=?, body=?,
          paragraphs=?, comments=?, captions=?, boilerplate=?, pipeline=?, body_chars=? WHERE id=?`).run(...values, countChars(doc.text), doc.id);
        prepare('DELETE FROM layers WHERE article_id = ?').run(doc.id);
        prepare('DELETE FROM mentions WHERE article_id = ?').run(doc.id);
        clearArticleRows(doc.id);
        await unlinkArticle(corpusTx, doc.id);
      } else {
        prepare(`INSERT INTO articles (source, format, url, outlet, title, byline, published_at, published_from, language, body,
          paragraphs, comments, captions, boilerplate, pipeline, ingested_at, body_chars, id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`).run(...values, stamp, countChars(doc.text), doc.id);
      }
      recordSource(doc, stamp, pipeline, input);
      const insertLayer = prepare('INSERT INTO layers (article_id, layer, data) VALUES (?, ?, ?)');
      for (const layer of STORED_LAYERS) {
        const value = doc.layers[layer];
        if (value !== undefined) insertLayer.run(doc.id, layer, JSON.stringify(value));
      }
      const insertMention = prepare('INSERT INTO mentions (article_id, mention_id, start_char, end_char, text, type) VALUES (?, ?, ?, ?, ?, ?)');
      for (const mention of doc.layers.mentions ?? []) insertMention.run(doc.id, mention.id, mention.start, mention.end, mention.text, mention.type);
      saveEntityLinks(doc.id, links.entities ?? []);
      saveClaimsAndPlaces(doc.id, doc.layers, links.entities ?? []);
      await linkArticle(corpusTx, { articleId: doc.id, events: links.events ?? [], text: doc.text, ...(links.syndication ? { syndication: links.syndication } : {}) });
      if (!existing) addToSqliteFeed(db, doc.id, stamp);
      return existing ? 'updated' : 'inserted';
    });
  };

  const getArticle = (idOrPrefix: string): StoredArticle | undefined => {
    if (!/^[0-9a-f]{4,64}$/i.test(idOrPrefix)) return undefined;
    // The exact id first; then the prefix through the id index (GLOB is case-sensitive, so it can use it; LIKE cannot).
    const key = idOrPrefix.toLowerCase();
    const exact = prepare('SELECT * FROM articles WHERE id = ?').get(key) as Row | undefined;
    const rows = exact ? [exact] : prepare('SELECT * FROM articles WHERE id GLOB ? LIMIT 2').all(`${key}*`) as Row[];
    if (rows.length !== 1) return undefined;
    const row = rows[0]!;
    const id = String(row['id']);
    const sources = (prepare('SELECT source FROM article_sources WHERE article_id = ? ORDER BY first_seen, source').all(id) as { source: string }[]).map((r) => r.source);
    const layers: Record<string, unknown> = {};
    for (const l of prepare('SELECT layer, data FROM layers WHERE article_id = ?').all(id) as { layer: string; data: string }[]) layers[l.layer] = JSON.parse(l.data);
    return toStoredArticle(row, sources, layers);
  };

  /** Articles by id in slices of 500 (one bound parameter per id): three statements a slice. */
  const getArticles = (ids: readonly string[], options: { readonly layers?: readonly LayerName[] } = {}): StoredArticle[] => {
    const wanted = [...new Set(ids)];
    const out: StoredArticle[] = [];
    for (let i = 0; i < wanted.length; i += EVENT_DETAIL_SLICE) {
      const slice = wanted.slice(i, i + EVENT_DETAIL_SLICE);
      const marks = `(${slice.map(() => '?').join(',')})`;
      const byId = new Map((prepare(`SELECT * FROM articles WHERE id IN ${marks}`).all(...slice) as Row[]).map((row) => [String(row['id']), row]));
      const sources = bucketBy(prepare(`SELECT article_id, source FROM article_sources WHERE article_id IN ${marks} ORDER BY article_id, first_seen, source`).all(...slice) as Row[], 'article_id', (r) => String(r['source']));
      const layers = new Map<string, Record<string, unknown>>();
      if (options.layers?.length !== 0) {
        const only = options.layers ? ` AND layer IN (${options.layers.map(() => '?').join(',')})` : '';
        for (const l of prepare(`SELECT article_id, layer, data FROM layers WHERE article_id IN ${marks}${only}`).all(...slice, ...(options.layers ?? [])) as { article_id: string; layer: string; data: string }[]) {
          const of = layers.get(l.article_id) ?? {};
          of[l.layer] = JSON.parse(l.data);
          layers.set(l.article_id, of);
        }
      }
      for (const id of slice) {
        const row = byId.get(id);
        if (row) out.push(toStoredArticle(row, sources.get(id) ?? [], layers.get(id) ?? {}));
      }
    }
    return out;
  };

  /** An articles row, its sources (first seen first) and decoded layers as a StoredArticle. */
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
      paragraphs: JSON.parse(String(row['paragraphs'])),
      comments: JSON.parse(String(row['comments'])),
      captions: JSON.parse(String(row['captions'])),
      boilerplate: JSON.parse(String(row['boilerplate'])),
      pipeline: String(row['pipeline']),
      ingestedAt: String(row['ingested_at']),
      layers,
    };
  };

  /** SQL conditions on the articles row `a` for a search filter (every given filter must hold). */
  const articleFilterSql = (filter: ArticleFilter = {}): { where: string[]; params: unknown[] } => {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.entityId) {
      where.push('a.id IN (SELECT article_id FROM entity_articles WHERE entity_id = ?)');
      params.push(filter.entityId);
    }
    if (filter.ploverType || filter.status) {
      // One event must have both: the type and the status.
      where.push(`a.id IN (SELECT o.article_id FROM event_observations o JOIN merged_events m ON m.id = o.merged_event_id WHERE ${[
        ...(filter.ploverType ? ['m.plover_type = ?'] : []), ...(filter.status ? ['m.status = ?'] : [])].join(' AND ')})`);
      if (filter.ploverType) params.push(filter.ploverType);
      if (filter.status) params.push(filter.status);
    }
    if (filter.place) {
      where.push('a.id IN (SELECT article_id FROM article_places WHERE place_key = ? UNION SELECT article_id FROM article_places WHERE name = ? COLLATE NOCASE)');
      params.push(filter.place, filter.place);
    }
    if (filter.country) {
      where.push('a.id IN (SELECT article_id FROM article_places WHERE country_code = ?)');
      params.push(filter.country.toUpperCase());
    }
    if (filter.outlet) {
      where.push('a.outlet = ? COLLATE NOCASE');
      params.push(filter.outlet);
    }
    if (filter.from) {
      where.push('a.published_at >= ?');
      params.push(filter.from);
    }
    if (filter.to) {
      // Inclusive at its precision: "2024-11" keeps every date in November.
      where.push('a.published_at <= ?');
      params.push(`${filter.to}\uffff`);
    }
    if (filter.afterFeedSeq !== undefined) {
      where.push(SQLITE_AFTER_FEED_SQL);
      params.push(filter.afterFeedSeq);
    }
    return { where, params };
  };

  const search = (query: SearchQuery): SearchHit[] => {
    const { where, params: filterParams } = articleFilterSql(query.filter);
    const limit = clampLimit(query.limit);
    const offset = Math.max(0, query.offset ?? 0);
    if (query.isNewestStoredFirst) return searchNewestStored(query, where, filterParams, limit, offset);
    if (query.text === undefined) {
      // No words: the filtered articles, newest first (SQLite sorts NULL lowest, so undated ones come last; the
      // published_at index holds seq, so an unfiltered listing walks it backwards), each with its opening.
      const sql = `SELECT a.id, a.title, a.outlet, a.published_at, substr(a.body, 1, 400) AS opening FROM articles a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${query.isOldestFirst ? 'a.published_at IS NULL, a.published_at, a.seq' : 'a.published_at DESC, a.seq DESC'} LIMIT ? OFFSET ?`;
      const params = [...filterParams, limit, offset];
      return run('search', () => (prepare(sql).all(...params) as Row[]).map(openingHit), sql, params);
    }
    const match = toFtsQuery(query.text);
    if (!match) return [];
    // Rank and page over the index, then build snippets and read article rows for that page only.
    // With filters, the index still drives: `+rowid` keeps SQLite from turning the filtered set into one index
    // look-up per article (hundreds of times slower on common words); the matches are checked against the set
    // and only those in it are scored.
    const filterSql = where.length ? `AND +rowid IN (SELECT a.seq FROM articles a WHERE ${where.join(' AND ')})` : '';
    // The rowid of the n-th match, newest first: where a recency tier starts or ends (cheap: no scoring).
    const boundSql = `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ${filterSql} ORDER BY rowid DESC LIMIT 1 OFFSET ?`;
    const rankSql = `SELECT rowid, bm25(articles_fts, 4.0, 1.0) AS score FROM articles_fts WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ? ${filterSql}
      ORDER BY score, rowid LIMIT ? OFFSET ?`;
    const params = [match, ...filterParams, limit, offset];
    return run('search', () => {
      const bound = (n: number) => (prepare(boundSql).get(match, ...filterParams, n) as { rowid: number } | undefined)?.rowid;
      const ranked: { rowid: number; score: number }[] = [];
      // Walk the tiers the page falls in (usually one): tier t holds matches t*rankTier … (t+1)*rankTier-1, newest first.
      for (let tier = Math.floor(offset / rankTier), skip = offset % rankTier; ranked.length < limit; tier++, skip = 0) {
        const newest = tier === 0 ? undefined : bound(tier * rankTier);
        if (tier > 0 && newest === undefined) break;
        const oldest = bound((tier + 1) * rankTier - 1);
        ranked.push(...prepare(rankSql).all(match, oldest ?? 0, newest ?? Number.MAX_SAFE_INTEGER, ...filterParams, limit - ranked.length, skip) as { rowid: number; score: number }[]);
        if (oldest === undefined) break;
      }
      return textHits(ranked, query.text!, query.withSnippets !== false);
    }, rankSql, params);
  };

  /** Hits for FTS rowids (with bm25 scores, lower is better), with snippets cut around `text`'s words or none. */
  const textHits = (ranked: readonly { rowid: number; score: number }[], text: string, withSnippets: boolean): SearchHit[] => {
    // Snippets are cut from the bodies in JavaScript (text-snippet.ts): asking FTS5 for one row's snippet walks
    // the term's list up to that row, a millisecond per hit on common words. No body read, no snippet.
    const terms = withSnippets ? snippetTerms(text) : [];
    const articleOf = prepare(`SELECT id, title, outlet, published_at${withSnippets ? ', body' : ''} FROM articles WHERE seq = ?`);
    return ranked.map(({ rowid, score }) => searchHitOf(articleOf.get(rowid) as Row, terms, -score || 0));
  };

  /**
   * search() newest stored first (alerts): the FTS index or the articles table is walked down from the newest row
   * and stops at the page's end. With afterFeedSeq, the walk also stops at the first article stored after that
   * position, so a search seen a minute ago reads the few articles stored since, not the whole store.
   */
  const searchNewestStored = (query: SearchQuery, where: readonly string[], filterParams: readonly unknown[], limit: number, offset: number): SearchHit[] => {
    const after = query.filter?.afterFeedSeq;
    const floor = after === undefined ? 0 : (prepare(SQLITE_FIRST_SEQ_AFTER_FEED_SQL).get(after) as { seq: number } | undefined)?.seq;
    if (floor === undefined) return [];
    const filters = where.map((w) => ` AND ${w}`).join('');
    if (query.text === undefined) {
      const sql = `SELECT a.id, a.title, a.outlet, a.published_at, substr(a.body, 1, 400) AS opening FROM articles a WHERE a.seq >= ?${filters}
        ORDER BY a.seq DESC LIMIT ? OFFSET ?`;
      const params = [floor, ...filterParams, limit, offset];
      return run('search', () => (prepare(sql).all(...params) as Row[]).map(openingHit), sql, params);
    }
    const match = toFtsQuery(query.text);
    if (!match) return [];
    // FTS5 walks its doclist by descending rowid itself (no sort); each match is checked against the filters.
    const sql = `SELECT f.rowid AS rowid FROM articles_fts f JOIN articles a ON a.seq = f.rowid WHERE articles_fts MATCH ? AND f.rowid >= ?${filters}
      ORDER BY f.rowid DESC LIMIT ? OFFSET ?`;
    const params = [match, floor, ...filterParams, limit, offset];
    return run('search', () => textHits((prepare(sql).all(...params) as { rowid: number }[]).map(({ rowid }) => ({ rowid, score: 0 })), query.text!, query.withSnippets !== false), sql, params);
  };

  const listPlaces = (query: PlaceQuery = {}): PlaceOverview => {
    const limit = Math.max(1, Math.min(query.limit ?? 500, 2000));
    const aggregate = `min(p.name) AS name, min(p.country_code) AS country_code, avg(p.lat) AS lat, avg(p.lon) AS lon, min(p.precision) AS precision,
      count(*) AS articles, sum(p.mentions) AS mentions`;
    // Over the corpus the covering map index is read in key order; for one entity, its articles drive (one index
    // range per article).
    const rows = (query.entityId
      ? prepare(`SELECT p.place_key AS key, ${aggregate} FROM entity_articles ea JOIN article_places p ON p.article_id = ea.article_id
          WHERE ea.entity_id = ? AND p.lat IS NOT NULL GROUP BY p.place_key ORDER BY articles DESC, name, key LIMIT ?`).all(query.entityId, limit)
      : prepare(`SELECT p.place_key AS key, ${aggregate} FROM article_places p INDEXED BY article_places_map WHERE p.lat IS NOT NULL
          GROUP BY p.place_key ORDER BY articles DESC, name, key LIMIT ?`).all(limit)) as Row[];
    // A place's newest articles walk the (place, date) index backwards and stop at five.
    const samplesOf = query.entityId
      ? prepare(`SELECT a.id, a.title FROM article_places p JOIN articles a ON a.id = p.article_id WHERE p.place_key = ?
          AND EXISTS (SELECT 1 FROM entity_articles ea WHERE ea.entity_id = ? AND ea.article_id = p.article_id) ORDER BY p.published_at DESC, p.article_seq DESC LIMIT 5`)
      : prepare('SELECT a.id, a.title FROM article_places p JOIN articles a ON a.id = p.article_id WHERE p.place_key = ? ORDER BY p.published_at DESC, p.article_seq DESC LIMIT 5');
    const unresolved = (query.entityId
      ? prepare('SELECT coalesce(sum(p.mentions), 0) AS n FROM entity_articles ea JOIN article_places p ON p.article_id = ea.article_id WHERE ea.entity_id = ? AND p.lat IS NULL').get(query.entityId)
      : prepare('SELECT coalesce(sum(mentions), 0) AS n FROM article_places WHERE lat IS NULL').get()) as { n: number };
    const sampled = query.sampledPlaces ?? rows.length;
    return {
      places: rows.map((r, i) => ({
        key: String(r['key']), name: String(r['name']), countryCode: nullable(r['country_code']), lat: Number(r['lat']), lon: Number(r['lon']), precision: nullable(r['precision']),
        articleCount: Number(r['articles']), mentionCount: Number(r['mentions']),
        articles: i < sampled ? (samplesOf.all(...(query.entityId ? [r['key'], query.entityId] : [r['key']])) as Row[]).map((a) => ({ id: String(a['id']), title: nullable(a['title']) })) : [],
      })),
      unresolvedMentions: unresolved.n,
    };
  };

  const searchFacets = (): SearchFacets => {
    const values = (sql: string) => (prepare(sql).all() as { value: string; n: number }[]).map((r) => ({ value: r.value, count: r.n }));
    return {
      outlets: values('SELECT outlet AS value, count(*) AS n FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY n DESC, outlet LIMIT 200'),
      eventTypes: values('SELECT plover_type AS value, count(*) AS n FROM merged_events GROUP BY plover_type ORDER BY n DESC, plover_type LIMIT 200'),
      countries: values('SELECT country_code AS value, count(DISTINCT article_id) AS n FROM article_places WHERE country_code IS NOT NULL GROUP BY country_code ORDER BY n DESC, country_code LIMIT 200'),
    };
  };

  const claimFilterSql = (query: ClaimQuery): { where: string; params: unknown[] } => {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.entityId) {
      where.push('(c.article_id, c.claim_id) IN (SELECT article_id, claim_id FROM claim_entities WHERE entity_id = ?)');
      params.push(query.entityId);
    }
    if (query.articleId) {
      where.push('c.article_id = ?');
      params.push(query.articleId);
    }
    if (query.eventId) {
      // The claim's own event mentions, observed in that merged event (the article filter first, through its index).
      where.push(`c.article_id IN (SELECT article_id FROM event_observations WHERE merged_event_id = ?) AND EXISTS (SELECT 1 FROM json_each(c.event_mention_ids) j
        JOIN event_observations o ON o.article_id = c.article_id AND o.mention_id = j.value WHERE o.merged_event_id = ?)`);
      params.push(query.eventId, query.eventId);
    }
    const kinds = queriedKinds(query.kinds);
    where.push(`c.kind IN (${kinds.map(() => '?').join(', ')})`);
    params.push(...kinds);
    if (query.stance) {
      where.push('c.stance = ?');
      params.push(query.stance);
    }
    if (query.isAnonymous !== undefined) {
      where.push('c.is_anonymous = ?');
      params.push(query.isAnonymous ? 1 : 0);
    }
    if (query.outlet) {
      where.push('c.outlet = ? COLLATE NOCASE');
      params.push(query.outlet);
    }
    if (query.from) {
      where.push('c.published_at >= ?');
      params.push(query.from);
    }
    if (query.to) {
      where.push('c.published_at <= ?');
      params.push(`${query.to}\uffff`);
    }
    return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
  };

  /** Claims rows with what they are shown with: their article's body, events and entities (batched per page). */
  const toClaims = (rows: readonly Row[]): StoredClaim[] => {
    if (!rows.length) return [];
    const articleIds = [...new Set(rows.map((r) => String(r['article_id'])))];
    const marks = articleIds.map(() => '?').join(',');
    const bodies = new Map((prepare(`SELECT id, body FROM articles WHERE id IN (${marks})`).all(...articleIds) as { id: string; body: string }[]).map((r) => [r.id, r.body]));
    const eventsOf = new Map<string, { id: string; ploverType: string; status: StoredClaim['events'][number]['status'] }>();
    for (const r of prepare(`SELECT o.article_id, o.mention_id, m.id, m.plover_type, m.status FROM event_observations o JOIN merged_events m ON m.id = o.merged_event_id
        WHERE o.article_id IN (${marks})`).all(...articleIds) as Row[]) {
      eventsOf.set(`${String(r['article_id'])}\u0000${String(r['mention_id'])}`, { id: String(r['id']), ploverType: String(r['plover_type']), status: String(r['status']) as StoredClaim['events'][number]['status'] });
    }
    const entitiesOf = new Map<string, string[]>();
    for (const r of prepare(`SELECT article_id, claim_id, entity_id FROM claim_entities WHERE article_id IN (${marks}) ORDER BY entity_id`).all(...articleIds) as Row[]) {
      const key = `${String(r['article_id'])}\u0000${String(r['claim_id'])}`;
      entitiesOf.set(key, [...(entitiesOf.get(key) ?? []), String(r['entity_id'])]);
    }
    return rows.map((r) => {
      const articleId = String(r['article_id']);
      const claimId = String(r['claim_id']);
      const events = new Map<string, StoredClaim['events'][number]>();
      for (const mentionId of JSON.parse(String(r['event_mention_ids'])) as string[]) {
        const event = eventsOf.get(`${articleId}\u0000${mentionId}`);
        if (event) events.set(event.id, event);
      }
      const record: ClaimRecord = {
        articleId, claimId, kind: String(r['kind']), title: nullable(r['title']), outlet: nullable(r['outlet']), publishedAt: nullable(r['published_at']), stance: String(r['stance']),
        isDirectQuote: Number(r['is_direct_quote']) === 1, isHedged: Number(r['is_hedged']) === 1, isAnonymous: Number(r['is_anonymous']) === 1,
        chain: JSON.parse(String(r['chain'])), evidenceStart: Number(r['evidence_start']), evidenceEnd: Number(r['evidence_end']),
        contentStart: Number(r['content_start']), contentEnd: Number(r['content_end']),
        cueStart: r['cue_start'] === null ? null : Number(r['cue_start']), cueEnd: r['cue_end'] === null ? null : Number(r['cue_end']), respondsTo: nullable(r['responds_to']),
      };
      return toStoredClaim(record, bodies.get(articleId) ?? '', [...events.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)), entitiesOf.get(`${articleId}\u0000${claimId}`) ?? []);
    });
  };

  const listClaims = (query: ClaimQuery = {}): StoredClaim[] => {
    const { where, params } = claimFilterSql(query);
    const sql = `SELECT c.*, a.title FROM claims c JOIN articles a ON a.id = c.article_id ${where} ORDER BY c.published_at, c.article_seq, c.ordinal LIMIT ? OFFSET ?`;
    params.push(clampLimit(query.limit), Math.max(0, query.offset ?? 0));
    return run('list claims', () => toClaims(prepare(sql).all(...params) as Row[]), sql, params);
  };

  const listClaimLinks = (query: ClaimQuery = {}): ClaimLinkRow[] => {
    const { where, params } = claimFilterSql(query);
    const sql = `SELECT c.article_id, c.claim_id, c.chain, (SELECT json_group_array(entity_id) FROM (SELECT ce.entity_id FROM claim_entities ce
        WHERE ce.article_id = c.article_id AND ce.claim_id = c.claim_id ORDER BY ce.entity_id)) AS entity_ids
      FROM claims c ${where} ORDER BY c.published_at, c.article_seq, c.ordinal LIMIT ? OFFSET ?`;
    params.push(clampKeyLimit(query.limit), Math.max(0, query.offset ?? 0));
    return run('list claim links', () => (prepare(sql).all(...params) as Row[]).map((r) => ({
      id: claimKey(String(r['article_id']), String(r['claim_id'])),
      chainEntityIds: (JSON.parse(String(r['chain'])) as { entityId: string | null }[]).map((s) => s.entityId ?? null),
      entityIds: JSON.parse(String(r['entity_ids'])) as string[],
    })), sql, params);
  };

  const countClaims = (query: ClaimQuery = {}): number => {
    const { where, params } = claimFilterSql(query);
    const sql = `SELECT count(*) AS n FROM claims c ${where}`;
    return run('count claims', () => (prepare(sql).get(...params) as { n: number }).n, sql, params);
  };

  const getClaim = (id: string): StoredClaimDetail | undefined => {
    const key = parseClaimKey(id);
    if (!key) return undefined;
    const select = 'SELECT c.*, a.title FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.article_id = ?';
    const row = prepare(`${select} AND c.claim_id = ?`).get(key.articleId, key.claimId) as Row | undefined;
    if (!row) return undefined;
    const responses = prepare(`${select} AND c.responds_to = ? ORDER BY c.ordinal`).all(key.articleId, key.claimId) as Row[];
    const [claim, ...answers] = toClaims([row, ...responses]);
    return { ...claim!, responses: answers };
  };

  const listArticles = (options: { limit?: number; offset?: number } = {}): ArticleSummary[] =>
    (prepare('SELECT id, title, outlet, published_at, source, language, body_chars AS chars FROM articles INDEXED BY articles_listing ORDER BY seq LIMIT ? OFFSET ?')
      .all(clampLimit(options.limit), options.offset ?? 0) as Row[]).map((r) => ({
      id: String(r['id']),
      title: nullable(r['title']),
      outlet: nullable(r['outlet']),
      publishedAt: nullable(r['published_at']),
      source: String(r['source']),
      language: String(r['language']),
      bodyChars: Number(r['chars']),
    }));

  const findPeopleBySurname = (keys: readonly string[]): Map<string, KnownEntity[]> => {
    const out = new Map<string, KnownEntity[]>();
    // Only people some article still names: a row left by an updated article (or a correction) attracts no surname.
    const query = prepare("SELECT id, name, type, country, is_surname_only FROM entities WHERE type = 'PER' AND surname_key = ? AND article_count > 0");
    for (const key of keys) {
      out.set(key, (query.all(key) as Row[]).map((r) => ({
        id: String(r['id']), name: String(r['name']), type: String(r['type']), country: nullable(r['country']), isSurnameOnly: Number(r['is_surname_only']) === 1,
      })));
    }
    return out;
  };

  const entityTypesByName = (keys: readonly string[]): Map<string, NameTypeCount[]> => {
    const out = new Map<string, NameTypeCount[]>();
    // By primary key: a linked entity's id is its type's prefix and its name key (link-entities.ts).
    const query = prepare("SELECT type, mention_count, article_count FROM entities WHERE id IN (?, ?, ?, ?) AND article_count > 0");
    for (const key of keys) {
      const rows = query.all(...NAME_TYPE_PREFIXES.map((p) => `${p}:${key}`)) as Row[];
      out.set(key, rows.map((r) => ({ type: String(r['type']), mentions: Number(r['mention_count']), articles: Number(r['article_count']) })).sort(byMentions));
    }
    return out;
  };

  const ENTITY_COLUMNS = 'e.id, e.name, e.type, e.kind, e.country, e.kb_id, e.article_count, e.mention_count';
  const toCanonical = (r: Row): CanonicalEntity => ({
    id: String(r['id']), name: String(r['name']), type: String(r['type']) as CanonicalEntity['type'], kind: String(r['kind']) as CanonicalEntity['kind'],
    country: nullable(r['country']), kbId: nullable(r['kb_id']), articleCount: Number(r['article_count']), mentionCount: Number(r['mention_count']),
  });

  const listEntities = (query: EntityQuery = {}): CanonicalEntity[] => {
    // An entity no article links any more keeps its row with article_count 0 and is not listed.
    const where: string[] = ['e.article_count > 0'];
    const params: unknown[] = [];
    if (query.type) {
      where.push('e.type = ?');
      params.push(query.type);
    }
    if (query.search !== undefined) {
      const range = prefixRange(query.search);
      if (!range) return [];
      where.push('e.id IN (SELECT entity_id FROM entity_names WHERE key >= ? AND key < ?)');
      params.push(range.from, range.to);
    }
    const sql = `SELECT ${ENTITY_COLUMNS} FROM entities e WHERE ${where.join(' AND ')} ORDER BY e.mention_count DESC, e.name LIMIT ? OFFSET ?`;
    params.push(clampLimit(query.limit), Math.max(0, query.offset ?? 0));
    return run('list entities', () => (prepare(sql).all(...params) as Row[]).map(toCanonical), sql, params);
  };

  const findEntity = (idOrName: string): CanonicalEntity | undefined => {
    let row = prepare(`SELECT ${ENTITY_COLUMNS} FROM entities e WHERE e.id = ?`).get(idOrName) as Row | undefined;
    row ??= prepare(`SELECT ${ENTITY_COLUMNS} FROM entities e WHERE e.name = ? COLLATE NOCASE
        OR e.id IN (SELECT entity_id FROM entity_aliases WHERE alias = ? COLLATE NOCASE) ORDER BY e.mention_count DESC LIMIT 1`).get(idOrName, idOrName) as Row | undefined;
    return row ? toCanonical(row) : undefined;
  };

  const getEntity = (idOrName: string, page: EntityArticlesPage = {}): EntityDetail | undefined => {
    const entity = findEntity(idOrName);
    if (!entity) return undefined;
    const aliases = (prepare('SELECT alias, count(*) AS n FROM entity_aliases WHERE entity_id = ? GROUP BY alias ORDER BY n DESC, alias').all(entity.id) as Row[])
      .map((r) => ({ alias: String(r['alias']), count: Number(r['n']) }));
    const roles = (prepare(`SELECT r.title, r.organisation, r.from_value, r.to_value, r.article_id, r.start_char, r.end_char FROM entity_roles r
        JOIN articles a ON a.id = r.article_id WHERE r.entity_id = ? ORDER BY coalesce(r.from_value, a.published_at), r.title`).all(entity.id) as Row[])
      .map((r) => ({ title: String(r['title']), organisation: nullable(r['organisation']), from: nullable(r['from_value']), to: nullable(r['to_value']), articleId: String(r['article_id']), start: Number(r['start_char']), end: Number(r['end_char']) }));
    // -1 is SQLite's "no limit": without articlesLimit every article is returned, as before paging existed.
    const articles = (prepare(`SELECT ea.article_id, a.title, a.outlet, a.published_at, ea.mentions AS n, ea.reason
        FROM entity_articles ea JOIN articles a ON a.id = ea.article_id WHERE ea.entity_id = ? ORDER BY ea.published_at, ea.article_seq LIMIT ? OFFSET ?`)
      .all(entity.id, page.articlesLimit === undefined ? -1 : Math.max(0, page.articlesLimit), Math.max(0, page.articlesOffset ?? 0)) as Row[])
      .map((r) => ({ articleId: String(r['article_id']), title: nullable(r['title']), outlet: nullable(r['outlet']), publishedAt: nullable(r['published_at']), mentionCount: Number(r['n']), reason: String(r['reason']) }));
    const mentionsByOutlet: Record<string, number> = {};
    for (const r of prepare(`SELECT outlet, sum(mentions) AS n FROM entity_articles
        WHERE entity_id = ? GROUP BY outlet`).all(entity.id) as { outlet: string | null; n: number }[]) {
      mentionsByOutlet[r.outlet ?? '(unknown)'] = (mentionsByOutlet[r.outlet ?? '(unknown)'] ?? 0) + r.n;
    }
    return { ...entity, aliases, roles, articles, articlesTotal: entity.articleCount, mentionsByOutlet };
  };

  const articleEntityLinks = (articleId: string): ArticleEntityLink[] =>
    (prepare(`SELECT ae.doc_entity_id, ae.entity_id, e.name, ae.reason FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
      WHERE ae.article_id = ? ORDER BY ae.doc_entity_id`).all(articleId) as Row[])
      .map((r) => ({ docEntityId: String(r['doc_entity_id']), entityId: String(r['entity_id']), name: String(r['name']), reason: String(r['reason']) }));

  const SUMMARY_COLUMN = `(SELECT ${PACKED_SUMMARY_SQL} FROM event_observations o JOIN articles a ON a.id = o.article_id
      WHERE o.merged_event_id = m.id ORDER BY a.published_at, a.seq, length(o.mention_id), o.mention_id LIMIT 1) AS summary`;
  const EVENT_COLUMNS = `m.*, (SELECT count(DISTINCT article_id) FROM event_observations o WHERE o.merged_event_id = m.id) AS article_count, ${SUMMARY_COLUMN}`;
  const toEventRow = (r: Row): MergedEventRow => ({
    id: String(r['id']),
    ploverType: String(r['plover_type']),
    cameo: nullable(r['cameo']),
    windowStart: String(r['window_start']),
    windowEnd: String(r['window_end']),
    datePrecision: datePrecision(String(r['window_start']), String(r['window_end'])),
    place: r['place_name'] ? { name: String(r['place_name']), lat: r['lat'] === null ? null : Number(r['lat']), lon: r['lon'] === null ? null : Number(r['lon']), countryCode: nullable(r['country_code']) } : null,
    sourceIds: JSON.parse(String(r['source_ids'])),
    targetIds: JSON.parse(String(r['target_ids'])),
    status: String(r['status']) as MergedEventRow['status'],
    explanation: String(r['explanation']),
    assertingOrigins: Number(r['asserting_origins']),
    hasAnonymousOrigin: Number(r['has_anonymous']) === 1,
    reportCount: Number(r['report_count']),
    articleCount: Number(r['article_count']),
    summary: summaryFromPacked(r['summary']),
  });

  const eventFilter = (query: EventQuery): { where: string; params: unknown[] } => {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.ids) {
      where.push(`m.id IN (${query.ids.map(() => '?').join(',') || "''"})`);
      params.push(...query.ids);
    }
    if (query.entityId) {
      where.push('m.id IN (SELECT merged_event_id FROM event_entities WHERE entity_id = ?)');
      params.push(query.entityId);
    }
    if (query.from) {
      where.push('m.window_end >= ?');
      params.push(query.from);
    }
    if (query.to) {
      where.push('m.window_start <= ?');
      params.push(query.to);
    }
    if (query.startFrom !== undefined) {
      where.push('m.window_start >= ?');
      params.push(query.startFrom);
    }
    if (query.startTo !== undefined) {
      where.push('m.window_start <= ?');
      params.push(query.startTo);
    }
    if (query.status) {
      where.push('m.status = ?');
      params.push(query.status);
    }
    if (query.ploverType) {
      where.push('m.plover_type = ?');
      params.push(query.ploverType);
    }
    if (query.isLocated || query.area || query.cells) where.push('m.lat IS NOT NULL AND m.lon IS NOT NULL');
    // A box first (a range of the map index), then, for cells, the exact cell of each event.
    const box = query.cells ? cellsBounds(query.cells) : undefined;
    for (const b of [query.area, box]) {
      if (!b) continue;
      where.push('m.lat BETWEEN ? AND ? AND m.lon BETWEEN ? AND ?');
      params.push(b.south, b.north, b.west, b.east);
    }
    if (query.cells) {
      checkMapGrid(query.cells.cellDegrees, query.cells);
      if (query.cells.keys.length) {
        where.push(`(${SQLITE_CELL_ROW}, ${SQLITE_CELL_COL}) IN (VALUES ${query.cells.keys.map(() => '(?, ?)').join(', ')})`);
        params.push(query.cells.cellDegrees, query.cells.cellDegrees, ...query.cells.keys.flat());
      } else where.push('0');
    }
    if (query.articleIds) {
      where.push(`m.id IN (SELECT merged_event_id FROM event_observations WHERE article_id IN (${query.articleIds.map(() => '?').join(',') || "''"}))`);
      params.push(...query.articleIds);
    }
    return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
  };

  const listEvents = (query: EventQuery = {}): MergedEventRow[] => {
    const { where, params } = eventFilter(query);
    // The page's rows are chosen first by sorting row ids alone (materialised), then read with their per-event
    // subqueries (article count, summary): sorting whole rows, subqueries included, took ≈ 1 s a page of 500 at 13k
    // merged events.
    const order = `m.window_start = '', m.window_start, m.window_end, m.id`;
    const sql = `WITH page AS MATERIALIZED (SELECT m.rowid AS r FROM merged_events m ${where} ORDER BY ${order} LIMIT ? OFFSET ?)
      SELECT ${EVENT_COLUMNS} FROM page JOIN merged_events m ON m.rowid = page.r ORDER BY ${order}`;
    params.push(clampLimit(query.limit), Math.max(0, query.offset ?? 0));
    return run('list events', () => (prepare(sql).all(...params) as Row[]).map(toEventRow), sql, params);
  };

  const listEventKeys = (query: EventQuery = {}): EventKeyRow[] => {
    const { where, params } = eventFilter(query);
    const sql = `SELECT m.id, m.plover_type, m.window_start, m.source_ids, m.target_ids, m.report_count, m.asserting_origins FROM merged_events m ${where}
      ORDER BY m.window_start = '', m.window_start, m.window_end, m.id LIMIT ? OFFSET ?`;
    params.push(clampKeyLimit(query.limit), Math.max(0, query.offset ?? 0));
    return run('list event keys', () => (prepare(sql).all(...params) as Row[]).map((r) => ({
      id: String(r['id']), ploverType: String(r['plover_type']), windowStart: String(r['window_start']),
      sourceIds: JSON.parse(String(r['source_ids'])) as string[], targetIds: JSON.parse(String(r['target_ids'])) as string[],
      reportCount: Number(r['report_count']), assertingOrigins: Number(r['asserting_origins']),
    })), sql, params);
  };

  const listMapEvents = (query: EventQuery, limit: number, offset = 0): MapEventRow[] => {
    const { where, params } = eventFilter({ ...query, isLocated: true });
    const sql = `WITH page AS MATERIALIZED (SELECT m.rowid AS r FROM merged_events m ${where} ORDER BY ${MAP_EVENT_ORDER} LIMIT ? OFFSET ?)
      SELECT ${MAP_EVENT_COLUMNS}, ${SUMMARY_COLUMN} FROM page JOIN merged_events m ON m.rowid = page.r ORDER BY ${MAP_EVENT_ORDER}`;
    params.push(Math.max(1, Math.min(limit, MAX_MAP_EVENT_ROWS)), Math.max(0, offset));
    return run('list map events', () => (prepare(sql).all(...params) as Row[]).map(toMapEventRow), sql, params);
  };

  const listMapCells = (query: EventQuery, cellDegrees: number): MapCellRow[] => {
    checkMapGrid(cellDegrees);
    const { where, params } = eventFilter({ ...query, isLocated: true });
    // Both aggregates read the same events; the place names keep the commonest few per cell (with the cell's count).
    const cellsOf = `SELECT ${SQLITE_CELL_ROW} AS r, ${SQLITE_CELL_COL} AS c, m.lat, m.lon, m.plover_type, m.place_name FROM merged_events m ${where}`;
    const types = `WITH e AS (${cellsOf}) SELECT r, c, plover_type, count(*) AS n, sum(lat) AS sum_lat, sum(lon) AS sum_lon FROM e GROUP BY r, c, plover_type`;
    const places = `WITH e AS (${cellsOf}) SELECT r, c, place_name, n, names FROM (
        SELECT r, c, place_name, count(*) AS n, count(*) OVER (PARTITION BY r, c) AS names,
          row_number() OVER (PARTITION BY r, c ORDER BY count(*) DESC, place_name) AS k
        FROM e GROUP BY r, c, place_name) WHERE k <= ${MAP_CELL_PLACES}`;
    const all = [cellDegrees, cellDegrees, ...params];
    return run('list map cells', () => foldMapCells(prepare(types).all(...all) as Row[], prepare(places).all(...all) as Row[]), types, all);
  };

  const countEvents = (query: EventQuery = {}): number => {
    const { where, params } = eventFilter(query);
    const sql = `SELECT count(*) AS n FROM merged_events m ${where}`;
    return run('count events', () => (prepare(sql).get(...params) as { n: number }).n, sql, params);
  };

  const countEventsByPeriod = (query: EventQuery, period: EventPeriod, options: EventPeriodOptions = {}): EventPeriodCount[] => {
    const { where, params } = eventFilter(query);
    const byType = options.byType ?? true;
    const sql = byType
      ? `SELECT substr(m.window_start, 1, ?) AS period, m.plover_type, count(*) AS n FROM merged_events m ${where} GROUP BY 1, 2 ORDER BY 1, 2`
      : `SELECT substr(m.window_start, 1, ?) AS period, '' AS plover_type, count(*) AS n FROM merged_events m ${where} GROUP BY 1 ORDER BY 1`;
    const all = [PERIOD_CHARS[period], ...params];
    return run('count events by period', () => (prepare(sql).all(...all) as Row[]).map((r) => ({ period: String(r['period']), ploverType: String(r['plover_type']), events: Number(r['n']) })), sql, all);
  };

  const countArticlesByPeriod = (filter: ArticleFilter, period: EventPeriod): ArticlePeriodCount[] => {
    const { where, params } = articleFilterSql(filter);
    const sql = `SELECT coalesce(substr(a.published_at, 1, ?), '') AS period, count(*) AS n FROM articles a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      GROUP BY 1 ORDER BY 1`;
    const all = [PERIOD_CHARS[period], ...params];
    return run('count articles by period', () => (prepare(sql).all(...all) as Row[]).map((r) => ({ period: String(r['period']), articles: Number(r['n']) })), sql, all);
  };

  /** Merged events by id, in the order asked (unknown ids left out): four statements per slice of ids, not four per event. */
  const getEvents = (ids: readonly string[]): MergedEventDetail[] => {
    const wanted = [...new Set(ids)];
    const out: MergedEventDetail[] = [];
    for (let i = 0; i < wanted.length; i += EVENT_DETAIL_SLICE) {
      const slice = wanted.slice(i, i + EVENT_DETAIL_SLICE);
      const marks = `(${slice.map(() => '?').join(',')})`;
      const events = (prepare(`SELECT ${EVENT_COLUMNS} FROM merged_events m WHERE m.id IN ${marks}`).all(...slice) as Row[]).map(toEventRow);
      // Rows in the single-event order (by publication; reports by article), grouped by event in event-details.ts.
      const observations = byEvent(prepare(`SELECT o.*, a.title, a.outlet, a.published_at, ${SQLITE_EVIDENCE_SQL}
        FROM event_observations o JOIN articles a ON a.id = o.article_id WHERE o.merged_event_id IN ${marks} ORDER BY a.published_at, a.seq, length(o.mention_id), o.mention_id`)
        .all(...slice) as Row[], (r) => toObservationDetail(r, JSON.parse(String(r['counts'])) as Record<string, number>, JSON.parse(String(r['reasons'])) as string[],
        r['place'] ? JSON.parse(String(r['place'])) as ObservedPlace : null));
      const reports = byEvent(prepare(reportsSql(`IN ${marks}`)).all(...slice) as Row[], (r) => toReportDetail(toReport(r), r));
      const actorIds = [...new Set(events.flatMap((e) => [...e.sourceIds, ...e.targetIds]))];
      const names = new Map(actorIds.length
        ? (prepare(`SELECT id, name FROM entities WHERE id IN (${actorIds.map(() => '?').join(',')})`).all(...actorIds) as Row[]).map((r) => [String(r['id']), String(r['name'])])
        : []);
      out.push(...eventDetails(slice, events, observations, reports, names));
    }
    return out;
  };

  const listCooccurrences = (query: CooccurrenceQuery = {}): Cooccurrence[] => {
    const where: string[] = ['p.articles >= ?'];
    const params: unknown[] = [Math.max(1, query.minArticles ?? 1)];
    if (query.entityId) {
      where.push('(p.a = ? OR p.b = ?)');
      params.push(query.entityId, query.entityId);
    }
    if (query.among) {
      const marks = query.among.map(() => '?').join(',') || "''";
      where.push(`p.a IN (${marks}) AND p.b IN (${marks})`);
      params.push(...query.among, ...query.among);
    }
    const sql = `SELECT p.a, p.b, p.articles, x.name AS a_name, x.type AS a_type, y.name AS b_name, y.type AS b_type FROM entity_pairs p
      JOIN entities x ON x.id = p.a JOIN entities y ON y.id = p.b WHERE ${where.join(' AND ')} ORDER BY p.articles DESC, p.a, p.b LIMIT ?`;
    params.push(Math.max(1, Math.min(query.limit ?? 200, MAX_PAIRS)));
    return run('list co-occurrences', () => (prepare(sql).all(...params) as Row[]).map(toCooccurrence), sql, params);
  };

  const stats = (): StoreStats => {
    const count = (sql: string): number => (prepare(sql).get() as { n: number }).n;
    const groups = (sql: string): Record<string, number> =>
      Object.fromEntries((prepare(sql).all() as { k: string | null; n: number }[]).map((r) => [r.k ?? '(unknown)', r.n]));
    return {
      articles: count('SELECT count(*) AS n FROM articles'),
      sources: count('SELECT count(*) AS n FROM article_sources'),
      mentions: count('SELECT count(*) AS n FROM mentions'),
      entities: count('SELECT count(*) AS n FROM entities WHERE article_count > 0'),
      events: count('SELECT count(*) AS n FROM merged_events'),
      syndicationGroups: count('SELECT count(*) AS n FROM (SELECT syndication_group FROM articles WHERE syndication_group IS NOT NULL GROUP BY syndication_group HAVING count(*) > 1)'),
      byLanguage: groups('SELECT language AS k, count(*) AS n FROM articles GROUP BY language ORDER BY n DESC'),
      byOutlet: groups('SELECT outlet AS k, count(*) AS n FROM articles GROUP BY outlet ORDER BY n DESC LIMIT 20'),
      schemaVersion: currentVersion(),
    };
  };

  return {
    ...entityOverrides,
    kind: 'sqlite',
    // Saved searches, the article feed and notes (migration 11).
    ...sqliteSavedSearches(db, now),
    migrate: async () => run('migrate', migrate),
    // data_version moves when another connection (another process: an ingest or watch beside a server) commits;
    // total_changes() counts this connection's own writes, which data_version does not see.
    revision: async () => run('store revision', () => `${String(db.pragma('data_version', { simple: true }))}.${String((prepare('SELECT total_changes() AS n').get() as Row)['n'])}`),
    openSaveBatch,
    saveArticle: async (doc, pipeline, links, input) => {
      try {
        return await save(doc, pipeline, links, input);
      } catch (cause) {
        throw cause instanceof StoreError ? cause : new StoreError(`save article ${doc.id}`, cause);
      }
    },
    isInputUnchanged: async (source, input) => run('check input fingerprint', () => prepare(`SELECT 1 FROM article_sources s JOIN articles a ON a.id = s.article_id
      WHERE s.source = ? AND s.input_hash = ? AND s.run_key = ? AND a.pipeline = s.pipeline LIMIT 1`).get(source, input.inputHash, input.runKey) !== undefined),
    hasArticle: async (id) => run('has article', () => prepare('SELECT 1 FROM articles WHERE id = ?').get(id) !== undefined),
    articleIdsFromHost: async (host) => run('article ids from host', () => {
      const patterns = hostUrlPatterns(host);
      if (!patterns.length) return [];
      return (prepare(`SELECT id FROM articles WHERE ${patterns.map(() => 'url LIKE ?').join(' OR ')} ORDER BY id`).all(...patterns) as { id: string }[]).map((r) => r.id);
    }),
    getArticle: async (id) => run('get article', () => getArticle(id)),
    getArticles: async (ids, options) => run('get articles', () => getArticles(ids, options)),
    listArticles: async (options) => run('list articles', () => listArticles(options)),
    countArticles: async () => run('count articles', () => (prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n),
    articleEntityLinks: async (articleId) => run('article entity links', () => articleEntityLinks(articleId)),
    search: async (query) => search(query),
    searchFacets: async () => run('search facets', searchFacets),
    listPlaces: async (query) => run('list places', () => listPlaces(query)),
    listClaims: async (query) => listClaims(query),
    listClaimLinks: async (query) => listClaimLinks(query),
    countClaims: async (query) => countClaims(query),
    getClaim: async (id) => run('get claim', () => getClaim(id)),
    stats: async () => run('stats', stats),
    findPeopleBySurname: async (keys) => run('find people by surname', () => findPeopleBySurname(keys)),
    entityTypesByName: async (keys) => run('entity types by name', () => entityTypesByName(keys)),
    listEntities: async (query) => listEntities(query),
    getEntity: async (idOrName, page) => run('get entity', () => getEntity(idOrName, page)),
    findEntity: async (idOrName) => run('find entity', () => findEntity(idOrName)),
    findSyndicationCandidates: async (keys) => run('find syndication candidates', () => copyCandidates(prepare, keys)),
    listEvents: async (query) => listEvents(query),
    listEventKeys: async (query) => listEventKeys(query),
    listMapEvents: async (query, limit, offset) => listMapEvents(query, limit, offset),
    listMapCells: async (query, cellDegrees) => listMapCells(query, cellDegrees),
    countEvents: async (query) => countEvents(query),
    countEventsByPeriod: async (query, period, options) => countEventsByPeriod(query, period, options),
    countArticlesByPeriod: async (filter, period) => countArticlesByPeriod(filter, period),
    getEvent: async (id) => run('get event', () => getEvents([id])[0]),
    getEvents: async (ids) => run('get events', () => getEvents(ids)),
    mergeEvents: (targetId, otherId) => described(`merge event ${otherId} into ${targetId}`, writeTransaction(() => mergeEventsByUser(corpusTx, targetId, otherId))),
    splitEvent: (eventId, observation) => described(`split event ${eventId}`, writeTransaction(() => splitObservationByUser(corpusTx, eventId, observation))),
    listCooccurrences: async (query) => listCooccurrences(query),
    saveDictionary: async (d) => {
      run('save dictionary', () => prepare('INSERT OR REPLACE INTO dictionaries (file, kind, text, entries, imported_at) VALUES (?, ?, ?, ?, ?)').run(d.file, d.kind, d.text, d.entries, now().toISOString()));
    },
    listDictionaries: async () => run('list dictionaries', () => (prepare('SELECT * FROM dictionaries ORDER BY imported_at, file').all() as Row[]).map((r) => ({
      file: String(r['file']), kind: String(r['kind']) as StoredDictionary['kind'], text: String(r['text']), entries: Number(r['entries']), importedAt: String(r['imported_at']),
    }))),
    close: async () => {
      db.close();
    },
  };
}


function toCooccurrence(r: Row): Cooccurrence {
  return {
    a: String(r['a']), b: String(r['b']), articles: Number(r['articles']),
    aName: String(r['a_name']), aType: String(r['a_type']) as Cooccurrence['aType'], bName: String(r['b_name']), bType: String(r['b_type']) as Cooccurrence['bType'],
  };
}

/** A user's mistake (UsageError) or an error already described passes as it is; anything else is a StoreError. */
async function described<T>(op: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (cause) {
    throw cause instanceof DossierError ? cause : new StoreError(op, cause);
  }
}

/**
 * Sets WAL mode. SQLite may answer SQLITE_BUSY at once, without calling the busy handler, while another process is
 * switching the same new file (seen with two `dossier ingest` starting together): retry with short pauses for up to
 * the busy timeout. Opening is synchronous, so the pause is a synchronous sleep.
 */
function switchToWal(db: Database.Database): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const isBusy = typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
      if (!isBusy || Date.now() >= deadline) throw error;
      Atomics.wait(pause, 0, 0, 25);
    }
  }
}

/** How long a statement waits for a lock another connection holds before SQLite reports the database busy. */
const BUSY_TIMEOUT_MS = 5000;

/** How long a save waits for the write lock (another process may be saving a long article or checkpointing). */
const WRITE_LOCK_WAIT_MS = 60_000;

/** Thrown inside a batch's transaction to roll it back (and caught by its close). */
const BATCH_ROLLED_BACK = new Error('save batch rolled back');

/** Attempts at a save that still meets a busy database inside its transaction. */
const WRITE_RETRIES = 3;

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
}

function nullable(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function clampLimit(limit: number | undefined): number {
  return Math.max(1, Math.min(limit ?? 20, MAX_PAGE_SIZE));
}

function clampKeyLimit(limit: number | undefined): number {
  return Math.max(1, Math.min(limit ?? 20, MAX_KEY_ROWS));
}

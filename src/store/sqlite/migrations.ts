/** SQLite schema, as an ordered list of migrations. Never edit a released migration: add a new one. */
import type { Migration } from '../schema.js';

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, sources, layers, mentions, full-text index',
    sql: `
      CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,           -- stable rowid for the FTS index (VACUUM keeps explicit INTEGER PKs)
        id TEXT NOT NULL UNIQUE,           -- hash of the normalised body
        source TEXT NOT NULL,
        format TEXT NOT NULL,
        url TEXT, outlet TEXT, title TEXT, byline TEXT,
        published_at TEXT, published_from TEXT,
        language TEXT NOT NULL,
        body TEXT NOT NULL,
        paragraphs TEXT NOT NULL, comments TEXT NOT NULL, captions TEXT NOT NULL, boilerplate TEXT NOT NULL,
        pipeline TEXT NOT NULL,            -- "stage@version,…" that produced the layers
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX articles_published ON articles(published_at);
      CREATE INDEX articles_outlet ON articles(outlet);
      CREATE TABLE article_sources (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        PRIMARY KEY (article_id, source)
      );
      CREATE TABLE layers (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        layer TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (article_id, layer)
      );
      CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        mention_id TEXT NOT NULL,
        start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
        text TEXT NOT NULL, type TEXT NOT NULL,
        PRIMARY KEY (article_id, mention_id)
      );
      CREATE INDEX mentions_text ON mentions(text COLLATE NOCASE);
      CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 2');
      CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.seq, coalesce(new.title, ''), new.body);
      END;
      CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.seq, coalesce(old.title, ''), old.body);
      END;
      CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.seq, coalesce(old.title, ''), old.body);
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.seq, coalesce(new.title, ''), new.body);
      END;
    `,
  },
  {
    version: 2,
    name: 'canonical entities across articles',
    sql: `
      CREATE TABLE entities (
        id TEXT PRIMARY KEY,               -- kb:<id>, per:<key>, org:<key>, loc:<key>, misc:<key>
        name TEXT NOT NULL, type TEXT NOT NULL, kind TEXT NOT NULL,
        country TEXT, kb_id TEXT,
        name_key TEXT NOT NULL, surname_key TEXT, is_surname_only INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX entities_surname ON entities(surname_key) WHERE surname_key IS NOT NULL;
      CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
      CREATE TABLE article_entities (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        doc_entity_id TEXT NOT NULL,
        entity_id TEXT NOT NULL REFERENCES entities(id),
        name TEXT NOT NULL,
        mention_count INTEGER NOT NULL,
        reason TEXT NOT NULL,              -- why this article entity is this canonical entity
        PRIMARY KEY (article_id, doc_entity_id)
      );
      CREATE INDEX article_entities_entity ON article_entities(entity_id);
      CREATE TABLE entity_aliases (
        entity_id TEXT NOT NULL REFERENCES entities(id),
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        alias TEXT NOT NULL,
        PRIMARY KEY (entity_id, article_id, alias)
      );
      CREATE INDEX entity_aliases_alias ON entity_aliases(alias COLLATE NOCASE);
      CREATE TABLE entity_roles (
        entity_id TEXT NOT NULL REFERENCES entities(id),
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        title TEXT NOT NULL, organisation TEXT, from_value TEXT, to_value TEXT,
        start_char INTEGER NOT NULL, end_char INTEGER NOT NULL
      );
      CREATE INDEX entity_roles_entity ON entity_roles(entity_id);
    `,
  },
  {
    version: 3,
    name: 'near-duplicate groups, merged events, observations and reports',
    sql: `
      ALTER TABLE articles ADD COLUMN syndication_group TEXT;
      CREATE INDEX articles_syndication ON articles(syndication_group);
      CREATE TABLE article_fingerprints (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        signature BLOB NOT NULL              -- MinHash signature, uint32 little-endian
      );
      CREATE TABLE article_bands (
        band_key TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (band_key, article_id)
      );
      CREATE TABLE article_links (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        other_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,                  -- 'near-duplicate'
        similarity REAL NOT NULL,
        PRIMARY KEY (article_id, other_id, kind)
      );
      CREATE TABLE merged_events (
        id TEXT PRIMARY KEY,
        plover_type TEXT NOT NULL, cameo TEXT,
        window_start TEXT NOT NULL, window_end TEXT NOT NULL,
        place_name TEXT, lat REAL, lon REAL, country_code TEXT, gazetteer_id TEXT,
        source_ids TEXT NOT NULL, target_ids TEXT NOT NULL,      -- JSON arrays of canonical entity ids
        window_days INTEGER NOT NULL,
        status TEXT NOT NULL, explanation TEXT NOT NULL,
        asserting_origins INTEGER NOT NULL, has_anonymous INTEGER NOT NULL,
        report_count INTEGER NOT NULL
      );
      CREATE INDEX merged_events_lookup ON merged_events(plover_type, window_start, window_end);
      CREATE INDEX merged_events_long ON merged_events(plover_type, window_start) WHERE window_days > 31;
      CREATE INDEX merged_events_time ON merged_events(window_start);
      CREATE TABLE event_observations (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        mention_id TEXT NOT NULL,
        merged_event_id TEXT NOT NULL REFERENCES merged_events(id),
        reasons TEXT NOT NULL,               -- why it joined (JSON array), or ["first report"]
        modality TEXT NOT NULL, time_value TEXT, counts TEXT NOT NULL,
        evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL,
        source_ids TEXT NOT NULL, target_ids TEXT NOT NULL,
        PRIMARY KEY (article_id, mention_id)
      );
      CREATE INDEX event_observations_event ON event_observations(merged_event_id);
      CREATE TABLE event_reports (
        merged_event_id TEXT NOT NULL REFERENCES merged_events(id),
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        mention_id TEXT NOT NULL,
        syndication_group TEXT NOT NULL, outlet TEXT,
        chain TEXT NOT NULL, stance TEXT NOT NULL
      );
      CREATE INDEX event_reports_event ON event_reports(merged_event_id);
      CREATE INDEX event_reports_article ON event_reports(article_id);
      CREATE TABLE event_entities (
        merged_event_id TEXT NOT NULL REFERENCES merged_events(id),
        entity_id TEXT NOT NULL,
        PRIMARY KEY (merged_event_id, entity_id)
      );
      CREATE INDEX event_entities_entity ON event_entities(entity_id);
    `,
  },
  {
    version: 4,
    name: 'imported event dictionaries',
    sql: `
      CREATE TABLE dictionaries (
        file TEXT PRIMARY KEY,               -- the path it was imported from
        kind TEXT NOT NULL,                  -- actors, agents, verbs, discards
        text TEXT NOT NULL,
        entries INTEGER NOT NULL,
        imported_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: 'read paths: entity counts and name keys, co-occurring pairs, article listing without the body',
    // entity_names and entity_pairs are filled from the existing rows by the adapter's backfill for version 5 (in
    // JavaScript, so keys are lower-cased and pairs chosen exactly as at save time).
    sql: `
      ALTER TABLE entities ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0;   -- distinct articles linking it
      ALTER TABLE entities ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0;   -- their mentions of it
      UPDATE entities SET
        article_count = (SELECT count(DISTINCT article_id) FROM article_entities ae WHERE ae.entity_id = entities.id),
        mention_count = (SELECT coalesce(sum(mention_count), 0) FROM article_entities ae WHERE ae.entity_id = entities.id);
      CREATE INDEX entities_ranked ON entities(mention_count DESC, name) WHERE article_count > 0;
      CREATE INDEX entities_type_ranked ON entities(type, mention_count DESC, name) WHERE article_count > 0;
      CREATE TABLE entity_names (
        key TEXT NOT NULL,                   -- lower-cased name or alias from a word start (see name-keys.ts)
        entity_id TEXT NOT NULL REFERENCES entities(id),
        PRIMARY KEY (key, entity_id)
      ) WITHOUT ROWID;
      CREATE TABLE entity_pairs (
        a TEXT NOT NULL, b TEXT NOT NULL,    -- canonical entity ids, a < b
        articles INTEGER NOT NULL,           -- articles naming both (among each article's 30 most mentioned)
        PRIMARY KEY (a, b)
      ) WITHOUT ROWID;
      CREATE INDEX entity_pairs_b ON entity_pairs(b, a);
      CREATE INDEX entity_pairs_strength ON entity_pairs(articles DESC, a, b);
      -- Only a new title or body changes the full-text index (the old trigger re-indexed on any column).
      DROP TRIGGER articles_au;
      CREATE TRIGGER articles_au AFTER UPDATE OF title, body ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.seq, coalesce(old.title, ''), old.body);
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.seq, coalesce(new.title, ''), new.body);
      END;
      ALTER TABLE articles ADD COLUMN body_chars INTEGER NOT NULL DEFAULT 0;
      UPDATE articles SET body_chars = length(body);
      -- Pages of articles walk this small index instead of the rows that hold the bodies.
      CREATE INDEX articles_listing ON articles(seq, id, title, outlet, published_at, source, language, body_chars);
    `,
  },
  {
    version: 6,
    name: 'entity pages: one row per entity and article, in page order',
    sql: `
      -- One row per entity and article, in the order the entity page lists them, with what that page shows, so a
      -- page of an entity named in thousands of articles reads one index range (filled here from the saved links).
      CREATE TABLE entity_articles (
        entity_id TEXT NOT NULL REFERENCES entities(id),
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        published_at TEXT, article_seq INTEGER NOT NULL, outlet TEXT,   -- copied from the article
        mentions INTEGER NOT NULL, reason TEXT NOT NULL,                -- summed and joined over its links
        PRIMARY KEY (entity_id, article_id)
      ) WITHOUT ROWID;
      CREATE INDEX entity_articles_time ON entity_articles(entity_id, published_at, article_seq);
      CREATE INDEX entity_articles_outlet ON entity_articles(entity_id, outlet, mentions);
      CREATE INDEX entity_articles_article ON entity_articles(article_id);
      INSERT INTO entity_articles (entity_id, article_id, published_at, article_seq, outlet, mentions, reason)
        SELECT ae.entity_id, ae.article_id, a.published_at, a.seq, a.outlet, sum(ae.mention_count), group_concat(ae.reason, '; ' ORDER BY ae.doc_entity_id)
        FROM article_entities ae JOIN articles a ON a.id = ae.article_id GROUP BY ae.entity_id, ae.article_id;
    `,
  },
  {
    version: 7,
    name: 'claims as rows; places each article names (search filters)',
    // Filled from the stored layers by the adapter's backfill for version 7 (claim-rows.ts decides the rows).
    sql: `
      CREATE TABLE claims (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        claim_id TEXT NOT NULL,
        ordinal INTEGER NOT NULL,                                        -- position in the article
        article_seq INTEGER NOT NULL, published_at TEXT, outlet TEXT,    -- copied from the article
        stance TEXT NOT NULL, is_direct_quote INTEGER NOT NULL, is_hedged INTEGER NOT NULL, is_anonymous INTEGER NOT NULL,
        chain TEXT NOT NULL,                                             -- JSON: sources outermost first, canonical ids
        evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL,
        content_start INTEGER NOT NULL, content_end INTEGER NOT NULL,
        cue_start INTEGER, cue_end INTEGER,
        event_mention_ids TEXT NOT NULL,                                 -- JSON: the article's event mention ids
        responds_to TEXT,                                                -- claim id in the same article
        PRIMARY KEY (article_id, claim_id)
      );
      CREATE INDEX claims_order ON claims(published_at, article_seq, ordinal);
      CREATE TABLE claim_entities (
        entity_id TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        claim_id TEXT NOT NULL,
        PRIMARY KEY (entity_id, article_id, claim_id)
      ) WITHOUT ROWID;
      CREATE INDEX claim_entities_article ON claim_entities(article_id);
      CREATE TABLE article_places (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        place_key TEXT NOT NULL,                                         -- gazetteer id, or name:<lower-cased name>
        name TEXT NOT NULL, country_code TEXT,
        lat REAL, lon REAL, precision TEXT,                              -- null for a place not resolved
        mentions INTEGER NOT NULL,                                       -- times the article names it
        published_at TEXT, article_seq INTEGER NOT NULL,                 -- copied from the article
        PRIMARY KEY (article_id, place_key)
      ) WITHOUT ROWID;
      CREATE INDEX article_places_key ON article_places(place_key, article_id);
      -- The map groups resolved places from this index alone, and lists a place's newest articles from the next.
      CREATE INDEX article_places_map ON article_places(place_key, name, country_code, lat, lon, precision, mentions) WHERE lat IS NOT NULL;
      CREATE INDEX article_places_recent ON article_places(place_key, published_at, article_seq);
      CREATE INDEX article_places_name ON article_places(name COLLATE NOCASE, article_id);
      CREATE INDEX article_places_country ON article_places(country_code, article_id);
      CREATE INDEX articles_outlet_nocase ON articles(outlet COLLATE NOCASE, published_at);
    `,
  },
  {
    version: 8,
    name: 'merging with evidence: trigger lemmas of merged events, trigger and score of each observation',
    sql: `
      ALTER TABLE merged_events ADD COLUMN triggers TEXT NOT NULL DEFAULT '[]';   -- JSON array of trigger lemmas
      ALTER TABLE event_observations ADD COLUMN trigger TEXT;
      ALTER TABLE event_observations ADD COLUMN score REAL NOT NULL DEFAULT 0;   -- strength of the deciding evidence (0: first report)
    `,
  },
  {
    version: 9,
    name: 'user decisions on merged events: merge and split overrides kept across re-ingest',
    sql: `
      CREATE TABLE event_overrides (
        kind TEXT NOT NULL,                                                 -- 'merge' or 'split'
        article_id TEXT NOT NULL, mention_id TEXT NOT NULL,                    -- the observation decided about
        other_article_id TEXT NOT NULL, other_mention_id TEXT NOT NULL,        -- the observation it goes with (merge) or never with (split)
        PRIMARY KEY (article_id, mention_id, other_article_id, other_mention_id)
      );
      CREATE INDEX event_overrides_other ON event_overrides (other_article_id, other_mention_id);
    `,
  },
  {
    version: 10,
    name: 'user corrections of entities: merge, split, rename and retype overrides kept across re-ingest',
    sql: `
      CREATE TABLE entity_overrides (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,                  -- 'merge', 'split', 'rename' or 'retype'
        entity_id TEXT NOT NULL,             -- the entity corrected (merge: the one merged away)
        target_id TEXT,                      -- merge: the entity kept; split: the entity the name goes to
        name TEXT,                           -- split: the name split off; rename: the display name
        type TEXT,                           -- retype: the type; split: the split-off entity's type
        previous TEXT,                       -- rename/retype: the value before, restored on undo
        decided_by TEXT NOT NULL, decided_at TEXT NOT NULL
      );
      CREATE INDEX entity_overrides_entity ON entity_overrides (entity_id);
      CREATE INDEX entity_overrides_target ON entity_overrides (target_id) WHERE target_id IS NOT NULL;
    `,
  },
  {
    version: 11,
    name: 'saved searches, the article feed their alerts read, and notes on entities and events',
    sql: `
      -- Each newly inserted article gets the next position, in its own transaction (see store/saved-searches.ts).
      CREATE TABLE article_feed (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,                           -- never reused, so a seen position stays meaningful
        article_id TEXT NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
        added_at TEXT NOT NULL
      );
      INSERT INTO article_feed (article_id, added_at) SELECT id, ingested_at FROM articles ORDER BY seq;
      CREATE TABLE saved_searches (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE,
        text TEXT,                                                       -- full-text words, or null
        filters TEXT NOT NULL,                                           -- JSON: the search page's filters as given
        created_by TEXT, created_at TEXT NOT NULL,
        seen_feed_seq INTEGER NOT NULL                                   -- matches up to this feed position are seen
      );
      CREATE TABLE notes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        target_kind TEXT NOT NULL,                                       -- 'entity' or 'event'
        target_id TEXT NOT NULL,
        text TEXT NOT NULL, author TEXT NOT NULL, created_at TEXT NOT NULL
      );
      CREATE INDEX notes_target ON notes (target_kind, target_id, id);
    `,
  },
  {
    version: 12,
    name: 'input fingerprints on article sources, so an unchanged input is skipped before cleaning',
    sql: `
      ALTER TABLE article_sources ADD COLUMN input_hash TEXT;   -- sha-256 of what the reader handed over
      ALTER TABLE article_sources ADD COLUMN run_key TEXT;      -- pipeline signature and genre settings of that read
      ALTER TABLE article_sources ADD COLUMN pipeline TEXT;     -- the article's pipeline as that read saved it
      CREATE INDEX article_sources_source ON article_sources (source);
    `,
  },
  // 13 (the store revision) and 14 (page-order indexes) are PostgreSQL's: SQLite has data_version and its own plans.
  {
    version: 15,
    name: 'entities by name key: the type evidence every entity page shows',
    sql: `
      -- entityTypeEvidence counts the entities sharing a name key on every entity page: without an index, a scan of every entity.
      CREATE INDEX entities_name_key ON entities (name_key);
    `,
  },
  {
    version: 16,
    name: 'the map: located events by position, and the most reported first',
    sql: `
      -- listMapCells groups the located events by grid cell from this index alone (a box is one range of it), and the
      -- map's table of the most reported events reads the next one in order instead of sorting 13k events.
      CREATE INDEX merged_events_map ON merged_events (lat, lon, plover_type, place_name) WHERE lat IS NOT NULL AND lon IS NOT NULL;
      CREATE INDEX merged_events_map_order ON merged_events (report_count DESC, window_start DESC, id) WHERE lat IS NOT NULL AND lon IS NOT NULL;
    `,
  },
  {
    version: 17,
    name: 'the kind of each claim (assertion, desire, evaluation): every kind stored, assertions listed by default',
    // Until now only assertions had rows: the adapter's backfill for version 17 rewrites every article's claim rows
    // from its stored claims layer (claim-rows.ts decides them), so wishes and judgements already annotated get rows.
    sql: `
      ALTER TABLE claims ADD COLUMN kind TEXT NOT NULL DEFAULT 'assertion';   -- 'assertion', 'desire' or 'evaluation'
      -- The claims list keeps one kind (assertions unless asked) in claim order: one index range.
      CREATE INDEX claims_kind_order ON claims(kind, published_at, article_seq, ordinal);
    `,
  },
  {
    version: 18,
    name: 'passage keys and text reuse: a rewrite or cut copy is its original\'s line of evidence',
    sql: `
      -- Sampled hashes of unquoted 8-word shingles (text-reuse/passageKeys): which stored articles share passages.
      CREATE TABLE passage_keys (
        key INTEGER NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (key, article_id)
      ) WITHOUT ROWID;
      CREATE INDEX passage_keys_article ON passage_keys (article_id);
      -- One row per direction of a linked pair: the aligned passages (JSON), and whether article_id is the copy.
      CREATE TABLE text_reuse (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        other_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        is_copy INTEGER NOT NULL,
        passages TEXT NOT NULL,
        PRIMARY KEY (article_id, other_id)
      );
      CREATE INDEX text_reuse_other ON text_reuse (other_id);
    `,
  },
  {
    version: 20,
    name: 'passage keys of the articles stored before migration 18',
    // No table changes: the adapter's backfill for version 20 writes the passage keys of every article that has
    // none, so an article saved later finds the passages it shares with them (19 is PostgreSQL's only).
    sql: 'SELECT 1',
  },
  {
    version: 21,
    name: 'claims by stance, and events in timeline order, read as index ranges',
    sql: `
      -- A listing by stance (a brief's contested claims, the claims page's stance filter) walked every claim of
      -- the kind in claim order to find the few denied ones: 8 ms for none among 10,000 on the 20k bench store.
      CREATE INDEX claims_stance_order ON claims(stance, kind, published_at, article_seq, ordinal);
      -- Events in listEvents' order (undated last), as PostgreSQL's migration 14: the graph's latest 2,000 event
      -- keys were a scan and sort of every merged event (27 ms at 13k events), now a walk of this index (10 ms).
      CREATE INDEX merged_events_order ON merged_events(window_start = '', window_start, window_end, id);
    `,
  },
  {
    version: 22,
    name: 'the place of each event observation: a rewrite of an article\'s places reaches its events',
    // Filled from each observing article's events and places layers by the adapter's backfill for version 22.
    sql: `
      -- The place the observation reports (ObservedPlace as JSON; NULL when it names none): a merged event's place is
      -- folded from its observations' places, so when the outlet-region pass rewrites an article's places, the events
      -- it reports are placed again from what their observations now say.
      ALTER TABLE event_observations ADD COLUMN place TEXT;
    `,
  },
];

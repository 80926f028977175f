/** PostgreSQL schema, as an ordered list of migrations. Never edit a released migration: add a new one. */
import type { Migration } from '../schema.js';

/**
 * Characters of title and body that go into the full-text index and into snippets. A tsvector holds at
 * most 1 MiB of lexemes, so a 20 MB body would make its insert fail; 200k characters (≤ 800 KB of
 * UTF-8) covers every real news article whole.
 */
export const FTS_MAX_CHARS = 200_000;

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, sources, layers, mentions, full-text index',
    sql: `
      CREATE TABLE articles (
        seq bigserial NOT NULL UNIQUE,        -- insertion order, for stable listing
        id text COLLATE "C" PRIMARY KEY,      -- hash of the normalised body; "C" so id LIKE 'prefix%' uses the index
        source text NOT NULL,
        format text NOT NULL,
        url text, outlet text, title text, byline text,
        published_at text, published_from text,
        language text NOT NULL,
        body text NOT NULL,
        paragraphs jsonb NOT NULL, comments jsonb NOT NULL, captions jsonb NOT NULL, boilerplate jsonb NOT NULL,
        pipeline text NOT NULL,               -- "stage@version,…" that produced the layers
        ingested_at timestamptz NOT NULL,
        -- 'simple' (no stemming, no stop words) matches SQLite's unicode61 tokenizer, so both adapters find the same articles.
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('simple', left(coalesce(title, ''), 1000)), 'A') ||
          setweight(to_tsvector('simple', left(body, ${FTS_MAX_CHARS})), 'B')
        ) STORED
      );
      CREATE INDEX articles_search ON articles USING gin (search);
      CREATE INDEX articles_published ON articles (published_at);
      CREATE INDEX articles_outlet ON articles (outlet);
      CREATE TABLE article_sources (
        article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        source text NOT NULL,
        first_seen timestamptz NOT NULL,
        PRIMARY KEY (article_id, source)
      );
      CREATE TABLE layers (
        article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        layer text NOT NULL,
        data jsonb NOT NULL,
        PRIMARY KEY (article_id, layer)
      );
      CREATE TABLE mentions (
        article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        mention_id text NOT NULL,
        start_char integer NOT NULL, end_char integer NOT NULL,
        text text NOT NULL, type text NOT NULL,
        PRIMARY KEY (article_id, mention_id)
      );
      CREATE INDEX mentions_text ON mentions (lower(text));
    `,
  },
  {
    version: 2,
    name: 'canonical entities across articles',
    sql: `
      CREATE TABLE entities (
        id text PRIMARY KEY,                  -- kb:<id>, per:<key>, org:<key>, loc:<key>, misc:<key>
        name text NOT NULL, type text NOT NULL, kind text NOT NULL,
        country text, kb_id text,
        name_key text NOT NULL, surname_key text, is_surname_only boolean NOT NULL DEFAULT false
      );
      CREATE INDEX entities_surname ON entities (surname_key) WHERE surname_key IS NOT NULL;
      CREATE INDEX entities_name ON entities (lower(name));
      CREATE TABLE article_entities (
        article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        doc_entity_id text NOT NULL,
        entity_id text NOT NULL REFERENCES entities (id),
        name text NOT NULL,
        mention_count integer NOT NULL,
        reason text NOT NULL,                 -- why this article entity is this canonical entity
        PRIMARY KEY (article_id, doc_entity_id)
      );
      CREATE INDEX article_entities_entity ON article_entities (entity_id);
      CREATE TABLE entity_aliases (
        entity_id text NOT NULL REFERENCES entities (id),
        article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        alias text NOT NULL,
        PRIMARY KEY (entity_id, article_id, alias)
      );
      CREATE INDEX entity_aliases_alias ON entity_aliases (lower(alias));
      CREATE TABLE entity_roles (
        entity_id text NOT NULL REFERENCES entities (id),
        article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        title text NOT NULL, organisation text, from_value text, to_value text,
        start_char integer NOT NULL, end_char integer NOT NULL
      );
      CREATE INDEX entity_roles_entity ON entity_roles (entity_id);
      CREATE INDEX entity_roles_article ON entity_roles (article_id);
      CREATE INDEX entity_aliases_article ON entity_aliases (article_id);
    `,
  },
  {
    version: 3,
    name: 'near-duplicate groups, merged events, observations and reports',
    sql: `
      ALTER TABLE articles ADD COLUMN syndication_group text COLLATE "C";
      CREATE INDEX articles_syndication ON articles (syndication_group);
      CREATE TABLE article_fingerprints (
        article_id text COLLATE "C" PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        signature bytea NOT NULL              -- MinHash signature, uint32 little-endian
      );
      CREATE TABLE article_bands (
        band_key text NOT NULL,
        article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        PRIMARY KEY (band_key, article_id)
      );
      CREATE INDEX article_bands_article ON article_bands (article_id);
      CREATE TABLE article_links (
        article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        other_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        kind text NOT NULL,                   -- 'near-duplicate'
        similarity double precision NOT NULL,
        PRIMARY KEY (article_id, other_id, kind)
      );
      CREATE INDEX article_links_other ON article_links (other_id);
      CREATE TABLE merged_events (
        id text PRIMARY KEY,
        plover_type text NOT NULL, cameo text,
        window_start text NOT NULL, window_end text NOT NULL,   -- ISO dates: text order is date order
        place_name text, lat double precision, lon double precision, country_code text, gazetteer_id text,
        source_ids jsonb NOT NULL, target_ids jsonb NOT NULL,   -- arrays of canonical entity ids
        window_days integer NOT NULL,
        status text NOT NULL, explanation text NOT NULL,
        asserting_origins integer NOT NULL, has_anonymous boolean NOT NULL,
        report_count integer NOT NULL
      );
      CREATE INDEX merged_events_lookup ON merged_events (plover_type, window_start, window_end);
      CREATE INDEX merged_events_long ON merged_events (plover_type, window_start) WHERE window_days > 31;
      CREATE INDEX merged_events_time ON merged_events (window_start);
      CREATE TABLE event_observations (
        article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        mention_id text NOT NULL,
        merged_event_id text NOT NULL REFERENCES merged_events (id),
        reasons jsonb NOT NULL,               -- why it joined, or ["first report"]
        modality text NOT NULL, time_value text, counts jsonb NOT NULL,
        evidence_start integer NOT NULL, evidence_end integer NOT NULL,
        source_ids jsonb NOT NULL, target_ids jsonb NOT NULL,
        PRIMARY KEY (article_id, mention_id)
      );
      CREATE INDEX event_observations_event ON event_observations (merged_event_id);
      CREATE TABLE event_reports (
        merged_event_id text NOT NULL REFERENCES merged_events (id),
        article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        mention_id text NOT NULL,
        syndication_group text NOT NULL, outlet text,
        chain jsonb NOT NULL, stance text NOT NULL
      );
      CREATE INDEX event_reports_event ON event_reports (merged_event_id);
      CREATE INDEX event_reports_article ON event_reports (article_id);
      CREATE TABLE event_entities (
        merged_event_id text NOT NULL REFERENCES merged_events (id),
        entity_id text NOT NULL,
        PRIMARY KEY (merged_event_id, entity_id)
      );
      CREATE INDEX event_entities_entity ON event_entities (entity_id);
    `,
  },
  {
    version: 4,
    name: 'imported event dictionaries',
    sql: `
      CREATE TABLE dictionaries (
        file text PRIMARY KEY,                -- the path it was imported from
        kind text NOT NULL,                   -- actors, agents, verbs, discards
        text text NOT NULL,
        entries integer NOT NULL,
        imported_at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: 'read paths: entity counts and name keys, co-occurring pairs, article listing without the body',
    // entity_names and entity_pairs are filled from the existing rows by the adapter's backfill for version 5 (in
    // JavaScript, so keys are lower-cased and pairs chosen exactly as at save time).
    sql: `
      ALTER TABLE entities ADD COLUMN article_count integer NOT NULL DEFAULT 0;   -- distinct articles linking it
      ALTER TABLE entities ADD COLUMN mention_count integer NOT NULL DEFAULT 0;   -- their mentions of it
      UPDATE entities e SET article_count = t.articles, mention_count = t.mentions
        FROM (SELECT entity_id, count(DISTINCT article_id) AS articles, sum(mention_count) AS mentions FROM article_entities GROUP BY entity_id) t
        WHERE t.entity_id = e.id;
      CREATE INDEX entities_ranked ON entities (mention_count DESC, name) WHERE article_count > 0;
      CREATE INDEX entities_type_ranked ON entities (type, mention_count DESC, name) WHERE article_count > 0;
      CREATE TABLE entity_names (
        key text COLLATE "C" NOT NULL,        -- lower-cased name or alias from a word start (see name-keys.ts)
        entity_id text NOT NULL REFERENCES entities (id),
        PRIMARY KEY (key, entity_id)
      );
      CREATE TABLE entity_pairs (
        a text COLLATE "C" NOT NULL, b text COLLATE "C" NOT NULL,   -- canonical entity ids, a < b
        articles integer NOT NULL,            -- articles naming both (among each article's 30 most mentioned)
        PRIMARY KEY (a, b)
      );
      CREATE INDEX entity_pairs_b ON entity_pairs (b, a);
      CREATE INDEX entity_pairs_strength ON entity_pairs (articles DESC, a, b);
      ALTER TABLE articles ADD COLUMN body_chars integer NOT NULL DEFAULT 0;
      UPDATE articles SET body_chars = length(body);
    `,
  },
  {
    version: 6,
    name: 'entity pages: one row per entity and article, in page order',
    sql: `
      -- One row per entity and article, in the order the entity page lists them, with what that page shows, so a
      -- page of an entity named in thousands of articles reads one index range (filled here from the saved links).
      CREATE TABLE entity_articles (
        entity_id text NOT NULL REFERENCES entities (id),
        article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        published_at text, article_seq bigint NOT NULL, outlet text,   -- copied from the article
        mentions integer NOT NULL, reason text NOT NULL,                -- summed and joined over its links
        PRIMARY KEY (entity_id, article_id)
      );
      CREATE INDEX entity_articles_time ON entity_articles (entity_id, published_at, article_seq);
      CREATE INDEX entity_articles_outlet ON entity_articles (entity_id, outlet) INCLUDE (mentions);
      CREATE INDEX entity_articles_article ON entity_articles (article_id);
      INSERT INTO entity_articles (entity_id, article_id, published_at, article_seq, outlet, mentions, reason)
        SELECT ae.entity_id, ae.article_id, a.published_at, a.seq, a.outlet, sum(ae.mention_count), string_agg(ae.reason, '; ' ORDER BY ae.doc_entity_id)
        FROM article_entities ae JOIN articles a ON a.id = ae.article_id GROUP BY ae.entity_id, ae.article_id, a.published_at, a.seq, a.outlet;
    `,
  },
  {
    version: 7,
    name: 'claims as rows; places each article names (search filters)',
    // Filled from the stored layers by the adapter's backfill for version 7 (claim-rows.ts decides the rows).
    sql: `
      CREATE TABLE claims (
        article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        claim_id text NOT NULL,
        ordinal integer NOT NULL,                                        -- position in the article
        article_seq bigint NOT NULL, published_at text, outlet text,     -- copied from the article
        stance text NOT NULL, is_direct_quote boolean NOT NULL, is_hedged boolean NOT NULL, is_anonymous boolean NOT NULL,
        chain jsonb NOT NULL,                                            -- sources outermost first, canonical ids
        evidence_start integer NOT NULL, evidence_end integer NOT NULL,
        content_start integer NOT NULL, content_end integer NOT NULL,
        cue_start integer, cue_end integer,
        event_mention_ids jsonb NOT NULL,                                -- the article's event mention ids
        responds_to text,                                                -- claim id in the same article
        PRIMARY KEY (article_id, claim_id)
      );
      CREATE INDEX claims_order ON claims (published_at ASC NULLS FIRST, article_seq, ordinal);   -- NULLS FIRST as SQLite orders them
      CREATE TABLE claim_entities (
        entity_id text NOT NULL,
        article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        claim_id text NOT NULL,
        PRIMARY KEY (entity_id, article_id, claim_id)
      );
      CREATE INDEX claim_entities_article ON claim_entities (article_id);
      CREATE TABLE article_places (
        article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        place_key text NOT NULL,                                         -- gazetteer id, or name:<lower-cased name>
        name text NOT NULL, country_code text,
        lat double precision, lon double precision, precision text,     -- null for a place not resolved
        mentions integer NOT NULL,                                       -- times the article names it
        published_at text, article_seq bigint NOT NULL,                  -- copied from the article
        PRIMARY KEY (article_id, place_key)
      );
      -- The map groups resolved places from this index alone, and lists a place's newest articles from the next.
      CREATE INDEX article_places_map ON article_places (place_key) INCLUDE (name, country_code, lat, lon, precision, mentions) WHERE lat IS NOT NULL;
      CREATE INDEX article_places_recent ON article_places (place_key, published_at DESC NULLS LAST, article_seq DESC);
      CREATE INDEX article_places_key ON article_places (place_key, article_id);
      CREATE INDEX article_places_name ON article_places (lower(name), article_id);
      CREATE INDEX article_places_country ON article_places (country_code, article_id);
      CREATE INDEX articles_outlet_lower ON articles (lower(outlet), published_at);
      CREATE INDEX articles_newest ON articles (published_at DESC NULLS LAST, seq DESC);    -- searches with filters and no words
    `,
  },
  {
    version: 8,
    name: 'merging with evidence: trigger lemmas of merged events, trigger and score of each observation',
    sql: `
      ALTER TABLE merged_events ADD COLUMN triggers jsonb NOT NULL DEFAULT '[]'::jsonb;   -- trigger lemmas
      ALTER TABLE event_observations ADD COLUMN trigger text;
      ALTER TABLE event_observations ADD COLUMN score double precision NOT NULL DEFAULT 0;   -- strength of the deciding evidence (0: first report)
    `,
  },
  {
    version: 9,
    name: 'user decisions on merged events: merge and split overrides kept across re-ingest',
    sql: `
      CREATE TABLE event_overrides (
        kind text NOT NULL,                                                 -- 'merge' or 'split'
        article_id text NOT NULL, mention_id text NOT NULL,                    -- the observation decided about
        other_article_id text NOT NULL, other_mention_id text NOT NULL,        -- the observation it goes with (merge) or never with (split)
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
        id bigserial PRIMARY KEY,
        kind text NOT NULL,                  -- 'merge', 'split', 'rename' or 'retype'
        entity_id text NOT NULL,             -- the entity corrected (merge: the one merged away)
        target_id text,                      -- merge: the entity kept; split: the entity the name goes to
        name text,                           -- split: the name split off; rename: the display name
        type text,                           -- retype: the type; split: the split-off entity's type
        previous text,                       -- rename/retype: the value before, restored on undo
        decided_by text NOT NULL, decided_at text NOT NULL
      );
      CREATE INDEX entity_overrides_entity ON entity_overrides (entity_id);
      CREATE INDEX entity_overrides_target ON entity_overrides (target_id) WHERE target_id IS NOT NULL;
    `,
  },
  {
    version: 11,
    name: 'saved searches, the article feed their alerts read, and notes on entities and events',
    sql: `
      -- Each newly inserted article gets the next position at the end of its transaction, under a lock held until
      -- commit, so positions become visible in order (see store/saved-searches.ts).
      CREATE TABLE article_feed (
        seq bigserial PRIMARY KEY,
        article_id text COLLATE "C" NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE,
        added_at timestamptz NOT NULL
      );
      INSERT INTO article_feed (article_id, added_at) SELECT id, ingested_at FROM articles ORDER BY seq;
      CREATE TABLE saved_searches (
        id bigserial PRIMARY KEY,
        name text NOT NULL UNIQUE,
        text text,                                                       -- full-text words, or null
        filters jsonb NOT NULL,                                          -- the search page's filters as given
        created_by text, created_at timestamptz NOT NULL,
        seen_feed_seq bigint NOT NULL                                    -- matches up to this feed position are seen
      );
      CREATE TABLE notes (
        id bigserial PRIMARY KEY,
        target_kind text NOT NULL,                                       -- 'entity' or 'event'
        target_id text NOT NULL,
        text text NOT NULL, author text NOT NULL, created_at timestamptz NOT NULL
      );
      CREATE INDEX notes_target ON notes (target_kind, target_id, id);
    `,
  },
  {
    version: 12,
    name: 'input fingerprints on article sources, so an unchanged input is skipped before cleaning',
    sql: `
      ALTER TABLE article_sources ADD COLUMN input_hash text;   -- sha-256 of what the reader handed over
      ALTER TABLE article_sources ADD COLUMN run_key text;      -- pipeline signature and genre settings of that read
      ALTER TABLE article_sources ADD COLUMN pipeline text;     -- the article's pipeline as that read saved it
      CREATE INDEX article_sources_source ON article_sources (source);
    `,
  },
  {
    version: 13,
    name: 'store revision: one counter every write transaction moves, so a cache can tell a change by another process',
    sql: `
      -- One row, raised by one as the last statement of every write transaction (see postgres-store.ts): readers see
      -- it move exactly when a change commits, unlike a sequence, which moves before the change is visible.
      CREATE TABLE store_revision (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        revision bigint NOT NULL
      );
      INSERT INTO store_revision (id, revision) VALUES (true, 0);
    `,
  },
  {
    version: 14,
    name: "lists in page order: an entity's articles newest first, merged events in timeline order",
    sql: `
      -- The search page's order (newest first, undated last): a page of the articles naming an entity is the first
      -- rows of one index range, where the planner otherwise walked every article newest first looking for them.
      CREATE INDEX entity_articles_newest ON entity_articles (entity_id, published_at DESC NULLS LAST, article_seq DESC);
      -- listEvents' order (undated last, then by window, then id): a timeline page or an export's page of 500 reads
      -- the index instead of sorting every merged event (13k on the 20k bench store, once per page).
      CREATE INDEX merged_events_order ON merged_events ((window_start = ''), window_start, window_end, id);
    `,
  },
  {
    version: 15,
    name: 'entities by name key: the type evidence every entity page shows',
    sql: `
      -- entityTypeEvidence counts the entities sharing a name key on every entity page: without an index, a scan of
      -- every entity (8 ms at 2.8k entities under load; a store of real news holds tens of thousands).
      CREATE INDEX entities_name_key ON entities (name_key);
    `,
  },
  {
    version: 16,
    name: 'the map: located events by position, and the most reported first',
    sql: `
      -- listMapCells groups the located events by grid cell from this index alone (a box is one range of it), and the
      -- map's table of the most reported events reads the next one in order instead of sorting 13k events.
      CREATE INDEX merged_events_map ON merged_events (lat, lon) INCLUDE (plover_type, place_name) WHERE lat IS NOT NULL AND lon IS NOT NULL;
      CREATE INDEX merged_events_map_order ON merged_events (report_count DESC, window_start DESC, id) WHERE lat IS NOT NULL AND lon IS NOT NULL;
    `,
  },
  {
    version: 17,
    name: 'the kind of each claim (assertion, desire, evaluation): every kind stored, assertions listed by default',
    // Until now only assertions had rows: the adapter's backfill for version 17 rewrites every article's claim rows
    // from its stored claims layer (claim-rows.ts decides them), so wishes and judgements already annotated get rows.
    sql: `
      ALTER TABLE claims ADD COLUMN kind text NOT NULL DEFAULT 'assertion';   -- 'assertion', 'desire' or 'evaluation'
      -- The claims list keeps one kind (assertions unless asked) in claim order: one index range.
      CREATE INDEX claims_kind_order ON claims (kind, published_at ASC NULLS FIRST, article_seq, ordinal);
    `,
  },
  {
    version: 18,
    name: 'passage keys and text reuse: a rewrite or cut copy is its original\'s line of evidence',
    sql: `
      -- Sampled hashes of unquoted 8-word shingles (text-reuse/passageKeys): which stored articles share passages.
      CREATE TABLE passage_keys (
        key bigint NOT NULL,
        article_id text NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (key, article_id)
      );
      CREATE INDEX passage_keys_article ON passage_keys (article_id);
      -- One row per direction of a linked pair: the aligned passages, and whether article_id is the copy.
      CREATE TABLE text_reuse (
        article_id text NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        other_id text NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        is_copy boolean NOT NULL,
        passages jsonb NOT NULL,
        PRIMARY KEY (article_id, other_id)
      );
      CREATE INDEX text_reuse_other ON text_reuse (other_id);
    `,
  },
  {
    version: 19,
    name: 'search vectors kept in the article row: ranking reads no TOAST',
    sql: `
      -- Ranking a word search scores every match of its tier (up to RANK_TIER = 5,000) with ts_rank. The row of an
      -- article is over the 2 KB TOAST threshold, and PostgreSQL moved its largest value, the tsvector (which pglz
      -- barely shrinks), to the TOAST table: every score was a TOAST index look-up and chunk read, 25 ms for the
      -- 1,033 matches of one common word on the 20k bench store. MAIN keeps it in the row (moved out only past a
      -- page), and the body goes to TOAST first instead: bodies are read for a page of hits only.
      ALTER TABLE articles ALTER COLUMN search SET STORAGE MAIN;
      -- Rows already stored keep their layout until rewritten: CLUSTER rewrites the table (in insertion order, as
      -- it is) under the new storage, in this transaction.
      CLUSTER articles USING articles_seq_key;
    `,
  },
  {
    version: 20,
    name: 'passage keys of the articles stored before migration 18',
    // No table changes: the adapter's backfill for version 20 writes the passage keys of every article that has
    // none, so an article saved later finds the passages it shares with them.
    sql: 'SELECT 1',
  },
  {
    version: 21,
    name: 'claims by stance in claim order: a brief\'s denied and unacknowledged claims read one index range',
    sql: `
      -- A listing by stance (a brief's contested claims, the claims page's stance filter) need not walk every claim
      -- of the kind in claim order to find the few denied ones (as SQLite's migration 21).
      CREATE INDEX claims_stance_order ON claims (stance, kind, published_at ASC NULLS FIRST, article_seq, ordinal);
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
      ALTER TABLE event_observations ADD COLUMN place jsonb;
    `,
  },
];

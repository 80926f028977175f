/**
 * The storage interface every adapter implements (SQLite embedded, PostgreSQL shared). Methods are
 * async so a networked adapter fits without changing callers. One article is saved in one transaction.
 */
import type { CorroborationStatus, EventReport } from '../corpus/corroborate/index.js';
import type { CopyLinks } from '../corpus/cross-article/index.js';
import type { EntityLink, KnownEntity, NameTypeCount } from '../corpus/link-entities/index.js';
import type { ObservedEvent } from '../corpus/observe/index.js';
import type { ClaimKind, Doc, EntityKind, LayerName, MentionType, SourceKind, Stance } from '../model/index.js';
import type { SnippetPassage } from './snippet.js';
import type { SavedSearchStore } from './saved-searches.js';
import type { EntityOverridesPort } from './entity-overrides.js';

export type { SnippetPassage } from './snippet.js';
export type { NewNote, NewSavedSearch, Note, NoteTargetKind, SavedSearch, SavedSearchStore } from './saved-searches.js';
export type * from './entity-overrides.js';

/** What saving an article did. */
export type SaveOutcome =
  /** A new article. */
  | 'inserted'
  /** Same body already stored by the same pipeline: nothing changed but the extra source was recorded. */
  | 'duplicate'
  /** Same body stored by an older pipeline: its layers were replaced. */
  | 'updated';

/** An article row as stored, with its layers as stored JSON. */
export interface StoredArticle {
  readonly id: string;
  readonly source: string;
  readonly sources: readonly string[];
  readonly format: string;
  readonly url: string | null;
  readonly outlet: string | null;
  readonly title: string | null;
  readonly byline: string | null;
  readonly publishedAt: string | null;
  readonly language: string;
  readonly body: string;
  readonly paragraphs: readonly { start: number; end: number }[];
  readonly comments: readonly { author?: string; postedAt?: string; text: string; replyTo?: number }[];
  readonly captions: readonly { text: string; credit?: string; occurrences: number }[];
  readonly boilerplate: readonly string[];
  readonly pipeline: string;
  readonly ingestedAt: string;
  /** Stored layers by name (tokens are not stored: they are cheap to recompute and large). */
  readonly layers: Readonly<Record<string, unknown>>;
}

/**
 * Which articles a search or listing keeps. Every filter given must hold (AND). Event filters (type, status)
 * hold when one event the article reports has both; place and country hold when the article names the place
 * (a gazetteer id or a place name, any case) or any place in the country.
 */
export interface ArticleFilter {
  /** Canonical entity the article names. */
  readonly entityId?: string;
  /** PLOVER type of an event the article reports (e.g. ASSAULT). */
  readonly ploverType?: string;
  /** Corroboration status of an event the article reports. */
  readonly status?: CorroborationStatus;
  /** A gazetteer id ("geonames:98182") or a place name ("Baghdad"). */
  readonly place?: string;
  /** ISO 3166-1 alpha-2 code of a place the article names. */
  readonly country?: string;
  /** Publication date bounds, inclusive, as ISO prefixes compared as strings ("2024-11", "2024-11-08"). */
  readonly from?: string;
  readonly to?: string;
  /** The outlet, any case. */
  readonly outlet?: string;
  /** Only articles given a feed position after this one: new since a saved search was last seen (see saved-searches.ts). */
  readonly afterFeedSeq?: number;
}

export interface SearchQuery {
  /** Words to match; without words, the filtered articles are listed newest first (their openings as snippets). */
  readonly text?: string;
  readonly filter?: ArticleFilter;
  /** false: hits without snippets (empty), for callers that only need the articles — much cheaper on long lists. */
  readonly withSnippets?: boolean;
  /** Without words: oldest first (a timeline's order: by publication date, then as stored; undated last) instead of newest first. */
  readonly isOldestFirst?: boolean;
  /**
   * Newest stored first, with or without words, unranked (score 0): the alerts' order. The walk stops at the page's
   * end, so its cost follows the page, not the number of matches (ranking scores every match).
   */
  readonly isNewestStoredFirst?: boolean;
  readonly limit?: number;
  readonly offset?: number;
}

export interface SearchHit {
  readonly id: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly publishedAt: string | null;
  /** The matching passage with hits wrapped in [ and ], for plain-text display (the article may contain brackets too). */
  readonly snippet: string;
  /** The same passage as plain text with the offsets of its hits: unambiguous, for highlighting. */
  readonly passage: SnippetPassage;
  readonly score: number;
}

export interface ArticleSummary {
  readonly id: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly publishedAt: string | null;
  readonly source: string;
  readonly language: string;
  readonly bodyChars: number;
}

export interface StoreStats {
  readonly articles: number;
  readonly sources: number;
  readonly mentions: number;
  readonly entities: number;
  readonly events: number;
  readonly syndicationGroups: number;
  readonly byLanguage: Readonly<Record<string, number>>;
  readonly byOutlet: Readonly<Record<string, number>>;
  readonly schemaVersion: number;
}

/**
 * What identifies one read of an input: the hash of what the reader handed over (content, format and the container's
 * hints) and the run key (pipeline signature and genre settings). A source read again with the same fingerprint,
 * whose article still carries the pipeline saved with it, is unchanged and need not be cleaned or annotated again.
 */
export interface InputFingerprint {
  readonly inputHash: string;
  readonly runKey: string;
}

/** Cross-article results saved in the same transaction as the article. */
export interface ArticleLinks {
  readonly entities?: readonly EntityLink[];
  /** The article's near-duplicate fingerprint, group and links, decided before saving. */
  readonly syndication?: SyndicationLinks;
  /** Event observations to merge into corpus-level events (incrementally, in the same transaction). */
  readonly events?: readonly ObservedEvent[];
}

/** The article's near-duplicate fingerprint, group and links (the cross-article rules' CopyLinks). */
export type SyndicationLinks = CopyLinks;

/** A stored article that shares a MinHash band with a new one. */
export interface SyndicationCandidate {
  readonly articleId: string;
  readonly signature: Uint32Array;
  readonly group: string;
}

/** A user's PETRARCH-format dictionary kept in the store, so every later ingest codes with it. */
export interface StoredDictionary {
  readonly file: string;
  readonly kind: 'actors' | 'agents' | 'verbs' | 'discards';
  readonly text: string;
  readonly entries: number;
  readonly importedAt: string;
}

/** Two entities named together, with the number of articles that name both (a < b). */
export interface Cooccurrence {
  readonly a: string;
  readonly b: string;
  readonly articles: number;
  readonly aName: string;
  readonly aType: MentionType;
  readonly bName: string;
  readonly bType: MentionType;
}

export interface CooccurrenceQuery {
  readonly minArticles?: number;
  /** Default 200, at most 5000. */
  readonly limit?: number;
  /** Only pairs with this entity on one side. */
  readonly entityId?: string;
  /** Only pairs with both sides among these entities (e.g. the nodes of a graph). */
  readonly among?: readonly string[];
}

/** An article entity's saved link to its canonical entity. */
export interface ArticleEntityLink {
  readonly docEntityId: string;
  readonly entityId: string;
  /** The canonical entity's display name. */
  readonly name: string;
  /** Why the linker chose it. */
  readonly reason: string;
}

/** A merged event as listed on a timeline. */
export interface MergedEventRow {
  readonly id: string;
  readonly ploverType: string;
  readonly cameo: string | null;
  readonly windowStart: string;
  readonly windowEnd: string;
  /** 'day', 'week', 'month', 'year' or 'range', from the window's length. */
  readonly datePrecision: string;
  readonly place: { name: string; lat: number | null; lon: number | null; countryCode: string | null } | null;
  readonly sourceIds: readonly string[];
  readonly targetIds: readonly string[];
  readonly status: CorroborationStatus;
  readonly explanation: string;
  readonly assertingOrigins: number;
  readonly hasAnonymousOrigin: boolean;
  readonly reportCount: number;
  readonly articleCount: number;
  /** One sentence that states it, from the earliest article. */
  readonly summary: string;
}

/** A merged event with every observation and report, each traced to its sentence. */
export interface MergedEventDetail extends MergedEventRow {
  readonly observations: readonly {
    articleId: string; mentionId: string; title: string | null; outlet: string | null; publishedAt: string | null;
    modality: string; timeValue: string | null; counts: Record<string, number>;
    /** Why it joined the event (the deciding evidence), or ["first report"]; and how strongly (0 for a first report). */
    reasons: readonly string[]; score: number;
    evidence: { start: number; end: number; text: string };
    /** The place this report gives the event (the article's place as it is now), or null. */
    place: { name: string; lat: number | null; lon: number | null; countryCode: string | null } | null;
  }[];
  readonly reports: readonly (EventReport & { mentionId: string })[];
  readonly countAlternatives: Record<string, Record<string, string[]>>;
  readonly actors: readonly { id: string; name: string; role: 'source' | 'target' }[];
}

export interface EventQuery {
  /** Canonical entity id taking part (as source or target). */
  readonly entityId?: string;
  /** Only these events (e.g. the few a view kept after ranking listEventKeys' rows). */
  readonly ids?: readonly string[];
  readonly from?: string;
  readonly to?: string;
  /**
   * Bounds on where the window starts (inclusive, compared as strings), where `from`/`to` ask that the window meet a
   * range: a timeline lists an event at its window's start. `startTo: ''` keeps the undated events alone.
   */
  readonly startFrom?: string;
  readonly startTo?: string;
  readonly status?: CorroborationStatus;
  readonly ploverType?: string;
  /** Only events observed in these articles (e.g. the hits of a full-text query). */
  readonly articleIds?: readonly string[];
  /** Only events with coordinates (the map's events). */
  readonly isLocated?: boolean;
  /** Only events placed inside this box (the map's visible extent); implies isLocated. */
  readonly area?: MapArea;
  /** Only events placed in these cells of a map grid (a cluster the map drew); implies isLocated. */
  readonly cells?: MapCells;
  readonly limit?: number;
  readonly offset?: number;
}

/**
 * What a view ranks merged events by (listEventKeys): their type, actors, start and report counts, without the
 * summary and article count whose per-event subqueries made reading 2,000 full rows the graph's main cost.
 */
export interface EventKeyRow {
  readonly id: string;
  readonly ploverType: string;
  readonly windowStart: string;
  readonly sourceIds: readonly string[];
  readonly targetIds: readonly string[];
  readonly reportCount: number;
  readonly assertingOrigins: number;
}

/** Who a claim comes from and whom it names (listClaimLinks): its chain's entity ids and its entity ids, no text. */
export interface ClaimLinkRow {
  readonly id: string;
  /** The chain's sources' canonical entity ids in chain order (null for a source linked to none). */
  readonly chainEntityIds: readonly (string | null)[];
  /** As StoredClaim.entityIds. */
  readonly entityIds: readonly string[];
}

/** Most rows listEventKeys and listClaimLinks return at once. */
export const MAX_KEY_ROWS = 5000;

/**
 * A located merged event as the map draws it (listMapEvents): its summary but not its actors, article count or
 * explanation, whose columns and subquery doubled the cost of reading 5,000 of them.
 */
export interface MapEventRow {
  readonly id: string;
  readonly ploverType: string;
  readonly status: CorroborationStatus;
  readonly place: { readonly name: string; readonly lat: number; readonly lon: number; readonly countryCode: string | null };
  readonly windowStart: string;
  readonly reportCount: number;
  /** The first report's sentence (as MergedEventRow's). */
  readonly summary: string;
}

/** A box of latitude and longitude in degrees, bounds included; west ≤ east (the map does not wrap the antimeridian). */
export interface MapArea {
  readonly south: number;
  readonly west: number;
  readonly north: number;
  readonly east: number;
}

/**
 * Some cells of the map's grid: squares of `cellDegrees` degrees, row r covering latitudes from -90 + r·d (included)
 * to -90 + (r + 1)·d, column c longitudes from -180 + c·d; `keys` are [row, col] pairs as listMapCells returned them.
 */
export interface MapCells {
  readonly cellDegrees: number;
  readonly keys: readonly (readonly [row: number, col: number])[];
}

/** Most cells a MapCells filter may name. */
export const MAX_MAP_CELL_KEYS = 400;

/** Most place names a map cell lists (the commonest); placeCount says how many it has in all. */
export const MAP_CELL_PLACES = 3;

/**
 * The located events of one cell of the map's grid, aggregated by the store (listMapCells): how many, where on
 * average, of which types and at which places, so that a map of 13k events sends a few hundred cells.
 */
export interface MapCellRow {
  readonly row: number;
  readonly col: number;
  readonly events: number;
  /** The mean position of its events. */
  readonly lat: number;
  readonly lon: number;
  /** Its events by PLOVER type, commonest first (ties by type). */
  readonly types: readonly { readonly type: string; readonly events: number }[];
  /** Its commonest place names (at most MAP_CELL_PLACES), commonest first (ties by name). */
  readonly places: readonly { readonly name: string; readonly events: number }[];
  /** How many place names its events have. */
  readonly placeCount: number;
}

/** The columns of a MapEventRow (merged_events `m`), before its summary. */
export const MAP_EVENT_COLUMNS = 'm.id, m.plover_type, m.status, m.place_name, m.lat, m.lon, m.country_code, m.window_start, m.report_count';

/** Most events listMapEvents returns. */
export const MAX_MAP_EVENT_ROWS = 5000;

/** The map's order of events (both stores): most reported, then latest window, then id. */
export const MAP_EVENT_ORDER = 'm.report_count DESC, m.window_start DESC, m.id';

/** The length of the periods events are counted by. */
export type EventPeriod = 'year' | 'month' | 'day';

/** How many characters of a window's start date (YYYY-MM-DD) name its period. */
export const PERIOD_CHARS: Readonly<Record<EventPeriod, number>> = { year: 4, month: 7, day: 10 };

/** Id prefixes of entities linked by name and type (`org:<name key>`), as corpus/link-entities makes them. */
export const NAME_TYPE_PREFIXES = ['per', 'org', 'loc', 'misc'] as const;

/** Orders a name's type counts: most mentions first, then by type, so both adapters agree. */
export const byMentions = (a: NameTypeCount, b: NameTypeCount): number => b.mentions - a.mentions || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0);

/** How many merged events of one type start in one period ('' for undated events). */
export interface EventPeriodCount {
  readonly period: string;
  readonly ploverType: string;
  readonly events: number;
}

/** How countEventsByPeriod counts. */
export interface EventPeriodOptions {
  /**
   * false: one row per period, all types together (ploverType ''): what a timeline's strip needs, and a sixth of
   * the cost of counting per day and type over a 20k-article store (13k events, 10k day-and-type rows).
   */
  readonly byType?: boolean;
}

/** How many articles were published in one period ('' for undated articles). */
export interface ArticlePeriodCount {
  readonly period: string;
  readonly articles: number;
}

/** A canonical entity across the corpus. */
export interface CanonicalEntity {
  readonly id: string;
  readonly name: string;
  readonly type: MentionType;
  readonly kind: EntityKind;
  readonly country: string | null;
  readonly kbId: string | null;
  readonly articleCount: number;
  readonly mentionCount: number;
}

/** One canonical entity with everything the store knows of it. */
export interface EntityDetail extends CanonicalEntity {
  readonly aliases: readonly { alias: string; count: number }[];
  readonly roles: readonly { title: string; organisation: string | null; from: string | null; to: string | null; articleId: string; start: number; end: number }[];
  /** The requested page of its articles (all of them unless EntityArticlesPage says otherwise), oldest first. */
  readonly articles: readonly { articleId: string; title: string | null; outlet: string | null; publishedAt: string | null; mentionCount: number; reason: string }[];
  /** How many articles name it (the length of the unpaged list). */
  readonly articlesTotal: number;
  /** Over all its articles, not only the page. */
  readonly mentionsByOutlet: Readonly<Record<string, number>>;
}

/** Which of an entity's articles getEntity returns. */
export interface EntityArticlesPage {
  /** Default: every article. */
  readonly articlesLimit?: number;
  readonly articlesOffset?: number;
}

export interface EntityQuery {
  readonly type?: MentionType;
  /**
   * Matches names and aliases from a word start, ignoring case: "ndj" and "guillaume nd" find "Guillaume
   * Ndjike", "shab" finds "al-Shabaab" (an indexed prefix search, not a substring scan).
   */
  readonly search?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** One source in a stored claim's chain, its entity resolved to the canonical entity when linked. */
export interface StoredClaimSource {
  readonly kind: SourceKind;
  readonly name: string;
  /** Canonical entity id, when the source is a linked entity. */
  readonly entityId: string | null;
  readonly role: string | null;
  readonly nationality: string | null;
  readonly count: number | 'multiple' | null;
  readonly span: { readonly start: number; readonly end: number } | null;
}

/** A text span of a stored article, with its text. */
export interface QuotedSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A claim as stored: who says what (chain outermost first), with what stance, traced to its sentence. */
export interface StoredClaim {
  /** `<articleId>:<claim id in the article>`. */
  readonly id: string;
  readonly articleId: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly publishedAt: string | null;
  /** 'assertion' (a statement of fact), 'desire' (a wish, demand or intention) or 'evaluation' (a judgement). */
  readonly kind: ClaimKind;
  readonly stance: Stance;
  readonly isDirectQuote: boolean;
  readonly isHedged: boolean;
  /** The origin (last in the chain) is an unnamed source. */
  readonly isAnonymous: boolean;
  readonly chain: readonly StoredClaimSource[];
  /** The sentence(s) that carry the claim. */
  readonly evidence: QuotedSpan;
  /** What is claimed. */
  readonly content: QuotedSpan;
  /** The reporting verb or phrase ("said", "according to"). */
  readonly cue: QuotedSpan | null;
  /** Merged events the claim reports, with their current status. */
  readonly events: readonly { readonly id: string; readonly ploverType: string; readonly status: CorroborationStatus }[];
  /** The claim (id as above) this one answers, for a denial or confirmation in the same article. */
  readonly respondsTo: string | null;
  /** Canonical entities in the chain or named in what is claimed. */
  readonly entityIds: readonly string[];
}

/** A claim with the claims that answer it. */
export interface StoredClaimDetail extends StoredClaim {
  readonly responses: readonly StoredClaim[];
}

/** Filters of the claim list; claims are listed oldest article first, in article order. */
export interface ClaimQuery {
  /** Canonical entity in the chain or named in the content. */
  readonly entityId?: string;
  readonly articleId?: string;
  /** Merged event the claim reports. */
  readonly eventId?: string;
  readonly stance?: Stance;
  /**
   * Kinds kept; absent or empty: assertions only, the statements of fact that corroboration, the graph's
   * 'claimed-about' links and briefs read. Wishes ('desire') and judgements ('evaluation') are listed when asked for.
   */
  readonly kinds?: readonly ClaimKind[];
  /** true: only claims from unnamed sources; false: only named ones. */
  readonly isAnonymous?: boolean;
  readonly outlet?: string;
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** A value a filter can take, with how many articles have it. */
export interface FacetValue {
  readonly value: string;
  readonly count: number;
}

/** The values the search filters can take in this store, most frequent first. */
export interface SearchFacets {
  readonly outlets: readonly FacetValue[];
  /** PLOVER types of merged events, counted in events. */
  readonly eventTypes: readonly FacetValue[];
  /** Alpha-2 codes of the places articles name. */
  readonly countries: readonly FacetValue[];
}

/** Which places a place overview covers. */
export interface PlaceQuery {
  /** Only the places named in this canonical entity's articles. */
  readonly entityId?: string;
  /** Most places listed (most named first); default 500, at most 2000. */
  readonly limit?: number;
  /**
   * How many of the listed places (most named first) carry their newest articles; the rest carry none. Default: all.
   * One look-up per place was half the cost of an entity's map (500 places); the map links the rest to a search.
   */
  readonly sampledPlaces?: number;
}

/** A resolved place with how often the corpus names it. */
export interface PlaceSummary {
  /** Gazetteer id (or name key for a place resolved without one). */
  readonly key: string;
  readonly name: string;
  readonly countryCode: string | null;
  readonly lat: number;
  readonly lon: number;
  readonly precision: string | null;
  readonly articleCount: number;
  readonly mentionCount: number;
  /** Up to five of its articles, newest first. */
  readonly articles: readonly { readonly id: string; readonly title: string | null }[];
}

/** The places the corpus (or one entity's articles) names, from the index kept at save time. */
export interface PlaceOverview {
  readonly places: readonly PlaceSummary[];
  /** Place mentions the gazetteer could not resolve (not drawn). */
  readonly unresolvedMentions: number;
}

/** An open batch of saves (Store.openSaveBatch): every article saved since it opened is committed or rolled back together. */
export interface SaveBatch {
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

/** Everything callers may do with a store (saved searches and notes: SavedSearchStore; entity corrections: EntityOverridesPort). */
export interface Store extends SavedSearchStore, EntityOverridesPort {
  readonly kind: 'sqlite' | 'postgres';
  /** Applies pending migrations; returns the schema version now in force. */
  migrate(): Promise<number>;
  /**
   * An opaque mark of the store's content: it changes whenever a change is committed, through this handle or by
   * any other process on the same database, and holds while nothing is written (reads never move it). Cheap (one
   * pragma or one row), so a cache of answers can check it on every request (api/view-cache.ts).
   */
  revision(): Promise<string>;
  /** Saves a processed Doc and its layers in one transaction; idempotent by article id. */
  saveArticle(doc: Doc, pipeline: string, links?: ArticleLinks, input?: InputFingerprint): Promise<SaveOutcome>;
  /** True when `source` was last saved with this fingerprint and its article still holds what that save stored. */
  isInputUnchanged(source: string, input: InputFingerprint): Promise<boolean>;
  /**
   * Optional (SQLite): opens one write transaction that the following saveArticle calls join, each inside its own
   * savepoint (an article that fails rolls back alone; a crash loses the whole open batch, never part of an
   * article), until the batch is committed or rolled back. Saving many small articles this way pays the COMMIT
   * (WAL write, FTS flush) once per batch.
   */
  openSaveBatch?(): Promise<SaveBatch>;
  hasArticle(id: string): Promise<boolean>;
  /** Ids of the articles whose address is on this host (lower case, "www.alligator.org"), sorted. */
  articleIdsFromHost(host: string): Promise<string[]>;
  /** By full id or unique id prefix. */
  getArticle(idOrPrefix: string): Promise<StoredArticle | undefined>;
  /**
   * Articles by full id, in the order asked (unknown ids left out), each as getArticle returns it but with only
   * the layers named in `options.layers` (all when not given): a few queries per 500 ids, for exports.
   */
  getArticles(ids: readonly string[], options?: { readonly layers?: readonly LayerName[] }): Promise<StoredArticle[]>;
  listArticles(options?: { limit?: number; offset?: number }): Promise<ArticleSummary[]>;
  /** How many articles are stored (cheap: no stats()). */
  countArticles(): Promise<number>;
  /** The saved links of an article's entities to canonical entities, by doc entity id (as text). */
  articleEntityLinks(articleId: string): Promise<ArticleEntityLink[]>;
  /** Full-text search (or, without words, a filtered listing newest first). */
  search(query: SearchQuery): Promise<SearchHit[]>;
  /**
   * Articles the filter keeps counted by the period (year, month or day: the first 4, 7 or 10 characters of the
   * publication date) they were published in, oldest period first; undated articles under the period ''.
   */
  countArticlesByPeriod(filter: ArticleFilter, period: EventPeriod): Promise<ArticlePeriodCount[]>;
  /** Resolved places with their article and mention counts, most named first (a map's points). */
  listPlaces(query?: PlaceQuery): Promise<PlaceOverview>;
  /** What the search filters can take (at most 200 values each). */
  searchFacets(): Promise<SearchFacets>;
  /** Claims, filtered, oldest article first. */
  listClaims(query?: ClaimQuery): Promise<StoredClaim[]>;
  /**
   * The claims listClaims would list (same filters, order and paging, but a limit of up to MAX_KEY_ROWS), each as
   * the entities it links: no article body, text or events read.
   */
  listClaimLinks(query?: ClaimQuery): Promise<ClaimLinkRow[]>;
  /** How many claims match the filters of `query` (its limit and offset are ignored). */
  countClaims(query?: ClaimQuery): Promise<number>;
  /** One claim by `<articleId>:<claimId>`, with the claims in its article that answer it. */
  getClaim(id: string): Promise<StoredClaimDetail | undefined>;
  stats(): Promise<StoreStats>;
  /** Full-name people whose surname key is one of `surnameKeys`, for linking a bare surname. */
  findPeopleBySurname(surnameKeys: readonly string[]): Promise<Map<string, KnownEntity[]>>;
  /**
   * How the corpus has typed each name key so far: the linked entities `per:`/`org:`/`loc:`/`misc:` + key that
   * some article still names, by type, most mentions first (knowledge-base and gazetteer entities are not counted).
   * Every asked key is in the map, with [] when unknown.
   */
  entityTypesByName(nameKeys: readonly string[]): Promise<Map<string, NameTypeCount[]>>;
  listEntities(query?: EntityQuery): Promise<CanonicalEntity[]>;
  /** Stored articles sharing any of these MinHash band keys. */
  findSyndicationCandidates(bandKeys: readonly string[]): Promise<SyndicationCandidate[]>;
  /** Merged events in time order (a timeline), filtered. */
  listEvents(query?: EventQuery): Promise<MergedEventRow[]>;
  /**
   * The events listEvents would list (same filters, order and paging, but a limit of up to MAX_KEY_ROWS), as the
   * keys a view ranks them by: one read without per-event subqueries.
   */
  listEventKeys(query?: EventQuery): Promise<EventKeyRow[]>;
  /**
   * The map's events: those of `query` with coordinates, the most reported first (then the latest window, then id),
   * at most `limit` (1–MAX_MAP_EVENT_ROWS) from `offset` (default 0) in one read; `query`'s own limit and offset are
   * ignored. Paging listEvents for them sorted every located event once per page (ten sorts of 13k rows for a
   * 20k-article store's map).
   */
  listMapEvents(query: EventQuery, limit: number, offset?: number): Promise<MapEventRow[]>;
  /**
   * The located events of `query` (its area and cells too) aggregated into the cells of a grid of `cellDegrees`
   * degrees (see MapCells), ordered by row then column: one pass over the events in scope, in the store.
   */
  listMapCells(query: EventQuery, cellDegrees: number): Promise<MapCellRow[]>;
  /** How many merged events match the filters of `query` (its limit and offset are ignored). */
  countEvents(query?: EventQuery): Promise<number>;
  /**
   * Merged events matching `query` counted by PLOVER type (all together with `options.byType` false) and by the
   * period (year, month or day) their window starts in, oldest period first; undated events are counted under the
   * period ''.
   */
  countEventsByPeriod(query: EventQuery, period: EventPeriod, options?: EventPeriodOptions): Promise<EventPeriodCount[]>;
  getEvent(id: string): Promise<MergedEventDetail | undefined>;
  /**
   * The events of these ids, in the order asked, each as getEvent returns it; ids of no event are left out. A few
   * queries per call whatever the number of ids (an export reads 500 events at a time), not a few per event.
   */
  getEvents(ids: readonly string[]): Promise<MergedEventDetail[]>;
  /**
   * The user's decision that event `otherId` is event `targetId`: its observations move over, and the decision is
   * kept so that re-ingesting either article merges them again. UsageError when either event is unknown.
   */
  mergeEvents(targetId: string, otherId: string): Promise<void>;
  /**
   * The user's decision that one observation of an event reports another event: it moves to an event of its own
   * (whose id is returned), kept apart from the others on re-ingest. UsageError when it is not in that event.
   */
  splitEvent(eventId: string, observation: { readonly articleId: string; readonly mentionId: string }): Promise<string>;
  /** Adds or replaces (by file) an imported dictionary. */
  saveDictionary(dictionary: Omit<StoredDictionary, 'importedAt'>): Promise<void>;
  listDictionaries(): Promise<StoredDictionary[]>;
  /**
   * Pairs of canonical entities named in the same articles, weighted by the number of such articles, strongest
   * first. Kept up to date at save time; each article contributes the pairs of its 30 most mentioned entities.
   */
  listCooccurrences(query?: CooccurrenceQuery): Promise<Cooccurrence[]>;
  /** By canonical id, or by exact name/alias (case-insensitive; the most mentioned wins), with a page of its articles. */
  getEntity(idOrName: string, page?: EntityArticlesPage): Promise<EntityDetail | undefined>;
  /**
   * The entity getEntity finds for `idOrName`, without its aliases, roles, articles or outlets: one indexed look-up,
   * for callers that need only its id, name or type (a search or claim filter, a note's target, a view's entity).
   */
  findEntity(idOrName: string): Promise<CanonicalEntity | undefined>;
  close(): Promise<void>;
}

/**
 * The storage interface every adapter implements (SQLite embedded, PostgreSQL shared). Methods are
 * async so a networked adapter fits without changing callers. One article is saved in one transaction.
 */
import type { CorroborationStatus, EventReport } from '../corpus/corroborate/index.js';
import type { EntityLink, KnownEntity } from '../corpus/link-entities/index.js';
import type { ObservedEvent } from '../corpus/observe/index.js';
import type { Doc, EntityKind, MentionType } from '../model/index.js';
import type { SnippetPassage } from './snippet.js';

export type { SnippetPassage } from './snippet.js';

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

export interface SearchQuery {
  readonly text: string;
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

/** Cross-article results saved in the same transaction as the article. */
export interface ArticleLinks {
  readonly entities?: readonly EntityLink[];
  /** The article's near-duplicate fingerprint, group and links, decided before saving. */
  readonly syndication?: SyndicationLinks;
  /** Event observations to merge into corpus-level events (incrementally, in the same transaction). */
  readonly events?: readonly ObservedEvent[];
}

export interface SyndicationLinks {
  readonly signature: Uint32Array;
  readonly bandKeys: readonly string[];
  /** The group id shared by an article and its near-duplicates (the earliest stored member's id). */
  readonly group: string;
  readonly duplicates: readonly { articleId: string; similarity: number }[];
}

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
    modality: string; timeValue: string | null; counts: Record<string, number>; reasons: readonly string[];
    evidence: { start: number; end: number; text: string };
  }[];
  readonly reports: readonly (EventReport & { mentionId: string })[];
  readonly countAlternatives: Record<string, Record<string, string[]>>;
  readonly actors: readonly { id: string; name: string; role: 'source' | 'target' }[];
}

export interface EventQuery {
  /** Canonical entity id taking part (as source or target). */
  readonly entityId?: string;
  readonly from?: string;
  readonly to?: string;
  readonly status?: CorroborationStatus;
  readonly ploverType?: string;
  /** Only events observed in these articles (e.g. the hits of a full-text query). */
  readonly articleIds?: readonly string[];
  readonly limit?: number;
  readonly offset?: number;
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

/** Everything callers may do with a store. */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Applies pending migrations; returns the schema version now in force. */
  migrate(): Promise<number>;
  /** Saves a processed Doc and its layers in one transaction; idempotent by article id. */
  saveArticle(doc: Doc, pipeline: string, links?: ArticleLinks): Promise<SaveOutcome>;
  hasArticle(id: string): Promise<boolean>;
  /** By full id or unique id prefix. */
  getArticle(idOrPrefix: string): Promise<StoredArticle | undefined>;
  listArticles(options?: { limit?: number; offset?: number }): Promise<ArticleSummary[]>;
  /** How many articles are stored (cheap: no stats()). */
  countArticles(): Promise<number>;
  /** The saved links of an article's entities to canonical entities, by doc entity id (as text). */
  articleEntityLinks(articleId: string): Promise<ArticleEntityLink[]>;
  search(query: SearchQuery): Promise<SearchHit[]>;
  stats(): Promise<StoreStats>;
  /** Full-name people whose surname key is one of `surnameKeys`, for linking a bare surname. */
  findPeopleBySurname(surnameKeys: readonly string[]): Promise<Map<string, KnownEntity[]>>;
  listEntities(query?: EntityQuery): Promise<CanonicalEntity[]>;
  /** Stored articles sharing any of these MinHash band keys. */
  findSyndicationCandidates(bandKeys: readonly string[]): Promise<SyndicationCandidate[]>;
  /** Merged events in time order (a timeline), filtered. */
  listEvents(query?: EventQuery): Promise<MergedEventRow[]>;
  /** How many merged events match the filters of `query` (its limit and offset are ignored). */
  countEvents(query?: EventQuery): Promise<number>;
  getEvent(id: string): Promise<MergedEventDetail | undefined>;
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
  close(): Promise<void>;
}

/**
 * The storage interface every adapter implements (SQLite embedded, PostgreSQL shared). Methods are
 * async so a networked adapter fits without changing callers. One article is saved in one transaction.
 */
import type { Doc } from '../model/index.js';

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
  /** The matching passage with hits wrapped in [ and ]. */
  readonly snippet: string;
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
  readonly byLanguage: Readonly<Record<string, number>>;
  readonly byOutlet: Readonly<Record<string, number>>;
  readonly schemaVersion: number;
}

/** Everything callers may do with a store. */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Applies pending migrations; returns the schema version now in force. */
  migrate(): Promise<number>;
  /** Saves a processed Doc and its layers in one transaction; idempotent by article id. */
  saveArticle(doc: Doc, pipeline: string): Promise<SaveOutcome>;
  hasArticle(id: string): Promise<boolean>;
  /** By full id or unique id prefix. */
  getArticle(idOrPrefix: string): Promise<StoredArticle | undefined>;
  listArticles(options?: { limit?: number; offset?: number }): Promise<ArticleSummary[]>;
  search(query: SearchQuery): Promise<SearchHit[]>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}

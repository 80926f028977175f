/**
 * What analysts keep in the store besides articles: saved searches (whose new matches are alerts) and notes on
 * entities and events. Both adapters implement SavedSearchStore with their own SQL (sqlite/ and postgres/
 * saved-searches.ts), contract-tested by store.contract.ts.
 *
 * Alerts are computed on read, against the article feed: every newly inserted article gets the next feed position
 * in its own transaction, and positions become visible in order (SQLite has one writer; PostgreSQL takes a lock
 * for the feed insert at the very end of the save, held until commit). A saved search remembers the position up to
 * which its matches were seen, so "new since last seen" is `feed position > seenFeedSeq`: no article committed late
 * with a lower position is ever skipped, which a plain `articles.seq` watermark would allow on PostgreSQL.
 */

/** A saved search: the search page's words and filters, under a name. */
export interface SavedSearch {
  readonly id: number;
  /** Unique in the store. */
  readonly name: string;
  /** Full-text words, or null for filters only. */
  readonly text: string | null;
  /** The search page's filters as given (entity, type, status, place, country, outlet, from, to). */
  readonly filters: Readonly<Record<string, string>>;
  readonly createdBy: string | null;
  readonly createdAt: string;
  /** Feed position up to which its matches count as seen (the feed's head when it was saved). */
  readonly seenFeedSeq: number;
}

/** What saving a search takes. */
export interface NewSavedSearch {
  readonly name: string;
  readonly text?: string | null;
  readonly filters: Readonly<Record<string, string>>;
  readonly createdBy?: string | null;
}

/** What a note is attached to. */
export type NoteTargetKind = 'entity' | 'event';

/** A note kept on an entity or an event. */
export interface Note {
  readonly id: number;
  readonly targetKind: NoteTargetKind;
  /** Canonical entity id or merged event id. */
  readonly targetId: string;
  readonly text: string;
  readonly author: string;
  readonly createdAt: string;
}

/** What adding a note takes. */
export interface NewNote {
  readonly targetKind: NoteTargetKind;
  readonly targetId: string;
  readonly text: string;
  readonly author: string;
}

/** Saved searches, the article feed's head, and notes. */
export interface SavedSearchStore {
  /** Saves a search, seen up to the feed's current head; UsageError when the name is taken. */
  saveSearch(search: NewSavedSearch): Promise<SavedSearch>;
  /** Every saved search, oldest first. */
  listSavedSearches(): Promise<SavedSearch[]>;
  /** By id, or by exact name. */
  getSavedSearch(idOrName: string): Promise<SavedSearch | undefined>;
  /** Whether one was deleted. */
  deleteSavedSearch(id: number): Promise<boolean>;
  /** Moves a search's seen position forward to `feedSeq` (never back). Returns the position now in force. */
  markSearchSeen(id: number, feedSeq: number): Promise<number>;
  /** The last feed position given to an article (0 for an empty store): every lower position is visible. */
  feedHead(): Promise<number>;
  addNote(note: NewNote): Promise<Note>;
  /** The notes on one entity or event, oldest first. */
  listNotes(targetKind: NoteTargetKind, targetId: string): Promise<Note[]>;
}

/** Longest saved-search name and note text the store accepts (callers validate first, with a better message). */
export const MAX_SEARCH_NAME_CHARS = 200;
export const MAX_NOTE_CHARS = 10_000;

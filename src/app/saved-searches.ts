/**
 * Saved searches, alerts and notes: what an analyst comes back to every day. A saved search is the search page's
 * words and filters under a name; a watched entity is a saved search on that entity. Alerts are the articles that
 * entered the store after a search was last seen and match it (with the events they report that match too),
 * computed on read from the article feed (store/saved-searches.ts says why this is exact on both stores), so
 * ingest, `dossier watch` and workers need do nothing for them. The CLI, the API and the web UI all come here.
 */
import { DossierError, UsageError } from '../model/index.js';
import type { MergedEventRow, NoteTargetKind, Note, SavedSearch, Store } from '../store/store.js';
import { MAX_NOTE_CHARS, MAX_SEARCH_NAME_CHARS } from '../store/saved-searches.js';
import { getEvent, resolveEntity, resolveSearchFilter, type SearchFilterInput } from './queries.js';

export type { Note, NoteTargetKind, SavedSearch } from '../store/store.js';

/** The filters a saved search can hold: the search page's. */
export const SAVED_FILTER_NAMES = ['entity', 'type', 'status', 'place', 'country', 'outlet', 'from', 'to'] as const;
/** New articles listed per saved search (the count says when there are more). */
export const ALERT_ARTICLES_PER_SEARCH = 50;
/** New events listed per saved search. */
const ALERT_EVENTS_PER_SEARCH = 20;

/** What saving a search takes: a name, and words or at least one filter. */
export interface SaveSearchInput {
  readonly name: string;
  readonly text?: string | undefined;
  readonly filters: SearchFilterInput;
}

/**
 * Checks and saves a search: its filters must resolve now (an unknown entity or country is refused), and the
 * entity is kept as its canonical id, so renaming or a new alias does not break it. Matches already stored are seen.
 */
export async function saveSearch(store: Store, input: SaveSearchInput, author: string | null): Promise<SavedSearch> {
  const name = input.name.trim();
  if (!name || name.length > MAX_SEARCH_NAME_CHARS || /[\u0000-\u001f]/.test(name)) throw new UsageError(`a saved search needs a name of 1 to ${MAX_SEARCH_NAME_CHARS} characters on one line, got "${input.name.slice(0, 40)}"`);
  const text = input.text?.trim() || undefined;
  const resolved = await resolveSearchFilter(store, input.filters);
  if (!text && !Object.keys(resolved).length) throw new UsageError('a saved search needs words or at least one filter');
  const filters: Record<string, string> = {};
  for (const key of SAVED_FILTER_NAMES) {
    const value = input.filters[key];
    if (value) filters[key] = key === 'entity' && resolved.entityId ? resolved.entityId : value;
  }
  return store.saveSearch({ name, text: text ?? null, filters, createdBy: author });
}

/** Watches an entity: a saved search on it, named after it. */
export async function watchEntity(store: Store, idOrName: string, author: string | null): Promise<SavedSearch> {
  const entity = await resolveEntity(store, idOrName);
  return saveSearch(store, { name: `Entity: ${entity.name}`, filters: { entity: entity.id } }, author);
}

/** A saved search by id or name; E_NOT_FOUND otherwise. */
export async function requireSavedSearch(store: Store, idOrName: string): Promise<SavedSearch> {
  const search = await store.getSavedSearch(idOrName);
  if (!search) throw new DossierError('E_NOT_FOUND', `no saved search with id or name "${idOrName}"`);
  return search;
}

/** Deletes a saved search by id or name; returns it. */
export async function deleteSavedSearch(store: Store, idOrName: string): Promise<SavedSearch> {
  const search = await requireSavedSearch(store, idOrName);
  await store.deleteSavedSearch(search.id);
  return search;
}

/** A new article in an alert. */
export interface AlertArticle {
  readonly id: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly publishedAt: string | null;
}

/** What is new for one saved search. */
export interface SearchAlerts {
  readonly search: SavedSearch;
  /** New matching articles, newest stored first (at most ALERT_ARTICLES_PER_SEARCH; `hasMore` says when there are more). */
  readonly articles: readonly AlertArticle[];
  readonly hasMore: boolean;
  /** Merged events those articles report that match the search's entity, type and status filters. */
  readonly events: readonly MergedEventRow[];
  /** Why the search could not run (its entity was since removed…), instead of failing every alert. */
  readonly error: string | null;
}

/** Every saved search with what is new for it. */
export interface AlertsView {
  /** Mark seen up to this position to clear exactly what was listed (articles saved since stay new). */
  readonly feedHead: number;
  readonly unread: number;
  readonly searches: readonly SearchAlerts[];
}

/**
 * What is new for every saved search since it was last seen, newest stored first: unranked, so each search reads
 * one page of the newest matches whatever the number of new articles (ranking scored every match: 1.3–4 s on a
 * first visit to a 20k store whose searches predate every article).
 */
export async function listAlerts(store: Store): Promise<AlertsView> {
  // The head first: everything at or below it is visible, so marking seen up to it never hides an unlisted article.
  const feedHead = await store.feedHead();
  const searches: SearchAlerts[] = [];
  for (const search of await store.listSavedSearches()) searches.push(await alertsFor(store, search));
  return { feedHead, unread: searches.reduce((n, s) => n + s.articles.length, 0), searches };
}

async function alertsFor(store: Store, search: SavedSearch): Promise<SearchAlerts> {
  let filter;
  try {
    filter = await resolveSearchFilter(store, search.filters);
  } catch (error) {
    if (!(error instanceof DossierError)) throw error;
    return { search, articles: [], hasMore: false, events: [], error: error.message };
  }
  const hits = await store.search({
    ...(search.text ? { text: search.text } : {}), filter: { ...filter, afterFeedSeq: search.seenFeedSeq }, withSnippets: false, isNewestStoredFirst: true, limit: ALERT_ARTICLES_PER_SEARCH + 1,
  });
  const articles = hits.slice(0, ALERT_ARTICLES_PER_SEARCH).map((h) => ({ id: h.id, title: h.title, outlet: h.outlet, publishedAt: h.publishedAt }));
  const events = articles.length ? await store.listEvents({
    articleIds: articles.map((a) => a.id), limit: ALERT_EVENTS_PER_SEARCH,
    ...(filter.entityId ? { entityId: filter.entityId } : {}), ...(filter.ploverType ? { ploverType: filter.ploverType } : {}), ...(filter.status ? { status: filter.status } : {}),
  }) : [];
  return { search, articles, hasMore: hits.length > ALERT_ARTICLES_PER_SEARCH, events, error: null };
}

/**
 * Marks alerts seen up to feed position `upTo` (the `feedHead` of the list the user saw): one saved search, or all.
 * UsageError for a position beyond the feed.
 */
export async function markAlertsSeen(store: Store, upTo: number, searchIdOrName?: string): Promise<{ readonly marked: number; readonly upTo: number }> {
  if (!Number.isSafeInteger(upTo) || upTo < 0) throw new UsageError(`"upTo" must be a feed position (a whole number), got ${String(upTo)}`);
  const head = await store.feedHead();
  if (upTo > head) throw new UsageError(`"upTo" ${upTo} is beyond the feed's head (${head})`);
  const searches = searchIdOrName === undefined ? await store.listSavedSearches() : [await requireSavedSearch(store, searchIdOrName)];
  for (const search of searches) await store.markSearchSeen(search.id, upTo);
  return { marked: searches.length, upTo };
}

/** Adds a note to an entity (by id, name or alias; kept on its canonical id) or an event; E_NOT_FOUND for neither. */
export async function addNote(store: Store, targetKind: NoteTargetKind, target: string, text: string, author: string): Promise<Note> {
  const body = text.trim();
  if (!body || body.length > MAX_NOTE_CHARS) throw new UsageError(`a note holds 1 to ${MAX_NOTE_CHARS} characters, got ${body.length}`);
  const targetId = targetKind === 'entity' ? (await resolveEntity(store, target)).id : (await getEvent(store, target)).id;
  return store.addNote({ targetKind, targetId, text: body, author });
}

/** The notes on an entity (by id, name or alias) or an event, oldest first. */
export async function listNotes(store: Store, targetKind: NoteTargetKind, target: string): Promise<Note[]> {
  const targetId = targetKind === 'entity' ? (await resolveEntity(store, target)).id : (await getEvent(store, target)).id;
  return store.listNotes(targetKind, targetId);
}

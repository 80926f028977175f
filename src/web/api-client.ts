/** Typed calls to the Dossier API (same origin). Response types come from the app's query use cases. */
import type { Brief } from '../app/brief.js';
import type { EventTrends } from '../app/event-trends.js';
import type { AlertsView, Note, SavedSearch } from '../app/saved-searches.js';
import { authHeaders } from './auth.js';
import type {
  ArticleSummary, ArticleView, CanonicalEntity, CountryFacet, EntityView, FacetValue, GraphView, MapView, MergedEventDetail, MergedEventRow, Page, SearchPage, StoreStats,
  StoredClaim, StoredClaimDetail, StoredClaimSource,
} from '../app/queries.js';
import type { TimelinePage } from '../app/timeline.js';
import type { MapClustersView } from '../app/map-clusters.js';
import type { MapEvent } from '../app/queries.js';
import type { CorrectionResult, EntityCorrectionsView } from '../app/entity-corrections.js';

export type { AlertsView, Note, SavedSearch };
export type { MapClustersView, MapEvent };
export type { CorrectionResult, EntityCorrectionsView };
export type {
  ArticleSummary, ArticleView, Brief, CanonicalEntity, CountryFacet, EntityView, FacetValue, GraphView, MapView, MergedEventDetail, MergedEventRow, Page, SearchPage, StoreStats,
  StoredClaim, StoredClaimDetail, StoredClaimSource, TimelinePage,
};

/** The values the search filters can take (GET /api/search/facets), for filter menus. */
export interface SearchFacetsView {
  readonly outlets: readonly FacetValue[];
  readonly eventTypes: readonly FacetValue[];
  readonly countries: readonly CountryFacet[];
}

/** Search filters as the API takes them (every one optional; words or at least one filter are needed). */
export interface SearchParams {
  q?: string; entity?: string; type?: string; status?: string; place?: string; country?: string; outlet?: string; from?: string; to?: string;
  limit: number; offset: number;
}

/** Claim-list filters as the API takes them; anonymous is 'true' or 'false'; kind is a kind, a comma-separated list or 'all'. */
export interface ClaimParams {
  entity?: string; article?: string; event?: string; kind?: string; stance?: string; anonymous?: string; outlet?: string; from?: string; to?: string;
  limit: number; offset: number;
}

/** An error answer from the API, with its code and message. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = code;
  }
}

/** GETs an API path with query parameters (undefined and empty values left out). */
export async function getJson<T>(path: string, params: Record<string, string | number | undefined> = {}): Promise<T> {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') query.set(k, String(v));
  const qs = query.toString();
  const res = await fetch(`${path}${qs ? `?${qs}` : ''}`, { headers: { accept: 'application/json', ...authHeaders() } });
  const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!res.ok) throw new ApiRequestError(res.status, body?.error?.code ?? 'E_HTTP', body?.error?.message ?? `HTTP ${res.status}`);
  return body as T;
}

/** POSTs (or DELETEs) a JSON body to an API path (JSON only, so a cross-site form cannot make the same request). */
export async function postJson<T>(path: string, payload: Record<string, unknown>, method: 'POST' | 'DELETE' = 'POST'): Promise<T> {
  const res = await fetch(path, { method, headers: { accept: 'application/json', 'content-type': 'application/json', ...authHeaders() }, ...(method === 'POST' ? { body: JSON.stringify(payload) } : {}) });
  const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!res.ok) throw new ApiRequestError(res.status, body?.error?.code ?? 'E_HTTP', body?.error?.message ?? `HTTP ${res.status}`);
  return body as T;
}

/** DELETEs an API path (no body: a cross-site form cannot send DELETE). */
export async function deleteJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { method: 'DELETE', headers: { accept: 'application/json', ...authHeaders() } });
  const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!res.ok) throw new ApiRequestError(res.status, body?.error?.code ?? 'E_HTTP', body?.error?.message ?? `HTTP ${res.status}`);
  return body as T;
}

/** Who the caller is (GET /api/session): an editor may correct, a reader only reads. */
export interface SessionView {
  readonly name: string;
  readonly role: 'reader' | 'editor';
  readonly canEdit: boolean;
}

let session: { key: string; answer: Promise<SessionView> } | undefined;

/** The caller's session, asked once per token (a new token, after signing in again, asks anew). */
export function currentSession(): Promise<SessionView> {
  const key = authHeaders()['authorization'] ?? '';
  if (session?.key !== key) session = { key, answer: getJson<SessionView>('/api/session') };
  return session.answer;
}

/** An entity page with its corrections and the type evidence of its name (GET /api/entities/:id). */
export type EntityPageView = EntityView & EntityCorrectionsView;

/** Entity corrections (merge, split, rename, retype) and their undo; `by` names who decides. */
export const entityCorrectionsApi = {
  merge: (id: string, other: string, by: string) => postJson<CorrectionResult>(`/api/entities/${encodeURIComponent(id)}/merge`, { other, ...(by ? { by } : {}) }),
  split: (id: string, name: string, type: string, by: string) => postJson<CorrectionResult>(`/api/entities/${encodeURIComponent(id)}/split`, { name, ...(type ? { type } : {}), ...(by ? { by } : {}) }),
  rename: (id: string, name: string, by: string) => postJson<CorrectionResult>(`/api/entities/${encodeURIComponent(id)}/rename`, { name, ...(by ? { by } : {}) }),
  retype: (id: string, type: string, by: string) => postJson<CorrectionResult>(`/api/entities/${encodeURIComponent(id)}/retype`, { type, ...(by ? { by } : {}) }),
  undo: (correctionId: number) => deleteJson<CorrectionResult>(`/api/entity-corrections/${correctionId}`),
};

/** The API's calls, one per route. */
export const api = {
  stats: () => getJson<StoreStats>('/api/stats'),
  articles: (limit: number, offset: number) => getJson<Page<ArticleSummary>>('/api/articles', { limit, offset }),
  article: (id: string) => getJson<ArticleView>(`/api/articles/${encodeURIComponent(id)}`),
  search: (params: SearchParams) => getJson<SearchPage>('/api/search', { ...params }),
  searchFacets: () => getJson<SearchFacetsView>('/api/search/facets'),
  claims: (params: ClaimParams) => getJson<Page<StoredClaim>>('/api/claims', { ...params }),
  claim: (id: string) => getJson<StoredClaimDetail>(`/api/claims/${encodeURIComponent(id)}`),
  brief: (entity: string) => getJson<Brief>(`/api/entities/${encodeURIComponent(entity)}/brief`, { format: 'json' }),
  entities: (filter: { type?: string; q?: string; limit: number; offset: number }) => getJson<Page<CanonicalEntity>>('/api/entities', filter),
  entity: (id: string, limit: number, offset: number) => getJson<EntityPageView>(`/api/entities/${encodeURIComponent(id)}`, { limit, offset }),
  events: (filter: { entity?: string; from?: string; to?: string; status?: string; type?: string; q?: string; limit: number; offset: number }) => getJson<Page<MergedEventRow>>('/api/events', filter),
  event: (id: string) => getJson<MergedEventDetail>(`/api/events/${encodeURIComponent(id)}`),
  mergeEvent: (id: string, other: string) => postJson<MergedEventDetail>(`/api/events/${encodeURIComponent(id)}/merge`, { other }),
  splitEvent: (id: string, articleId: string, mentionId: string) => postJson<MergedEventDetail>(`/api/events/${encodeURIComponent(id)}/split`, { articleId, mentionId }),
  graph: (entity?: string, maxArticles?: number, maxEvents?: number) => getJson<GraphView>('/api/graph', { entity, maxArticles, maxEvents }),
  map: (entity?: string) => getJson<MapView>('/api/map', { entity }),
  /** Every located event of an extent (west,south,east,north) at a grid level: cells with counts, or the events when few. */
  mapClusters: (entity: string | undefined, zoom: number, bbox: string) => getJson<MapClustersView>('/api/map/clusters', { entity, zoom, bbox }),
  /** A page of the events of some grid cells (a cluster), most reported first. */
  mapEvents: (entity: string | undefined, zoom: number, cells: string, limit: number, offset: number) => getJson<Page<MapEvent>>('/api/map/events', { entity, zoom, cells, limit, offset }),
  /** One page of one group of the timeline, with the counts per date of the whole scope (the server pages it). */
  timeline: (filter: { entity?: string; q?: string; from?: string; to?: string; zoom?: string; at?: string; offset?: number; limit?: number } = {}) => getJson<TimelinePage>('/api/timeline', filter),
  trends: (params: Record<string, string | undefined>) => getJson<EventTrends>('/api/events/trends', params),
  // Saved searches, alerts and notes.
  savedSearches: () => getJson<{ items: SavedSearch[] }>('/api/saved-searches'),
  saveSearch: (search: Record<string, string>) => postJson<SavedSearch>('/api/saved-searches', search),
  deleteSavedSearch: (id: number) => postJson<{ deleted: SavedSearch }>(`/api/saved-searches/${id}`, {}, 'DELETE'),
  alerts: () => getJson<AlertsView>('/api/alerts'),
  markSeen: (upTo: number, search?: number) => postJson<{ marked: number; upTo: number }>('/api/alerts/seen', { upTo, ...(search === undefined ? {} : { search: String(search) }) }),
  notes: (kind: 'entity' | 'event', id: string) => getJson<{ items: Note[] }>('/api/notes', { [kind]: id }),
  addNote: (kind: 'entity' | 'event', id: string, text: string) => postJson<Note>('/api/notes', { [kind]: id, text }),
};

/**
 * Read-only use cases behind the HTTP API and the web UI: pages of articles, one article with its layers,
 * search with highlighted snippets, entities, and the first cross-article views (co-occurrence graph, map of
 * resolved places, timeline). The views are built from what the Store offers today; each says when it only
 * scanned part of the corpus (`isPartial`), and each has room for events and claims when the store grows them.
 */
import { DossierError, type MentionType } from '../model/index.js';
import { countryByCode, countryByName } from '../data/countries.js';
import { cameoActor, cameoActorName } from '../export/cameo-actor.js';
import { communities, weightedDegrees } from './graph-layout.js';
import type {
  ArticleEntityLink, ArticleFilter, ArticleSummary, CanonicalEntity, ClaimQuery, EntityArticlesPage, EntityDetail, EventQuery, FacetValue, MapArea, MapCellRow, MapEventRow, MergedEventDetail,
  MergedEventRow, SearchFacets, SearchHit, SnippetPassage, Store, StoreStats, StoredArticle, StoredClaim, StoredClaimDetail,
} from '../store/store.js';

export type {
  ArticleEntityLink, ArticleFilter, ArticleSummary, CanonicalEntity, EntityDetail, FacetValue, MergedEventDetail, MergedEventRow, SearchFacets, Store, StoreStats, StoredArticle,
  StoredClaim, StoredClaimDetail, StoredClaimSource,
} from '../store/store.js';
export type { MentionType } from '../model/index.js';

/** Page size when a caller gives none. */
export const DEFAULT_PAGE_SIZE = 20;
/** The largest page any list returns. */
export const MAX_PAGE_SIZE = 100;
/** The corroboration statuses an event filter accepts. */
export const EVENT_STATUSES: readonly NonNullable<EventQuery['status']>[] = ['single-source', 'corroborated', 'contested', 'denied'];
export { CLAIM_STANCES } from './claim-stances.js';
/** How many full-text hits an event query with words (`q`) looks at. */
export const MAX_EVENT_SEARCH_HITS = 500;
/** The NER classes an entity filter accepts. */
export const MENTION_TYPES: readonly MentionType[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** Where a page starts and how long it is. */
export interface PageRequest {
  readonly limit?: number;
  readonly offset?: number;
}

/** One page of a list; `total` is given when the store can count it cheaply. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly limit: number;
  readonly offset: number;
  readonly total?: number;
  readonly hasMore: boolean;
}

/** A piece of a search snippet; `isHit` marks the words that matched. */
export interface SnippetPart {
  readonly text: string;
  readonly isHit: boolean;
}

/** A search hit with its snippet split into plain and matching parts (render each part as text). */
export interface SearchResult extends Omit<SearchHit, 'snippet' | 'passage'> {
  readonly snippet: readonly SnippetPart[];
}

/** A search page, with the query and the filters applied echoed (entity as canonical id, country as alpha-2). */
export interface SearchPage extends Page<SearchResult> {
  readonly query: string;
  readonly filters: ArticleFilter;
}

/** One stored article as the API returns it: metadata, cleaned body, what was set apart, and every stored layer. */
export interface ArticleView extends StoredArticle {
  /** The canonical entity of each article entity, so a highlighted mention can link to its entity page. */
  readonly entityLinks: readonly ArticleEntityLink[];
}

/** A role with the words of the sentence that states it. */
export interface RoleView {
  readonly title: string;
  readonly organisation: string | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly evidence: { readonly articleId: string; readonly start: number; readonly end: number; readonly text: string | null };
}

/** One entity with its aliases, roles over time, a page of its articles and its mentions by outlet. */
export interface EntityView extends Omit<EntityDetail, 'articles' | 'articlesTotal' | 'roles'> {
  readonly roles: readonly RoleView[];
  readonly articles: Page<EntityDetail['articles'][number]>;
}

/** An entity node of the graph view. */
export interface GraphEntityNode {
  readonly id: string;
  readonly label: string;
  readonly kind: 'entity';
  readonly type: MentionType;
  /**
   * Articles that mention it (in an entity's graph: its articles that mention it; for an entity drawn only
   * as an event's actor, all its articles).
   */
  readonly articleCount: number;
  /** Weighted degree among the drawn entities (co-occurrence, events between actors and targets, claims). */
  readonly degree: number;
  /** Community number (label propagation over the drawn links), 0 for the largest. */
  readonly community: number;
}

/** A merged-event node of the graph view, labelled "<PLOVER type> <date>". */
export interface GraphEventNode {
  readonly id: string;
  readonly label: string;
  readonly kind: 'event';
  readonly ploverType: string;
  readonly status: MergedEventRow['status'];
  readonly reportCount: number;
  readonly assertingOrigins: number;
  /** The start of its time window (YYYY-MM-DD), or null when undated. */
  readonly date: string | null;
  readonly summary: string;
}

/** A node of the graph view: an entity or a merged event. */
export type GraphNode = GraphEntityNode | GraphEventNode;

/**
 * An edge of the graph view. 'co-occurrence': two entities named in the same articles, undirected, weighted by
 * the number of such articles. 'actor' (entity → event) and 'target' (event → entity): a merged event's source
 * and target actors, weighted by the event's reportCount. 'claimed-about' (entity → entity): claims whose named
 * origin is the source and which name the target, weighted by the number of such claims.
 */
export interface GraphEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly kind: 'co-occurrence' | 'actor' | 'target' | 'claimed-about';
  readonly weight: number;
}

/**
 * The graph view, over the whole corpus (or all of one entity's articles): `scannedArticles` says how many
 * articles it covers; `isPartial` stays for clients of the earlier, scanning version and is always false.
 * `eventsTotal` counts the merged events in scope (of the corpus, or the entity's), drawn or not.
 */
export interface GraphView {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly scannedArticles: number;
  readonly isPartial: boolean;
  readonly eventsTotal: number;
}

/** A resolved place on the map, with how often and where it is mentioned. */
export interface MapPoint {
  readonly id: string;
  readonly kind: 'place-mention';
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly countryCode: string | null;
  readonly precision: string | null;
  readonly mentionCount: number;
  readonly articleCount: number;
  /** Up to five articles that mention it. */
  readonly articles: readonly { readonly id: string; readonly title: string | null }[];
}

/** A merged event with coordinates, on the map. */
export interface MapEvent {
  readonly id: string;
  readonly kind: 'event';
  readonly ploverType: string;
  readonly status: MergedEventRow['status'];
  readonly placeName: string;
  readonly lat: number;
  readonly lon: number;
  readonly countryCode: string | null;
  readonly windowStart: string;
  readonly reportCount: number;
  readonly summary: string;
}

/**
 * The map view: resolved places mentioned in articles, the most reported merged events with coordinates (a table;
 * the map draws every located event from /api/map/clusters), and where those events lie.
 */
export interface MapView {
  readonly points: readonly MapPoint[];
  /** The MAP_TABLE_EVENTS most reported located events. */
  readonly events: readonly MapEvent[];
  /** Merged events in scope, with coordinates or not; of those, the ones with coordinates. */
  readonly eventsTotal: number;
  readonly eventsLocated: number;
  /** The box around the located events' clusters at the coarsest zoom (what "fit to the events" frames), or null. */
  readonly extent: MapArea | null;
  /** Place mentions the gazetteer could not resolve (not drawn). */
  readonly unresolved: number;
  readonly scannedArticles: number;
  readonly isPartial: boolean;
}

/** Options of the cross-article views. */
export interface ScanOptions {
  /** Restrict to the articles of one canonical entity. */
  readonly entityId?: string;
  /** Read at most this many articles (the views say when they stopped early). */
  readonly maxArticles?: number;
}

/** The default number of articles a cross-article view reads. */
export const DEFAULT_SCAN_ARTICLES = 300;

/** A page of articles in the order they were stored, with the number stored. */
export async function listArticles(store: Store, page: PageRequest = {}): Promise<Page<ArticleSummary>> {
  const { limit, offset } = pageBounds(page);
  const [rows, total] = await Promise.all([store.listArticles({ limit, offset }), store.countArticles()]);
  return { items: rows, limit, offset, total, hasMore: offset + rows.length < total };
}

/** One article by id or unique id prefix; throws E_NOT_FOUND. */
export async function getArticle(store: Store, idOrPrefix: string): Promise<ArticleView> {
  const article = await store.getArticle(idOrPrefix);
  if (!article) throw new DossierError('E_NOT_FOUND', `no article with id or unique id prefix "${idOrPrefix}"`);
  return { ...article, entityLinks: await store.articleEntityLinks(article.id) };
}

/** The search filters as a caller gives them: an entity by id or name, a country by code or name. */
export interface SearchFilterInput {
  readonly entity?: string;
  readonly type?: string;
  readonly status?: ArticleFilter['status'];
  readonly place?: string;
  readonly country?: string;
  readonly outlet?: string;
  readonly from?: string;
  readonly to?: string;
}

/**
 * Full-text search with snippets split into parts, so a caller never parses markup; with filters, only the
 * articles that satisfy all of them; with filters and no words, those articles newest first.
 * Throws E_USAGE when there are neither words nor filters, E_NOT_FOUND for an unknown entity or country.
 */
export async function searchArticles(store: Store, text: string | undefined, page: PageRequest = {}, filters: SearchFilterInput = {}): Promise<SearchPage> {
  const { limit, offset } = pageBounds(page);
  const filter = await resolveSearchFilter(store, filters);
  if (!text && !Object.keys(filter).length) throw new DossierError('E_USAGE', 'give words to search for, or at least one filter');
  // One extra row tells whether another page exists without counting every match.
  const hits = await store.search({ ...(text ? { text } : {}), filter, limit: limit + 1, offset });
  const items = hits.slice(0, limit).map(({ passage, ...hit }) => ({ ...hit, snippet: snippetParts(passage) }));
  return { query: text ?? '', filters: filter, items, limit, offset, hasMore: hits.length > limit };
}

/** The store's filter for what a caller gave: the entity's canonical id and the country's alpha-2 code. */
export async function resolveSearchFilter(store: Store, input: SearchFilterInput): Promise<ArticleFilter> {
  let entityId: string | undefined;
  if (input.entity) {
    entityId = (await resolveEntity(store, input.entity)).id;
  }
  let country: string | undefined;
  if (input.country) {
    country = (countryByCode(input.country) ?? countryByName(input.country))?.alpha2;
    if (!country) throw new DossierError('E_NOT_FOUND', `no country with code or name "${input.country}"`);
  }
  return {
    ...(entityId ? { entityId } : {}), ...(input.type ? { ploverType: input.type.toUpperCase() } : {}), ...(input.status ? { status: input.status } : {}),
    ...(input.place ? { place: input.place } : {}), ...(country ? { country } : {}), ...(input.outlet ? { outlet: input.outlet } : {}),
    ...(input.from ? { from: input.from } : {}), ...(input.to ? { to: input.to } : {}),
  };
}

/** A country a search can filter by, with its name. */
export interface CountryFacet extends FacetValue {
  readonly name: string;
}

/** The values the search filters can take, for filter menus (countries with their English names). */
export async function searchFacets(store: Store): Promise<Omit<SearchFacets, 'countries'> & { countries: readonly CountryFacet[] }> {
  const facets = await store.searchFacets();
  return { ...facets, countries: facets.countries.map((c) => ({ ...c, name: countryByCode(c.value)?.name ?? c.value })) };
}

/** Claim filters as a caller gives them: an entity by id or name. */
export interface ClaimFilterInput extends Omit<ClaimQuery, 'entityId' | 'limit' | 'offset'> {
  readonly entity?: string;
}

/** Claims, filtered, oldest article first, with the number that match. */
export async function listClaims(store: Store, filter: ClaimFilterInput = {}, page: PageRequest = {}): Promise<Page<StoredClaim>> {
  const { limit, offset } = pageBounds(page);
  const { entity, ...rest } = filter;
  let query: ClaimQuery = rest;
  if (entity) {
    query = { ...rest, entityId: (await resolveEntity(store, entity)).id };
  }
  const [items, total] = await Promise.all([store.listClaims({ ...query, limit, offset }), store.countClaims(query)]);
  return { items, limit, offset, total, hasMore: offset + items.length < total };
}

/** One claim with the claims that answer it; throws E_NOT_FOUND. */
export async function getClaim(store: Store, id: string): Promise<StoredClaimDetail> {
  const claim = await store.getClaim(id);
  if (!claim) throw new DossierError('E_NOT_FOUND', `no claim with id "${id}" (claim ids look like <article id>:c1)`);
  return claim;
}

/** Canonical entities, most mentioned first, filtered by type and by a name/alias substring. */
export async function listEntities(store: Store, filter: { type?: MentionType; search?: string } & PageRequest = {}): Promise<Page<CanonicalEntity>> {
  const { limit, offset } = pageBounds(filter);
  const rows = await store.listEntities({ ...(filter.type ? { type: filter.type } : {}), ...(filter.search ? { search: filter.search } : {}), limit: limit + 1, offset });
  return { items: rows.slice(0, limit), limit, offset, hasMore: rows.length > limit };
}

/** One entity by canonical id or exact name/alias, with a page of its articles; throws E_NOT_FOUND. */
export async function getEntity(store: Store, idOrName: string, articlesPage: PageRequest = {}): Promise<EntityView> {
  const { limit, offset } = pageBounds(articlesPage);
  const detail = await requireEntity(store, idOrName, { articlesLimit: limit, articlesOffset: offset });
  const { articlesTotal, ...rest } = detail;
  return {
    ...rest,
    roles: await rolesWithEvidence(store, detail.roles),
    articles: { items: detail.articles, limit, offset, total: articlesTotal, hasMore: offset + detail.articles.length < articlesTotal },
  };
}

/**
 * An entity by canonical id, exact name or alias, without its aliases, roles, articles or outlets (Store.findEntity: one
 * look-up where getEntity reads all of those); throws E_NOT_FOUND. For callers that need only its id, name or type.
 */
export async function resolveEntity(store: Store, idOrName: string): Promise<CanonicalEntity> {
  const entity = await store.findEntity(idOrName);
  if (!entity) throw new DossierError('E_NOT_FOUND', `no entity with id, name or alias "${idOrName}"`);
  return entity;
}

/** An entity by canonical id, exact name or alias, with the page of its articles asked for; throws E_NOT_FOUND. */
export async function requireEntity(store: Store, idOrName: string, page: EntityArticlesPage = { articlesLimit: 0 }): Promise<EntityDetail> {
  const entity = await store.getEntity(idOrName, page);
  if (!entity) throw new DossierError('E_NOT_FOUND', `no entity with id, name or alias "${idOrName}"`);
  return entity;
}

/** Filters of the event list. */
export interface EventFilter extends PageRequest {
  readonly entityId?: string;
  readonly from?: string;
  readonly to?: string;
  readonly status?: EventQuery['status'];
  readonly ploverType?: string;
  /** Words: only events observed in the articles that match them (the first MAX_EVENT_SEARCH_HITS hits). */
  readonly text?: string;
}

/** Merged events in time order, filtered by entity, dates, status, type and words, with the number that match. */
export async function listEvents(store: Store, filter: EventFilter = {}): Promise<Page<MergedEventRow>> {
  const { limit, offset } = pageBounds(filter);
  let articleIds: string[] | undefined;
  if (filter.text) articleIds = (await store.search({ text: filter.text, limit: MAX_EVENT_SEARCH_HITS, withSnippets: false })).map((h) => h.id);
  const query: EventQuery = {
    ...(filter.entityId ? { entityId: filter.entityId } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.ploverType ? { ploverType: filter.ploverType } : {}),
    ...(articleIds ? { articleIds } : {}),
  };
  const [rows, total] = await Promise.all([store.listEvents({ ...query, limit, offset }), store.countEvents(query)]);
  return { items: rows, limit, offset, total, hasMore: offset + rows.length < total };
}

/**
 * One merged event with every observation (each with its sentence) and report chain; throws E_NOT_FOUND. Actors
 * known only by a CAMEO code get a readable name ("code:---REB" → "rebels", "code:SYRMIL" → "Syria military"), and
 * an actor listed twice in one role is listed once.
 */
export async function getEvent(store: Store, id: string): Promise<MergedEventDetail> {
  const event = await store.getEvent(id);
  if (!event) throw new DossierError('E_NOT_FOUND', `no event with id "${id}"`);
  const seen = new Set<string>();
  const actors = event.actors.filter((a) => !seen.has(`${a.role}|${a.id}`) && Boolean(seen.add(`${a.role}|${a.id}`))).map((a) => {
    const code = cameoActor(a.id);
    return code && (a.name === a.id || a.name.startsWith('code:')) ? { ...a, name: cameoActorName(code) } : a;
  });
  return { ...event, actors };
}

/** What the store holds. */
export async function getStats(store: Store): Promise<StoreStats> {
  return store.stats();
}

/** Entities the whole-corpus graph ranks by weighted degree before keeping `maxNodes`. */
const GRAPH_CANDIDATES = 150;

/**
 * Events the graph considers over its scope: the latest this many (by time window), for a bounded cost. They are
 * ranked on their keys alone (Store.listEventKeys); only the kept ones are read in full.
 */
const GRAPH_EVENT_SCAN = 2000;

/**
 * Entity co-occurrence from the pairs the store keeps at save time, and the event layer. Over the corpus: the
 * most mentioned entities and the pairs among them. Around one entity: it, the entities named most often in its
 * articles (sized by how many of its articles name them), and the pairs among those. `maxArticles` no longer
 * applies: nothing is scanned. `maxNodes` bounds the co-occurring entities.
 *
 * Events: the `maxEvents` merged events (default 30; 0 for co-occurrence only) with the most reports among the
 * latest GRAPH_EVENT_SCAN of the scope (the corpus, or the entity's events), each with 'actor' edges from its
 * source entities and 'target' edges to its target entities, weighted by reportCount (reports, repeats
 * included: how much the event was covered; `assertingOrigins` on the node says how independently). Actors not
 * yet drawn join as entity nodes (in the whole-store view only while it holds fewer than maxNodes entities). Actors known only by a code (`code:IRQMIL`, no entity) are not drawn, and
 * events with no entity actor at all are left out, since they would float unconnected.
 */
export async function entityGraph(store: Store, options: ScanOptions & { maxNodes?: number; maxEvents?: number } = {}): Promise<GraphView> {
  const maxNodes = options.maxNodes ?? 40;
  const maxEvents = options.maxEvents ?? 30;
  const nodes: GraphEntityNode[] = [];
  let scannedArticles: number;
  let egoId: string | undefined;
  const edges: GraphEdge[] = [];
  const addEdges = (pairs: readonly { a: string; b: string; articles: number }[]) => {
    for (const p of pairs) edges.push({ id: `${p.a}|${p.b}`, source: p.a, target: p.b, kind: 'co-occurrence', weight: p.articles });
  };
  if (options.entityId) {
    const ego = await resolveEntity(store, options.entityId);
    egoId = ego.id;
    scannedArticles = ego.articleCount;
    nodes.push({ id: ego.id, kind: 'entity', label: ego.name, type: ego.type, articleCount: ego.articleCount, degree: 0, community: 0 });
    const around = await store.listCooccurrences({ entityId: ego.id, limit: maxNodes - 1 });
    for (const p of around) {
      const isA = p.a !== ego.id;
      nodes.push({ id: isA ? p.a : p.b, kind: 'entity', label: isA ? p.aName : p.bName, type: isA ? p.aType : p.bType, articleCount: p.articles, degree: 0, community: 0 });
    }
    addEdges(around);
    if (around.length > 1) addEdges(await store.listCooccurrences({ among: nodes.slice(1).map((n) => n.id), limit: maxNodes * 5 }));
  } else {
    // Candidates: the most mentioned entities; kept: those most connected among them (weighted degree), so the
    // default view shows the core of the network rather than frequent names that co-occur with little.
    const [candidates, total] = await Promise.all([store.listEntities({ limit: Math.min(500, Math.max(maxNodes * 3, GRAPH_CANDIDATES)) }), store.countArticles()]);
    scannedArticles = total;
    const pairs = candidates.length > 1 ? await store.listCooccurrences({ among: candidates.map((e) => e.id), limit: Math.min(5000, candidates.length * 10) }) : [];
    const degree = weightedDegrees(candidates.map((e) => e.id), pairs.map((p) => ({ source: p.a, target: p.b, weight: p.articles })));
    const top = [...candidates].sort((a, b) => degree.get(b.id)! - degree.get(a.id)! || b.articleCount - a.articleCount || a.id.localeCompare(b.id)).slice(0, maxNodes);
    const kept = new Set(top.map((e) => e.id));
    for (const e of top) nodes.push({ id: e.id, kind: 'entity', label: e.name, type: e.type, articleCount: e.articleCount, degree: degree.get(e.id)!, community: 0 });
    addEdges(pairs.filter((p) => kept.has(p.a) && kept.has(p.b)));
  }
  const entityNodes = nodes.sort((a, b) => b.articleCount - a.articleCount || a.label.localeCompare(b.label));
  edges.sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id));
  const coEdges = edges.slice(0, maxNodes * 5);

  const scope: EventQuery = egoId ? { entityId: egoId } : {};
  const eventsTotal = await store.countEvents(scope);
  const isEntityActor = (id: string) => !id.startsWith('code:');
  let kept: MergedEventRow[] = [];
  if (maxEvents > 0 && eventsTotal > 0) {
    // The store lists events in time order only: read the keys of the latest of the scope, rank them here, then
    // read the kept ones in full (summary, status), in the ranked order.
    const keys = await store.listEventKeys({ ...scope, limit: GRAPH_EVENT_SCAN, offset: Math.max(0, eventsTotal - GRAPH_EVENT_SCAN) });
    const ranked = keys
      .filter((e) => [...e.sourceIds, ...e.targetIds].some(isEntityActor))
      .sort((a, b) => b.reportCount - a.reportCount || b.assertingOrigins - a.assertingOrigins || b.windowStart.localeCompare(a.windowStart) || a.id.localeCompare(b.id))
      .slice(0, maxEvents)
      .map((e) => e.id);
    // An event merged away between the two reads is left out.
    const full = new Map((ranked.length ? await store.listEvents({ ids: ranked, limit: ranked.length }) : []).map((e) => [e.id, e]));
    kept = ranked.map((id) => full.get(id)).filter((e): e is MergedEventRow => e !== undefined);
  }

  // Actors not yet drawn: look up only those of the kept events, a few at a time.
  const known = new Set(entityNodes.map((n) => n.id));
  const missing = [...new Set(kept.flatMap((e) => [...e.sourceIds, ...e.targetIds]))].filter((id) => isEntityActor(id) && !known.has(id));
  const actorNodes: GraphEntityNode[] = [];
  // The whole-store view stays readable: actors join only while it holds fewer than maxNodes entities (an event
  // whose actors all stay out is left out). Around one entity every actor of its events joins.
  const room = egoId ? Infinity : Math.max(0, maxNodes - entityNodes.length);
  // An actor id the store now answers under another id (a re-merged entity) is drawn under the answer's.
  const drawnAs = new Map([...known].map((id) => [id, id]));
  for (let i = 0; i < missing.length && actorNodes.length < room; i += 16) {
    const batch = missing.slice(i, i + 16);
    const found = await Promise.all(batch.map((id) => store.findEntity(id)));
    found.forEach((e, j) => {
      if (!e) return;
      if (!drawnAs.has(e.id)) {
        if (actorNodes.length >= room) return;
        actorNodes.push({ id: e.id, kind: 'entity', label: e.name, type: e.type, articleCount: e.articleCount, degree: 0, community: 0 });
      }
      drawnAs.set(batch[j]!, e.id).set(e.id, e.id);
    });
  }
  actorNodes.sort((a, b) => b.articleCount - a.articleCount || a.label.localeCompare(b.label));

  const eventNodes: GraphEventNode[] = [];
  const eventEdges: GraphEdge[] = [];
  const drawn = (ids: readonly string[]) => [...new Set(ids.map((id) => drawnAs.get(id)).filter((id): id is string => id !== undefined))];
  kept = kept.filter((e) => drawn([...e.sourceIds, ...e.targetIds]).length > 0);
  for (const e of kept) {
    const date = e.windowStart || null;
    eventNodes.push({
      id: e.id, kind: 'event', label: date ? `${e.ploverType} ${date}` : e.ploverType, ploverType: e.ploverType, status: e.status,
      reportCount: e.reportCount, assertingOrigins: e.assertingOrigins, date, summary: e.summary,
    });
    for (const id of drawn(e.sourceIds)) eventEdges.push({ id: `actor:${id}>${e.id}`, source: id, target: e.id, kind: 'actor', weight: e.reportCount });
    for (const id of drawn(e.targetIds)) eventEdges.push({ id: `target:${e.id}>${id}`, source: e.id, target: id, kind: 'target', weight: e.reportCount });
  }
  const allEntities = [...entityNodes, ...actorNodes];
  const claimEdges = await claimedAboutEdges(store, allEntities.map((n) => n.id), egoId);
  // Communities and degrees over every drawn link between entities (an event joins its actors to its targets).
  const entityLinks = [
    ...coEdges.map((e) => ({ source: e.source, target: e.target, weight: e.weight })),
    ...claimEdges.map((e) => ({ source: e.source, target: e.target, weight: e.weight })),
    ...kept.flatMap((e) => drawn(e.sourceIds).flatMap((a) => drawn(e.targetIds).map((b) => ({ source: a, target: b, weight: e.reportCount })))),
  ];
  const ids = allEntities.map((n) => n.id);
  const degrees = weightedDegrees(ids, entityLinks);
  const community = communities(ids, entityLinks);
  const coloured = allEntities.map((n) => ({ ...n, degree: degrees.get(n.id)!, community: community.get(n.id)! }));
  return { nodes: [...coloured, ...eventNodes], edges: [...coEdges, ...eventEdges, ...claimEdges], scannedArticles, isPartial: false, eventsTotal };
}

/** Claims the graph reads for its 'claimed-about' links: the latest this many of the scope. */
const GRAPH_CLAIM_SCAN = 500;

/**
 * 'claimed-about' links: from the entity a claim comes from (the named origin of its chain) to each drawn entity
 * named in what it claims, weighted by the number of such claims; over the latest GRAPH_CLAIM_SCAN claims of the
 * corpus, or of the ego entity.
 */
async function claimedAboutEdges(store: Store, drawnIds: readonly string[], egoId: string | undefined): Promise<GraphEdge[]> {
  const drawnSet = new Set(drawnIds);
  const scope = egoId ? { entityId: egoId } : {};
  const total = await store.countClaims(scope);
  // Who each claim comes from and whom it names: no article body or claim text is read.
  const claims = await store.listClaimLinks({ ...scope, limit: GRAPH_CLAIM_SCAN, offset: Math.max(0, total - GRAPH_CLAIM_SCAN) });
  const weights = new Map<string, number>();
  for (const claim of claims) {
    const origin = [...claim.chainEntityIds].reverse().find((id) => id);
    if (!origin || !drawnSet.has(origin)) continue;
    const speakers = new Set(claim.chainEntityIds.filter(Boolean));
    for (const about of new Set(claim.entityIds)) {
      if (about === origin || speakers.has(about) || !drawnSet.has(about)) continue;
      const key = `${origin}>${about}`;
      weights.set(key, (weights.get(key) ?? 0) + 1);
    }
  }
  return [...weights].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([key, weight]) => {
    const [source, target] = key.split('>') as [string, string];
    return { id: `claim:${key}`, source, target, kind: 'claimed-about', weight };
  });
}

/** Most places the map draws (the most named first). */
export const MAX_MAP_PLACES = 500;
/**
 * How many of them come with their newest articles (the map's panel links every place to a search by place): a
 * look-up per place was half the CPU of the most-named entity's map (4,259 articles, 500 places) on a 20k store.
 */
export const MAP_SAMPLED_PLACES = 50;
/** How many of the most reported located events the map's table lists (the map itself draws them all, clustered). */
export const MAP_TABLE_EVENTS = 100;

/**
 * Resolved places over the whole corpus (or one entity's articles), from the place index kept at save time, most
 * named first; `maxArticles` no longer applies: nothing is scanned. Plus the MAP_TABLE_EVENTS most reported events
 * with coordinates and the extent of all of them: the map draws every located event as clusters the store counts
 * per grid cell (mapClusters), so this answer no longer carries 5,000 events (issue 18: 5,000 of 13,286 were drawn).
 */
export async function placeMap(store: Store, options: ScanOptions & { maxEvents?: number } = {}): Promise<MapView> {
  let scannedArticles: number;
  let entityId: string | undefined;
  if (options.entityId) {
    const entity = await resolveEntity(store, options.entityId);
    entityId = entity.id;
    scannedArticles = entity.articleCount;
  } else scannedArticles = await store.countArticles();
  const scope: EventQuery = entityId ? { entityId } : {};
  const maxEvents = Math.max(1, Math.min(options.maxEvents ?? MAP_TABLE_EVENTS, MAP_TABLE_EVENTS));
  const [overview, eventsTotal, coarse, top] = await Promise.all([
    store.listPlaces({ ...scope, limit: MAX_MAP_PLACES, sampledPlaces: MAP_SAMPLED_PLACES }), store.countEvents(scope),
    store.listMapCells(scope, MAP_EXTENT_CELL_DEGREES), store.listMapEvents(scope, maxEvents),
  ]);
  const out: MapPoint[] = overview.places.map((p) => ({
    id: p.key, kind: 'place-mention', name: p.name, lat: p.lat, lon: p.lon, countryCode: p.countryCode, precision: p.precision,
    mentionCount: p.mentionCount, articleCount: p.articleCount, articles: p.articles,
  }));
  const eventsLocated = coarse.reduce((sum, c) => sum + c.events, 0);
  return {
    points: out, events: top.map(toMapEvent), eventsTotal, eventsLocated, extent: extentOf(coarse), unresolved: overview.unresolvedMentions, scannedArticles,
    isPartial: out.length >= MAX_MAP_PLACES,
  };
}

/** The cell size of the extent's clusters (a coarse grid: one pass, a few hundred cells at most). */
const MAP_EXTENT_CELL_DEGREES = 16;

/** The box around these cells' mean positions, or null for none. */
function extentOf(cells: readonly MapCellRow[]): MapArea | null {
  if (!cells.length) return null;
  const lats = cells.map((c) => c.lat);
  const lons = cells.map((c) => c.lon);
  return { south: Math.min(...lats), west: Math.min(...lons), north: Math.max(...lats), east: Math.max(...lons) };
}

/** A located event as the map and its lists show it. */
export function toMapEvent(e: MapEventRow): MapEvent {
  return {
    id: e.id, kind: 'event', ploverType: e.ploverType, status: e.status, placeName: e.place.name, lat: e.place.lat, lon: e.place.lon,
    countryCode: e.place.countryCode, windowStart: e.windowStart, reportCount: e.reportCount, summary: e.summary,
  };
}

/**
 * Splits a snippet passage into plain and matching parts at its hit offsets (no markup is parsed, so brackets
 * in the article stay text).
 * @example snippetParts({ text: 'a rocket hit', hits: [{ start: 2, end: 8 }] }) // [{text:'a ',isHit:false},{text:'rocket',isHit:true},{text:' hit',isHit:false}]
 */
export function snippetParts(passage: SnippetPassage): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let last = 0;
  for (const hit of [...passage.hits].sort((x, y) => x.start - y.start)) {
    if (hit.start < last || hit.end <= hit.start) continue;
    if (hit.start > last) parts.push({ text: passage.text.slice(last, hit.start), isHit: false });
    parts.push({ text: passage.text.slice(hit.start, hit.end), isHit: true });
    last = hit.end;
  }
  if (last < passage.text.length) parts.push({ text: passage.text.slice(last), isHit: false });
  return parts;
}

/** Clamps a page request to [1, MAX_PAGE_SIZE] and a non-negative offset. */
function pageBounds(page: PageRequest): { limit: number; offset: number } {
  return { limit: Math.max(1, Math.min(page.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)), offset: Math.max(0, page.offset ?? 0) };
}

/** Roles with the text of their evidence span (articles read once each, at most 20). */
async function rolesWithEvidence(store: Store, roles: EntityDetail['roles']): Promise<RoleView[]> {
  // The bodies of the first 20 articles the roles cite, read in one batch without their layers (one getArticle each
  // read every layer of the article too).
  const cited = [...new Set(roles.map((r) => r.articleId))].slice(0, 20);
  const bodies = new Map<string, string | null>(cited.map((id) => [id, null]));
  if (cited.length) for (const article of await store.getArticles(cited, { layers: [] })) bodies.set(article.id, article.body);
  return roles.map((r) => {
    const body = bodies.get(r.articleId);
    return {
      title: r.title, organisation: r.organisation, from: r.from, to: r.to,
      evidence: { articleId: r.articleId, start: r.start, end: r.end, text: body ? body.slice(r.start, r.end) : null },
    };
  });
}

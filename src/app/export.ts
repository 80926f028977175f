/**
 * The export use case: reads merged events, entities and claims from the store and writes one of the
 * formats analysts use. Shared by the CLI and the API.
 */
import {
  ACLED_COLUMNS, ENTITY_COLUMNS, EVENT_COLUMNS, acledRow, csvRows, entityRow, eventRow, gdeltRow, toCsv, toGdelt, toGexf, toGraphml,
  toFtmEntities, toJsonLines, type AcledContext, type FtmArticle, type ExportGraph, type GdeltContext, type GraphEdge, type GraphNode,
} from '../export/index.js';
import { placeKey } from '../geo/normalise.js';
import type { Gazetteer, GazetteerEntry } from '../geo/gazetteer.js';
import { PLOVER_TYPES } from '../events/cameo-plover.js';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { claimKindOf, DossierError, UsageError, type Claim, type ClaimKind } from '../model/index.js';
import { parseClaimKinds } from './claim-kinds.js';
import { loadGazetteer } from './load-gazetteer.js';
import type { CorroborationStatus } from '../corpus/corroborate/index.js';
import type { ArticleFilter, CanonicalEntity, EntityDetail, EventQuery, MergedEventDetail, Store } from '../store/store.js';
import { EVENT_STATUSES } from './queries.js';
import { countryByCode, countryByName } from '../data/countries.js';

/** Every export format, with what it holds. */
export const EXPORT_FORMATS = {
  'events.csv': 'merged events with status and independent origins (CSV)',
  'events.jsonl': 'merged events with every report, chain and supporting sentence (JSON Lines)',
  'claims.csv': 'claims with their kind, source chain and stance (CSV); assertions unless --kind asks for wishes (desire) or judgements (evaluation)',
  'claims.jsonl': 'claims with their kind, source chain and stance (JSON Lines); assertions unless --kind asks for wishes (desire) or judgements (evaluation)',
  'entities.csv': 'canonical entities (CSV)',
  'entities.jsonl': 'canonical entities with aliases and roles (JSON Lines)',
  'acled.csv': "an ACLED-like event table: ACLED's columns, event types, inter codes and ISO numeric countries (CSV)",
  'gdelt.tsv': 'GDELT 2.0 event records: the 61 codebook columns, tab-separated, no header, FIPS country codes',
  graphml: 'entity–event graph with co-occurrence edges (GraphML)',
  gexf: 'entity–event graph with co-occurrence edges (GEXF, for Gephi)',
  'ftm.jsonl': 'FollowTheMoney entities and events with the articles that mention them, for Aleph (JSON Lines)',
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** The file name a download of `format` gets: always with its extension (dossier-events.csv, dossier-events.gexf). */
export function exportFileName(format: ExportFormat): string {
  return format.includes('.') ? `dossier-${format}` : `dossier-events.${format}`;
}

/** The media type of `format`, with its charset. */
export function exportMediaType(format: ExportFormat): string {
  const type = format.endsWith('.csv') ? 'text/csv' : format.endsWith('.tsv') ? 'text/tab-separated-values' : format.endsWith('.jsonl') ? 'application/x-ndjson'
    : format === 'graphml' ? 'application/graphml+xml' : format === 'gexf' ? 'application/gexf+xml' : 'application/octet-stream';
  return `${type}; charset=utf-8`;
}

/** True when `format` is one of EXPORT_FORMATS. */
export function isExportFormat(format: string): format is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, format);
}

const PAGE = 500;

/**
 * Pages of a list query, until it returns a short page. Between pages the event loop takes a turn: SQLite answers
 * synchronously, so without it one export would hold the server until it ends (a /api/stats call waited 8.9 s).
 */
async function* pages<T>(page: (offset: number) => Promise<T[]>): AsyncGenerator<T[]> {
  for (let offset = 0; ; offset += PAGE) {
    const rows = await page(offset);
    yield rows;
    if (rows.length < PAGE) return;
    await nextTurn();
  }
}

/** Rows read (events' details, articles' layers) between two turns of the event loop. */
const TURN_EVERY = 50;

/** Every row of a list query, page by page. */
async function all<T>(page: (offset: number) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const rows of pages(page)) out.push(...rows);
  return out;
}

/** A part of the store to export: the same filters as search and timeline. Empty: the whole store. */
export interface ExportSelection {
  /** Words: only events and claims of the articles that match them. */
  readonly text?: string;
  /** A canonical entity (id, name or alias) taking part. */
  readonly entity?: string;
  /** Calendar dates (YYYY, YYYY-MM or YYYY-MM-DD), inclusive: events by the date they happened, claims by their article's publication. */
  readonly from?: string;
  readonly to?: string;
  /** Publication dates of the articles (as the search page's dates), inclusive: only what those articles report. */
  readonly publishedFrom?: string;
  readonly publishedTo?: string;
  /** Only what articles naming this place (gazetteer id or name), a place in this country (ISO-2 code or name), or from this outlet report. */
  readonly place?: string;
  readonly country?: string;
  readonly outlet?: string;
  /** PLOVER event type (ASSAULT, PROTEST…). */
  readonly type?: string;
  /** Corroboration status (single-source, corroborated, contested, denied). */
  readonly status?: string;
  /** Claim kinds of a claims export, as `parseClaimKinds` reads them ("desire,evaluation", "all"); assertions when absent. */
  readonly claimKinds?: string;
}

/** A resolved selection: the event query and article search it stands for; `selective` is false for the whole store. */
interface Scope {
  readonly selective: boolean;
  readonly events: EventQuery;
  readonly articles: ArticleFilter & { readonly text?: string };
  readonly entityId?: string;
  /** The claim kinds a claims export holds. */
  readonly claimKinds: readonly ClaimKind[];
}

const SELECTION_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** The event query a selection stands for (checked as for an export: UsageError, E_NOT_FOUND). */
export async function selectionEventQuery(store: Store, selection: ExportSelection): Promise<EventQuery> {
  return (await resolveSelection(store, selection)).events;
}

/** Checks a selection's values and resolves its entity and words; throws UsageError or E_NOT_FOUND. */
async function resolveSelection(store: Store, selection: ExportSelection): Promise<Scope> {
  const text = selection.text?.trim() || undefined;
  const bounds = [['from', selection.from], ['to', selection.to], ['published-from', selection.publishedFrom], ['published-to', selection.publishedTo]] as const;
  for (const [name, value] of bounds) {
    if (value !== undefined && !SELECTION_DATE.test(value)) throw new UsageError(`--${name} must be a date like 2024-11-08 (or 2024-11, 2024), got "${value}"`);
  }
  if (selection.from && selection.to && selection.from > selection.to) throw new UsageError(`--from ${selection.from} is after --to ${selection.to}`);
  if (selection.publishedFrom && selection.publishedTo && selection.publishedFrom > selection.publishedTo) {
    throw new UsageError(`--published-from ${selection.publishedFrom} is after --published-to ${selection.publishedTo}`);
  }
  const claimKinds = parseClaimKinds(selection.claimKinds, '--kind');
  const type = selection.type?.toUpperCase();
  if (type !== undefined && !(PLOVER_TYPES as readonly string[]).includes(type)) throw new UsageError(`unknown event type "${selection.type}": expected one of ${PLOVER_TYPES.join(', ')}`);
  const status = selection.status as CorroborationStatus | undefined;
  if (status !== undefined && !EVENT_STATUSES.includes(status)) throw new UsageError(`unknown status "${selection.status}": expected one of ${EVENT_STATUSES.join(', ')}`);
  let entityId: string | undefined;
  if (selection.entity) {
    const entity = await store.findEntity(selection.entity);
    if (!entity) throw new DossierError('E_NOT_FOUND', `no entity with id, name or alias "${selection.entity}"`);
    entityId = entity.id;
  }
  let country: string | undefined;
  if (selection.country) {
    country = (countryByCode(selection.country) ?? countryByName(selection.country))?.alpha2;
    if (!country) throw new DossierError('E_NOT_FOUND', `no country with code or name "${selection.country}"`);
  }
  // Filters on the articles themselves (as on the search page): events are kept when one of those articles reports them.
  const articleOnly: ArticleFilter = {
    ...(selection.place ? { place: selection.place } : {}), ...(country ? { country } : {}), ...(selection.outlet ? { outlet: selection.outlet } : {}),
    ...(selection.publishedFrom ? { from: selection.publishedFrom } : {}), ...(selection.publishedTo ? { to: selection.publishedTo } : {}),
  };
  const byArticle = text !== undefined || Object.keys(articleOnly).length > 0;
  const articleIds = byArticle
    ? (await all((offset) => store.search({ ...(text ? { text } : {}), filter: articleOnly, limit: PAGE, offset, withSnippets: false }))).map((h) => h.id)
    : undefined;
  const events: EventQuery = {
    ...(entityId ? { entityId } : {}), ...(selection.from ? { from: selection.from } : {}),
    // A day-, month- or year-prefix "to" includes everything that starts with it.
    ...(selection.to ? { to: `${selection.to}\uffff` } : {}),
    ...(status ? { status } : {}), ...(type ? { ploverType: type } : {}), ...(articleIds ? { articleIds } : {}),
  };
  // Claims come from articles: both kinds of date bound their publication, so the later start and earlier end win.
  const from = [selection.from, selection.publishedFrom].filter((d) => d !== undefined).sort().at(-1);
  const to = [selection.to, selection.publishedTo].filter((d) => d !== undefined).map((d) => `${d}\uffff`).sort()[0];
  const articles = {
    ...(text ? { text } : {}), ...(entityId ? { entityId } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}),
    ...(status ? { status } : {}), ...(type ? { ploverType: type } : {}),
    ...(articleOnly.place ? { place: articleOnly.place } : {}), ...(country ? { country } : {}), ...(articleOnly.outlet ? { outlet: articleOnly.outlet } : {}),
  };
  return { selective: Object.keys(articles).length > 0, events, articles, ...(entityId ? { entityId } : {}), claimKinds };
}

/**
 * The selected events with their details, a page at a time. Details are read TURN_EVERY events per getEvents call
 * (four queries), not one getEvent per event (13k events were ≈ 52k queries, on the pool the server's readers
 * share); a turn between calls, as SQLite answers a call of 500 events in one synchronous stretch (≈ 50 ms of CPU).
 */
async function* eventPages(store: Store, scope: Scope): AsyncGenerator<MergedEventDetail[]> {
  for await (const rows of pages((offset) => store.listEvents({ ...scope.events, limit: PAGE, offset }))) {
    const details: MergedEventDetail[] = [];
    for (let i = 0; i < rows.length; i += TURN_EVERY) {
      await nextTurn();
      details.push(...await store.getEvents(rows.slice(i, i + TURN_EVERY).map((row) => row.id)));
    }
    yield details;
  }
}

async function allEvents(store: Store, scope: Scope): Promise<MergedEventDetail[]> {
  const details: MergedEventDetail[] = [];
  for await (const page of eventPages(store, scope)) details.push(...page);
  return details;
}

/** Every entity, or for a selection the selected entity and the actors of the selected events. */
async function allEntities(store: Store, scope: Scope): Promise<CanonicalEntity[]> {
  const entities = await all((offset) => store.listEntities({ limit: PAGE, offset }));
  if (!scope.selective) return entities;
  const rows = await all((offset) => store.listEvents({ ...scope.events, limit: PAGE, offset }));
  const keep = new Set([...rows.flatMap((r) => [...r.sourceIds, ...r.targetIds]), ...(scope.entityId ? [scope.entityId] : [])]);
  return entities.filter((e) => keep.has(e.id));
}

const CLAIM_COLUMNS = ['article_id', 'outlet', 'published_at', 'claim_id', 'kind', 'stance', 'is_hedged', 'is_direct_quote', 'chain', 'origin', 'origin_is_anonymous', 'content', 'evidence_start', 'evidence_end'] as const;

/** Claim rows of the selected articles (every article for the whole store), a page of articles at a time. */
async function* claimPages(store: Store, scope: Scope): AsyncGenerator<Record<string, unknown>[]> {
  const { text, ...filter } = scope.articles;
  const articlePages = scope.selective
    ? pages((offset) => store.search({ ...(text ? { text } : {}), filter, limit: PAGE, offset, withSnippets: false }))
    : pages((offset) => store.listArticles({ limit: PAGE, offset }));
  for await (const articles of articlePages) {
    const rows: Record<string, unknown>[] = [];
    for (let i = 0; i < articles.length; i += TURN_EVERY) {
      if (i > 0) await nextTurn();
      // The claims layer only, TURN_EVERY articles a call (a few queries), not every layer one article at a time.
      const slice = articles.slice(i, i + TURN_EVERY);
      const read = new Map((await store.getArticles(slice.map((a) => a.id), { layers: ['claims'] })).map((a) => [a.id, a] as const));
      for (const summary of slice) {
        const article = read.get(summary.id);
        // The kinds asked for (statements of fact only by default, as the claims list shows them), each row saying its kind.
        for (const claim of ((article?.layers['claims'] ?? []) as Claim[]).filter((c) => scope.claimKinds.includes(claimKindOf(c)))) {
          const origin = claim.chain[claim.chain.length - 1];
          rows.push({
            article_id: summary.id, outlet: summary.outlet, published_at: summary.publishedAt, claim_id: claim.id, kind: claimKindOf(claim), stance: claim.stance,
            is_hedged: claim.isHedged, is_direct_quote: claim.isDirectQuote, chain: claim.chain.map((s) => s.name).join(' ← '),
            origin: origin?.name, origin_is_anonymous: origin?.kind === 'anonymous', content: article!.body.slice(claim.content.start, claim.content.end),
            evidence_start: claim.evidence.start, evidence_end: claim.evidence.end,
          });
        }
      }
    }
    yield rows;
  }
}

/** The articles (URL, ingest time, lead paragraph) and actor entities the GDELT rows of `events` refer to. */
async function gdeltContext(store: Store, entities: GdeltContext['entities'], events: readonly MergedEventDetail[]): Promise<GdeltContext> {
  const articles = new Map<string, { url: string; ingestedAt: string; leadEnd: number }>();
  // No layers: only the articles' rows and sources, in a few queries for the whole page of events.
  for (const article of await store.getArticles([...new Set(events.flatMap((e) => e.observations.map((o) => o.articleId)))], { layers: [] })) {
    articles.set(article.id, { url: article.url ?? article.source, ingestedAt: article.ingestedAt, leadEnd: article.paragraphs[0]?.end ?? article.body.length });
  }
  return { articles, entities };
}

/** The actor entities and the gazetteer's admin1 lookup the ACLED rows need. */
async function acledContext(store: Store, scope: Scope): Promise<AcledContext> {
  const gazetteer = await loadGazetteer();
  const entities = new Map((await allEntities(store, scope)).map((e) => [e.id, e] as const));
  return { entities, admin1Of: (place) => admin1Of(gazetteer, place) };
}

/** The admin1 name of a place: the gazetteer entry of that name in that country nearest to its coordinates. */
function admin1Of(gazetteer: Gazetteer, place: NonNullable<MergedEventDetail['place']>): string | undefined {
  const distance = (e: GazetteerEntry) => (place.lat === null || place.lon === null ? 0 : Math.hypot(e.lat - place.lat, e.lon - place.lon));
  const entry = gazetteer.lookup(placeKey(place.name)).filter((e) => e.countryCode === place.countryCode && e.kind !== 'country').sort((a, b) => distance(a) - distance(b))[0];
  if (!entry) return undefined;
  return entry.kind === 'admin1' ? entry.name : entry.admin1Code ? gazetteer.admin1(entry.countryCode, entry.admin1Code)?.name : undefined;
}

/** The entity–event graph: actors and events as nodes, actor/target edges, and co-occurrence edges. */
async function buildGraph(store: Store, scope: Scope): Promise<ExportGraph> {
  const events = await allEvents(store, scope);
  const entities = await allEntities(store, scope);
  const nodes = new Map<string, GraphNode>();
  for (const e of entities) nodes.set(e.id, { id: e.id, label: e.name, kind: 'entity', type: e.type });
  const edges: GraphEdge[] = [];
  for (const ev of events) {
    nodes.set(ev.id, { id: ev.id, label: `${ev.ploverType} ${ev.windowStart}`, kind: 'event', type: ev.ploverType, date: ev.windowStart, status: ev.status });
    for (const actor of ev.actors) {
      if (!nodes.has(actor.id)) nodes.set(actor.id, { id: actor.id, label: actor.name, kind: 'entity', type: 'UNKNOWN' });
      edges.push(actor.role === 'source' ? { source: actor.id, target: ev.id, relation: 'source-of', weight: 1 } : { source: ev.id, target: actor.id, relation: 'target-of', weight: 1 });
    }
  }
  for (const pair of await store.listCooccurrences({ minArticles: 1, limit: 5000 })) {
    if (nodes.has(pair.a) && nodes.has(pair.b)) edges.push({ source: pair.a, target: pair.b, relation: 'co-occurs', weight: pair.articles });
  }
  return { nodes: [...nodes.values()], edges };
}

/**
 * The store, or the part `selection` picks, in `format`, as text chunks (a page of rows each for the tables and
 * line formats; one chunk for the graph and FtM documents, which cross-reference the whole selection). The format
 * and filters are checked before it returns (UsageError, E_NOT_FOUND), so a server can still answer 400 or 404.
 */
export async function openExport(store: Store, format: string, selection: ExportSelection = {}): Promise<AsyncIterable<string>> {
  if (!isExportFormat(format)) throw new UsageError(`unknown export format "${format}": expected one of ${Object.keys(EXPORT_FORMATS).join(', ')}`);
  const scope = await resolveSelection(store, selection);
  return exportChunks(store, format, scope);
}

/** Writes the store, or the part `selection` picks, in `format`; throws UsageError on a bad format or filter. */
export async function exportAs(store: Store, format: string, selection: ExportSelection = {}): Promise<string> {
  let text = '';
  for await (const chunk of await openExport(store, format, selection)) text += chunk;
  return text;
}

async function* exportChunks(store: Store, format: ExportFormat, scope: Scope): AsyncGenerator<string> {
  switch (format) {
    case 'events.csv':
      yield toCsv(EVENT_COLUMNS, []);
      for await (const events of eventPages(store, scope)) yield csvRows(EVENT_COLUMNS, events.map(eventRow));
      return;
    case 'events.jsonl':
      for await (const events of eventPages(store, scope)) yield toJsonLines(events);
      return;
    case 'claims.csv':
      yield toCsv(CLAIM_COLUMNS, []);
      for await (const rows of claimPages(store, scope)) yield csvRows(CLAIM_COLUMNS, rows);
      return;
    case 'claims.jsonl':
      for await (const rows of claimPages(store, scope)) yield toJsonLines(rows);
      return;
    case 'entities.csv':
      yield toCsv(ENTITY_COLUMNS, (await allEntities(store, scope)).map(entityRow));
      return;
    case 'entities.jsonl': {
      const entities = await allEntities(store, scope);
      for (let i = 0; i < entities.length; i += PAGE) {
        const details = [];
        for (const e of entities.slice(i, i + PAGE)) details.push(await store.getEntity(e.id));
        yield toJsonLines(details.filter(Boolean));
        await nextTurn();
      }
      return;
    }
    case 'acled.csv': {
      const context = await acledContext(store, scope);
      yield toCsv(ACLED_COLUMNS, []);
      for await (const events of eventPages(store, scope)) yield csvRows(ACLED_COLUMNS, events.map((e) => acledRow(e, context)).filter((r) => r !== undefined));
      return;
    }
    case 'gdelt.tsv': {
      const entities = new Map((await allEntities(store, scope)).map((e) => [e.id, e] as const));
      let index = 0;
      for await (const events of eventPages(store, scope)) {
        const context = await gdeltContext(store, entities, events);
        yield toGdelt(events.map((e) => gdeltRow(e, index++, context)));
      }
      return;
    }
    case 'graphml':
      yield toGraphml(await buildGraph(store, scope));
      return;
    case 'gexf':
      yield toGexf(await buildGraph(store, scope));
      return;
    case 'ftm.jsonl': {
      const details: EntityDetail[] = [];
      for (const e of await allEntities(store, scope)) {
        const detail = await store.getEntity(e.id);
        if (detail) details.push(detail);
      }
      const events = await allEvents(store, scope);
      const ids = new Set([...details.flatMap((d) => d.articles.map((a) => a.articleId)), ...events.flatMap((e) => e.observations.map((o) => o.articleId))]);
      const articles = new Map<string, FtmArticle>();
      for (const article of await store.getArticles([...ids], { layers: [] })) {
        articles.set(article.id, { id: article.id, title: article.title, outlet: article.outlet, publishedAt: article.publishedAt, url: article.url, source: article.source });
      }
      yield toJsonLines(toFtmEntities(details, events, articles));
      return;
    }
  }
}

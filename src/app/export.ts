/**
 * The export use case: reads merged events, entities and claims from the store and writes one of the
 * formats analysts use. Shared by the CLI and the API.
 */
import {
  ACLED_COLUMNS, ENTITY_COLUMNS, EVENT_COLUMNS, acledRow, entityRow, eventRow, gdeltRow, toCsv, toGdelt, toGexf, toGraphml,
  toFtmEntities, toJsonLines, type AcledContext, type FtmArticle, type ExportGraph, type GdeltContext, type GraphEdge, type GraphNode,
} from '../export/index.js';
import { placeKey } from '../geo/normalise.js';
import type { Gazetteer, GazetteerEntry } from '../geo/gazetteer.js';
import { UsageError, type Claim } from '../model/index.js';
import { loadGazetteer } from './load-gazetteer.js';
import type { CanonicalEntity, EntityDetail, MergedEventDetail, Store } from '../store/store.js';

/** Every export format, with what it holds. */
export const EXPORT_FORMATS = {
  'events.csv': 'merged events with status and independent origins (CSV)',
  'events.jsonl': 'merged events with every report, chain and supporting sentence (JSON Lines)',
  'claims.csv': 'claims with their source chain and stance (CSV)',
  'claims.jsonl': 'claims with their source chain and stance (JSON Lines)',
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

/** Pages through a list query until it returns a short page. */
async function all<T>(page: (offset: number) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const rows = await page(offset);
    out.push(...rows);
    if (rows.length < PAGE) return out;
  }
}

async function allEvents(store: Store): Promise<MergedEventDetail[]> {
  const rows = await all((offset) => store.listEvents({ limit: PAGE, offset }));
  const details: MergedEventDetail[] = [];
  for (const row of rows) {
    const detail = await store.getEvent(row.id);
    if (detail) details.push(detail);
  }
  return details;
}

async function allEntities(store: Store): Promise<CanonicalEntity[]> {
  return all((offset) => store.listEntities({ limit: PAGE, offset }));
}

const CLAIM_COLUMNS = ['article_id', 'outlet', 'published_at', 'claim_id', 'stance', 'is_hedged', 'is_direct_quote', 'chain', 'origin', 'origin_is_anonymous', 'content', 'evidence_start', 'evidence_end'] as const;

async function allClaims(store: Store): Promise<Record<string, unknown>[]> {
  const articles = await all((offset) => store.listArticles({ limit: PAGE, offset }));
  const rows: Record<string, unknown>[] = [];
  for (const summary of articles) {
    const article = await store.getArticle(summary.id);
    for (const claim of (article?.layers['claims'] ?? []) as Claim[]) {
      const origin = claim.chain[claim.chain.length - 1];
      rows.push({
        article_id: summary.id, outlet: summary.outlet, published_at: summary.publishedAt, claim_id: claim.id, stance: claim.stance,
        is_hedged: claim.isHedged, is_direct_quote: claim.isDirectQuote, chain: claim.chain.map((s) => s.name).join(' ← '),
        origin: origin?.name, origin_is_anonymous: origin?.kind === 'anonymous', content: article!.body.slice(claim.content.start, claim.content.end),
        evidence_start: claim.evidence.start, evidence_end: claim.evidence.end,
      });
    }
  }
  return rows;
}

/** The articles (URL, ingest time, lead paragraph) and actor entities the GDELT rows of `events` refer to. */
async function gdeltContext(store: Store, events: readonly MergedEventDetail[]): Promise<GdeltContext> {
  const articles = new Map<string, { url: string; ingestedAt: string; leadEnd: number }>();
  for (const id of new Set(events.flatMap((e) => e.observations.map((o) => o.articleId)))) {
    const article = await store.getArticle(id);
    if (article) articles.set(id, { url: article.url ?? article.source, ingestedAt: article.ingestedAt, leadEnd: article.paragraphs[0]?.end ?? article.body.length });
  }
  const entities = new Map((await allEntities(store)).map((e) => [e.id, e] as const));
  return { articles, entities };
}

/** The actor entities and the gazetteer's admin1 lookup the ACLED rows need. */
async function acledContext(store: Store): Promise<AcledContext> {
  const gazetteer = await loadGazetteer();
  const entities = new Map((await allEntities(store)).map((e) => [e.id, e] as const));
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
export async function buildGraph(store: Store): Promise<ExportGraph> {
  const events = await allEvents(store);
  const entities = await allEntities(store);
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

/** Writes the whole store in `format`. */
export async function exportAs(store: Store, format: string): Promise<string> {
  switch (format as ExportFormat) {
    case 'events.csv':
      return toCsv(EVENT_COLUMNS, (await allEvents(store)).map(eventRow));
    case 'events.jsonl':
      return toJsonLines(await allEvents(store));
    case 'claims.csv':
      return toCsv(CLAIM_COLUMNS, await allClaims(store));
    case 'claims.jsonl':
      return toJsonLines(await allClaims(store));
    case 'entities.csv':
      return toCsv(ENTITY_COLUMNS, (await allEntities(store)).map(entityRow));
    case 'entities.jsonl': {
      const details = [];
      for (const e of await allEntities(store)) details.push(await store.getEntity(e.id));
      return toJsonLines(details.filter(Boolean));
    }
    case 'acled.csv':
    {
      const context = await acledContext(store);
      return toCsv(ACLED_COLUMNS, (await allEvents(store)).map((e) => acledRow(e, context)).filter((r) => r !== undefined));
    }
    case 'gdelt.tsv':
    {
      const events = await allEvents(store);
      const context = await gdeltContext(store, events);
      return toGdelt(events.map((e, i) => gdeltRow(e, i, context)));
    }
    case 'graphml':
      return toGraphml(await buildGraph(store));
    case 'gexf':
      return toGexf(await buildGraph(store));
    case 'ftm.jsonl': {
      const details: EntityDetail[] = [];
      for (const e of await allEntities(store)) {
        const detail = await store.getEntity(e.id);
        if (detail) details.push(detail);
      }
      const events = await allEvents(store);
      const ids = new Set([...details.flatMap((d) => d.articles.map((a) => a.articleId)), ...events.flatMap((e) => e.observations.map((o) => o.articleId))]);
      const articles = new Map<string, FtmArticle>();
      for (const id of ids) {
        const article = await store.getArticle(id);
        if (article) articles.set(id, { id, title: article.title, outlet: article.outlet, publishedAt: article.publishedAt, url: article.url });
      }
      return toJsonLines(toFtmEntities(details, events, articles));
    }
    default:
      throw new UsageError(`unknown export format "${format}": expected one of ${Object.keys(EXPORT_FORMATS).join(', ')}`);
  }
}

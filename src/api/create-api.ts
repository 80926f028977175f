/**
 * The HTTP API (Hono): read-only JSON over the store, plus the built web UI as static files. Thin: each route
 * validates its query string, calls one app/ use case and returns its result. Errors are mapped once, in onError.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import {
  CLAIM_STANCES, DEFAULT_PAGE_SIZE, DEFAULT_SCAN_ARTICLES, EVENT_STATUSES, MAX_PAGE_SIZE, MENTION_TYPES,
  entityGraph, getArticle, getClaim, getEvent, getStats, listArticles, listClaims, listEntities, listEvents, placeMap, searchArticles, searchFacets,
  type SearchFilterInput, type Store,
} from '../app/queries.js';
import { UsageError } from '../model/index.js';
import { briefHtml, briefMarkdown, briefStyleHash, gatherBrief } from '../app/brief.js';
import { EXPORT_FORMATS, exportFileName, exportMediaType, isExportFormat, openExport, type ExportSelection } from '../app/export.js';
import { parseClaimKinds } from '../app/claim-kinds.js';
import { EVENT_PERIODS, eventTrends } from '../app/event-trends.js';
import { errorResponse } from './errors.js';
import { mergeEvents, splitEvent } from '../app/event-decisions.js';
import { entityWithCorrections, registerEntityCorrectionRoutes } from './entity-corrections.js';
import { openApiDocument } from './openapi.js';
import type { TokenEntry } from '../app/access-tokens.js';
import { registerAlertRoutes } from './alert-routes.js';
import { bearerAuth } from './auth.js';
import { viewCache } from './view-cache.js';
import { MAX_TIMELINE_PAGE_ITEMS, TIMELINE_PAGE_ITEMS, timelinePage } from '../app/timeline.js';
import { mapCellEvents, mapClusters, MAX_MAP_CELL_KEYS, MAX_MAP_ZOOM_LEVEL } from '../app/map-clusters.js';
import { boolParam, boxParam, cellsParam, dateParam, enumParam, intParam, ploverParam, rejectUnknownParams, textParam, type QueryParams } from './params.js';

/** What the API needs. */
export interface ApiOptions {
  readonly store: Store;
  /** Folder of the built web UI (index.html + assets/); omitted, only the API is served. */
  readonly webRoot?: string;
  /**
   * Bearer tokens of a shared server (a token file's entries): every /api request must carry one, and only editor
   * tokens may change the store. Omitted, every request is the local user's.
   */
  readonly tokens?: readonly TokenEntry[];
  /** Where server errors are reported (default: stderr). */
  readonly logError?: (error: unknown, path: string) => void;
  /**
   * Keep the whole-store views' answers (timeline, map, graph, trends, facets, stats, alerts, an entity's brief as JSON) while the store's change stamp
   * holds (view-cache.ts); default true. Off for a caller that changes the store behind the API and reads at once.
   */
  readonly cacheViews?: boolean;
  /** Who is making a request (an authenticated user), recorded with the corrections it makes. */
  readonly userOf?: (c: Context) => string | undefined;
}

/** Longest search query accepted, in characters. */
export const MAX_QUERY_CHARS = 500;
/** The routes whose answers read the whole store (or one entity's share of it) and are kept by the view cache. */
const CACHED_VIEWS = ['/api/timeline', '/api/map', '/api/map/clusters', '/api/graph', '/api/events/trends', '/api/search/facets', '/api/stats', '/api/alerts', '/api/entities/:id/brief'] as const;

/** Most articles a cross-article view (graph, map, timeline) may be asked to read. */
export const MAX_SCAN_ARTICLES = 2000;

/** The filters /api/search takes besides q. */
const SEARCH_FILTERS = ['entity', 'type', 'status', 'place', 'country', 'outlet', 'from', 'to'] as const;

/** The search filters given in a query string, validated. */
function searchFilters(q: QueryParams): SearchFilterInput {
  const entity = textParam(q, 'entity', 300);
  const type = ploverParam(q, 'type');
  const status = enumParam(q, 'status', EVENT_STATUSES);
  const place = textParam(q, 'place', 200);
  const country = textParam(q, 'country', 100);
  const outlet = textParam(q, 'outlet', 200);
  const from = dateParam(q, 'from');
  const to = dateParam(q, 'to');
  return {
    ...(entity ? { entity } : {}), ...(type ? { type } : {}), ...(status ? { status } : {}), ...(place ? { place } : {}),
    ...(country ? { country } : {}), ...(outlet ? { outlet } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}),
  };
}

const page = (q: QueryParams) => ({
  limit: intParam(q, 'limit', { min: 1, max: MAX_PAGE_SIZE, fallback: DEFAULT_PAGE_SIZE }),
  offset: intParam(q, 'offset', { min: 0, max: 1_000_000, fallback: 0 }),
});
const scan = (q: QueryParams, fallback: number) => {
  const entityId = textParam(q, 'entity', 300);
  return { ...(entityId ? { entityId } : {}), maxArticles: intParam(q, 'maxArticles', { min: 1, max: MAX_SCAN_ARTICLES, fallback }) };
};

/** Query parameters of a selection (exports, trends) and the ExportSelection field each fills. */
const SELECTION_NAMES = {
  q: 'text', entity: 'entity', from: 'from', to: 'to', type: 'type', status: 'status', place: 'place', country: 'country', outlet: 'outlet',
  published_from: 'publishedFrom', published_to: 'publishedTo',
} as const satisfies Record<string, keyof ExportSelection>;
const SELECTION_PARAMS = Object.keys(SELECTION_NAMES);

function selectionOf(params: QueryParams): ExportSelection {
  const selection: Record<string, string> = {};
  for (const [param, key] of Object.entries(SELECTION_NAMES)) {
    const value = params[param];
    if (value) selection[key] = value;
  }
  return selection;
}

/** A byte stream of text chunks; a failure after the first byte can only cut the response short, so it is logged. */
function textStream(chunks: AsyncIterable<string>, logError: (error: unknown) => void): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  // A client that goes away cancels the stream while a page is being read: that page is then dropped, not enqueued
  // on the closed stream (which threw ERR_INVALID_STATE).
  let isCancelled = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        if (isCancelled) return;
        if (done) controller.close();
        else if (value) controller.enqueue(encoder.encode(value));
      } catch (error) {
        logError(error);
        controller.error(error);
      }
    },
    async cancel() {
      isCancelled = true;
      await iterator.return?.();
    },
  });
}

// The printable brief carries its one inline style sheet (so a downloaded brief is one file): the policy allows that
// exact text by hash, on the brief route only; no other inline style or script is allowed anywhere.
const BRIEF_STYLE_HASH = briefStyleHash();
const briefStyleSource = (c: Context): string => (/^\/api\/entities\/[^/]+\/brief$/.test(c.req.path) ? BRIEF_STYLE_HASH : '');

/**
 * Builds the API over a store.
 * @example
 * const app = createApi({ store });
 * const res = await app.request('/api/search?q=rocket'); // in-process, no port
 */
export function createApi(options: ApiOptions): Hono {
  const { store } = options;
  const logError = options.logError ?? ((error, path) => process.stderr.write(`dossier serve: ${path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`));
  const app = new Hono();

  // Article text is data: the UI only ever sets it as text, and this policy stops any injected script or inline
  // handler (onerror=…) from running even if a bug rendered it as HTML. Nothing is loaded from another origin.
  app.use('*', secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", briefStyleSource], imgSrc: ["'self'", 'data:'], connectSrc: ["'self'"],
      objectSrc: ["'none'"], baseUri: ["'none'"], frameAncestors: ["'none'"], formAction: ["'self'"],
    },
  }));

  app.onError((error, c) => {
    const { status, body, isServerError } = errorResponse(error);
    if (isServerError) logError(error, c.req.path);
    return c.json(body, status);
  });
  app.notFound((c) => c.json({ error: { code: 'E_NOT_FOUND', message: `no route ${c.req.method} ${c.req.path}` } }, 404));

  // A NUL byte is never meaningful in a path or parameter, and PostgreSQL refuses it inside text: a 400, everywhere.
  app.use('*', async (c, next) => {
    if (/%00|\0/i.test(c.req.url)) throw new UsageError('the request holds a NUL byte (%00), which no path or parameter may contain');
    await next();
  });

  // A shared server: /api needs a token (the UI's shell and /openapi.json carry no data and stay open).
  if (options.tokens) app.use('/api/*', bearerAuth(options.tokens));

  // After the token check, so a cached answer goes only to whoever may read it.
  if (options.cacheViews ?? true) {
    // The store's revision moves with every committed change, by this server or another process (issue 18).
    const cache = viewCache(() => store.revision());
    app.use('/api/*', cache.clearOnChange);
    for (const path of CACHED_VIEWS) app.use(path, cache.cached);
  }

  const query = (c: Context, allowed: readonly string[]): QueryParams => {
    const q = c.req.query();
    rejectUnknownParams(q, allowed);
    return q;
  };

  app.get('/api/articles', async (c) => c.json(await listArticles(store, page(query(c, ['limit', 'offset'])))));

  app.get('/api/articles/:id', async (c) => {
    query(c, []);
    return c.json(await getArticle(store, c.req.param('id')));
  });

  app.get('/api/search', async (c) => {
    const q = query(c, ['q', ...SEARCH_FILTERS, 'limit', 'offset']);
    const text = textParam(q, 'q', MAX_QUERY_CHARS);
    const filters = searchFilters(q);
    if (!text && !Object.keys(filters).length) throw new UsageError(`give "q" (words, "a phrase" or a prefix*) or at least one filter (${SEARCH_FILTERS.join(', ')})`);
    return c.json(await searchArticles(store, text, page(q), filters));
  });

  app.get('/api/search/facets', async (c) => {
    query(c, []);
    return c.json(await searchFacets(store));
  });

  app.get('/api/claims', async (c) => {
    const q = query(c, ['entity', 'article', 'event', 'kind', 'stance', 'anonymous', 'outlet', 'from', 'to', 'limit', 'offset']);
    const kinds = parseClaimKinds(textParam(q, 'kind', 100), 'parameter "kind"');
    const entity = textParam(q, 'entity', 300);
    const articleId = textParam(q, 'article', 64);
    const eventId = textParam(q, 'event', 300);
    const stance = enumParam(q, 'stance', CLAIM_STANCES);
    const isAnonymous = boolParam(q, 'anonymous');
    const outlet = textParam(q, 'outlet', 200);
    const from = dateParam(q, 'from');
    const to = dateParam(q, 'to');
    return c.json(await listClaims(store, {
      kinds, ...(entity ? { entity } : {}), ...(articleId ? { articleId } : {}), ...(eventId ? { eventId } : {}), ...(stance ? { stance } : {}),
      ...(isAnonymous !== undefined ? { isAnonymous } : {}), ...(outlet ? { outlet } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}),
    }, page(q)));
  });

  app.get('/api/claims/:id', async (c) => {
    query(c, []);
    return c.json(await getClaim(store, c.req.param('id')));
  });

  app.get('/api/entities', async (c) => {
    const q = query(c, ['type', 'q', 'limit', 'offset']);
    const type = enumParam(q, 'type', MENTION_TYPES);
    const search = textParam(q, 'q', 200);
    return c.json(await listEntities(store, { ...(type ? { type } : {}), ...(search ? { search } : {}), ...page(q) }));
  });

  // With the entity's corrections and the type evidence of its name (entity-corrections.ts).
  app.get('/api/entities/:id', async (c) => c.json(await entityWithCorrections(store, c.req.param('id'), page(query(c, ['limit', 'offset'])))));

  app.get('/api/events', async (c) => {
    const q = query(c, ['entity', 'from', 'to', 'status', 'type', 'q', 'limit', 'offset']);
    const entityId = textParam(q, 'entity', 300);
    const from = dateParam(q, 'from');
    const to = dateParam(q, 'to');
    const status = enumParam(q, 'status', EVENT_STATUSES);
    const ploverType = ploverParam(q, 'type');
    const text = textParam(q, 'q', MAX_QUERY_CHARS);
    return c.json(await listEvents(store, {
      ...(entityId ? { entityId } : {}), ...(from ? { from } : {}), ...(status ? { status } : {}), ...(ploverType ? { ploverType } : {}), ...(text ? { text } : {}),
      // `to` is inclusive at its precision: 2024-11 means up to the end of November.
      ...(to ? { to: `${to}\uffff` } : {}),
      ...page(q),
    }));
  });

  // Counts by PLOVER type over time, with the filters of exports (before /api/events/:id, which would take "trends").
  app.get('/api/events/trends', async (c) => {
    const params = query(c, ['period', ...SELECTION_PARAMS]);
    const period = enumParam(params, 'period', EVENT_PERIODS);
    return c.json(await eventTrends(store, selectionOf(params), period));
  });

  app.get('/api/events/:id', async (c) => {
    query(c, []);
    return c.json(await getEvent(store, c.req.param('id')));
  });

  // Decisions change the store: JSON bodies only, so a cross-site form (a "simple" request) can never send one.
  const jsonBody = async (c: Context): Promise<Record<string, unknown>> => {
    if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) throw new UsageError('send a JSON body with Content-Type: application/json');
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new UsageError('the body is not valid JSON');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new UsageError('the body must be a JSON object');
    return body as Record<string, unknown>;
  };
  const stringField = (body: Record<string, unknown>, name: string): string => {
    const value = body[name];
    if (typeof value !== 'string' || !value || value.length > 300) throw new UsageError(`"${name}" must be a non-empty string`);
    return value;
  };

  app.post('/api/events/:id/merge', async (c) => {
    query(c, []);
    const body = await jsonBody(c);
    return c.json(await mergeEvents(store, c.req.param('id'), stringField(body, 'other')));
  });

  app.post('/api/events/:id/split', async (c) => {
    query(c, []);
    const body = await jsonBody(c);
    return c.json(await splitEvent(store, c.req.param('id'), { articleId: stringField(body, 'articleId'), mentionId: stringField(body, 'mentionId') }), 201);
  });

  // Saved searches, alerts and notes.
  registerAlertRoutes(app, { store, jsonBody, searchFilters, maxQueryChars: MAX_QUERY_CHARS });
  // Entity corrections (merge, split, rename, retype, undo): routes in entity-corrections.ts.
  registerEntityCorrectionRoutes(app, { store, jsonBody, query, ...(options.userOf ? { userOf: options.userOf } : {}) });

  app.get('/api/stats', async (c) => {
    query(c, []);
    return c.json(await getStats(store));
  });

  app.get('/api/graph', async (c) => {
    const q = query(c, ['entity', 'maxArticles', 'maxNodes', 'maxEvents']);
    return c.json(await entityGraph(store, {
      ...scan(q, DEFAULT_SCAN_ARTICLES),
      maxNodes: intParam(q, 'maxNodes', { min: 2, max: 200, fallback: 40 }),
      maxEvents: intParam(q, 'maxEvents', { min: 0, max: 200, fallback: 30 }),
    }));
  });

  app.get('/api/map', async (c) => c.json(await placeMap(store, scan(query(c, ['entity', 'maxArticles']), DEFAULT_SCAN_ARTICLES))));

  // Every located event of the visible extent, counted per grid cell by the store (or listed, when few), and one
  // page of the events of the cells a cluster joined.
  app.get('/api/map/clusters', async (c) => {
    const q = query(c, ['entity', 'zoom', 'bbox']);
    const entityId = textParam(q, 'entity', 300);
    const area = boxParam(q, 'bbox');
    return c.json(await mapClusters(store, { ...(entityId ? { entityId } : {}), zoomLevel: intParam(q, 'zoom', { min: 0, max: MAX_MAP_ZOOM_LEVEL, fallback: 0 }), ...(area ? { area } : {}) }));
  });
  app.get('/api/map/events', async (c) => {
    const q = query(c, ['entity', 'zoom', 'cells', 'limit', 'offset']);
    const entityId = textParam(q, 'entity', 300);
    const cells = cellsParam(q, 'cells', MAX_MAP_CELL_KEYS);
    if (!cells) throw new UsageError('parameter "cells" is required: the row:col pairs of a cluster, from /api/map/clusters');
    return c.json(await mapCellEvents(store, { ...(entityId ? { entityId } : {}), zoomLevel: intParam(q, 'zoom', { min: 0, max: MAX_MAP_ZOOM_LEVEL, fallback: 0 }), cells, ...page(q) }));
  });

  // One page of one group of the timeline (a period at a zoom, the dates outside the dense range, the undated
  // events), with the counts per date of the whole scope: the first view reads a page, not the whole store.
  app.get('/api/timeline', async (c) => {
    const q = query(c, ['entity', 'q', 'from', 'to', 'zoom', 'at', 'offset', 'limit']);
    const entityId = textParam(q, 'entity', 300);
    const text = textParam(q, 'q', MAX_QUERY_CHARS);
    const from = dateParam(q, 'from');
    const to = dateParam(q, 'to');
    const zoom = enumParam(q, 'zoom', ['year', 'month', 'day'] as const);
    const at = textParam(q, 'at', 10);
    return c.json(await timelinePage(store, {
      ...(entityId ? { entityId } : {}), ...(text ? { text } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}), ...(zoom ? { zoom } : {}), ...(at ? { at } : {}),
      limit: intParam(q, 'limit', { min: 1, max: MAX_TIMELINE_PAGE_ITEMS, fallback: TIMELINE_PAGE_ITEMS }),
      offset: intParam(q, 'offset', { min: 0, max: 1_000_000, fallback: 0 }),
    }));
  });

  // The printable dossier of one entity, as Markdown or as a self-contained HTML page (text escaped, no script).
  app.get('/api/entities/:id/brief', async (c) => {
    const format = enumParam(query(c, ['format']), 'format', ['md', 'html', 'json'] as const) ?? 'html';
    const brief = await gatherBrief(store, c.req.param('id'));
    if (format === 'json') return c.json(brief);
    if (format === 'md') return c.text(briefMarkdown(brief), 200, { 'Content-Type': 'text/markdown; charset=utf-8' });
    return c.html(briefHtml(brief));
  });

  // Exports in the formats analysts use (the same as `dossier export`): the whole store, or the part the filters pick.
  app.get('/api/exports/:format', async (c) => {
    const params = query(c, [...SELECTION_PARAMS, 'kind']);
    const format = c.req.param('format');
    if (!isExportFormat(format)) throw new UsageError(`unknown export format "${format}": expected one of ${Object.keys(EXPORT_FORMATS).join(', ')}`);
    const kind = textParam(params, 'kind', 100);
    const selection: ExportSelection = { ...selectionOf(params), ...(kind ? { claimKinds: kind } : {}) };
    // Checked before the first byte (a bad filter is still a 400), then streamed a page at a time: a large export
    // neither holds the whole file in memory nor keeps other requests waiting.
    const chunks = await openExport(store, format, selection);
    return c.body(textStream(chunks, (error) => logError(error, c.req.path)), 200, { 'Content-Type': exportMediaType(format), 'Content-Disposition': `attachment; filename="${exportFileName(format)}"` });
  });

  app.get('/openapi.json', (c) => c.json(openApiDocument()));

  if (options.webRoot) {
    const webRoot = options.webRoot;
    if (existsSync(join(webRoot, 'index.html'))) {
      app.get('/*', serveStatic({ root: webRoot }));
    } else {
      app.get('/', (c) => c.text(`The web UI is not built (no ${join(webRoot, 'index.html')}): run \`npm run build:web\`. The API is at /api and described at /openapi.json.\n`, 503));
    }
  }
  return app;
}

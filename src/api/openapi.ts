/**
 * The OpenAPI 3.1 description served at /openapi.json, written by hand beside the routes. A test checks that
 * every route is described and every described path is a route, so the two cannot drift apart unnoticed.
 */
import { alertPaths, alertSchemas, authResponses, bearerSecurity } from './openapi-alerts.js';
import { CLAIM_STANCES, DEFAULT_PAGE_SIZE, DEFAULT_SCAN_ARTICLES, EVENT_STATUSES, MAX_EVENT_SEARCH_HITS, MAX_PAGE_SIZE, MENTION_TYPES } from '../app/queries.js';
import { CLAIM_KINDS } from '../model/index.js';

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str = { type: 'string' } as const;
const nullableStr = { type: ['string', 'null'] } as const;
const int = { type: 'integer' } as const;
const span = ref('Span');

const param = (name: string, description: string, schema: Schema, where: 'query' | 'path' = 'query', required = where === 'path') => ({ name, in: where, required, description, schema });
const limit = param('limit', `page size (default ${DEFAULT_PAGE_SIZE})`, { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE });
const offset = param('offset', 'rows to skip', { type: 'integer', minimum: 0, default: 0 });
const entityFilter = param('entity', 'restrict to the articles of this canonical entity (id, name or alias)', str);
const datePattern = { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' } as const;
const fromDate = (what: string) => param('from', `${what} on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)`, datePattern);
const toDate = (what: string) => param('to', `${what} on or before this date, inclusive at its precision (2024-11 is up to 30 November)`, datePattern);
const maxArticles = (fallback: number) => param('maxArticles', 'read at most this many articles (`isPartial` says when more exist)', { type: 'integer', minimum: 1, maximum: 2000, default: fallback });

const ok = (schema: Schema, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = (...statuses: (400 | 404)[]) => Object.fromEntries([
  ...statuses.map((s) => [String(s), { $ref: s === 400 ? '#/components/responses/BadRequest' : '#/components/responses/NotFound' }]),
  ['500', { $ref: '#/components/responses/ServerError' }],
]);
const pageOf = (item: Schema, extra: Record<string, Schema> = {}, required: string[] = []): Schema => ({
  type: 'object',
  required: ['items', 'limit', 'offset', 'hasMore', ...required],
  properties: { items: { type: 'array', items: item }, limit: int, offset: int, total: { ...int, description: 'present when the count is cheap' }, hasMore: { type: 'boolean' }, ...extra },
});

/** The filters of a selection (exports, trends): the same as the search page's. */
const SELECTION_PARAMETERS: Schema[] = [
  param('q', 'words: only the events and claims of the matching articles', { type: 'string', maxLength: 500 }),
  param('entity', 'only the events this canonical entity (id, name or alias) takes part in, and claims of the articles naming it', str),
  fromDate('events and articles dated'), toDate('events and articles dated'),
  param('type', 'PLOVER event type, e.g. ASSAULT', { type: 'string', maxLength: 60 }),
  param('status', 'corroboration status', { type: 'string', enum: EVENT_STATUSES }),
  param('place', 'only what articles naming this place (gazetteer id or name) report', str),
  param('country', 'only what articles naming a place in this country (ISO 3166-1 code or English name) report', str),
  param('outlet', 'only what articles of this outlet report', str),
  { ...fromDate('articles published'), name: 'published_from' }, { ...toDate('articles published'), name: 'published_to' },
];

/** The claim kinds a claims list or a claims export keeps (`kind` column/field in every row). */
const CLAIM_KIND_PARAMETER: Schema = param('kind',
  `claim kinds kept: ${CLAIM_KINDS.join(', ')} (a statement of fact; a wish, demand or intention; a judgement), comma-separated, or all; default assertion`,
  { type: 'string', maxLength: 100, examples: ['assertion', 'desire,evaluation', 'all'] });

/** The OpenAPI document for this version of the API. */
export function openApiDocument(): Schema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Dossier API',
      version: '0.1.0',
      description: 'Access to a Dossier store: articles with their annotation layers (every fact carries {start,end} character offsets into the article body), full-text search, canonical entities, cross-article views, and the user’s own records (event merges and splits, saved searches and their alerts, notes). Errors are always {"error":{"code","message"}}. Article text is returned as data; render it as text, never as HTML.',
    },
    paths: {
      '/api/articles': {
        get: {
          summary: 'A page of articles in stored order',
          parameters: [limit, offset],
          responses: { 200: ok(pageOf(ref('ArticleSummary')), 'a page of articles (the count is in /api/stats)'), ...errors(400) },
        },
      },
      '/api/articles/{id}': {
        get: {
          summary: 'One article: metadata, cleaned body, paragraphs, comments and captions set apart, every stored layer',
          parameters: [param('id', 'article id (16 hex digits) or a unique prefix of at least 4', str, 'path')],
          responses: { 200: ok(ref('Article'), 'the article'), ...errors(400, 404) },
        },
      },
      '/api/search': {
        get: {
          summary: 'Full-text search over titles and bodies, best first, with highlighted snippets; filters keep only the articles satisfying all of them; with filters and no words, the filtered articles newest first (snippet = opening)',
          description: 'Hits are ranked by relevance (BM25 with title words weighing 4 on SQLite, ts_rank on PostgreSQL). A query matching more than 5,000 articles is ranked in tiers of 5,000 matches, the most recently stored tier first, so a page costs the same at any corpus size; every match is still listed once across pages.',
          parameters: [
            param('q', 'words, "a quoted phrase", or a prefix* (at most 500 characters); required unless a filter is given', { type: 'string', maxLength: 500 }),
            param('entity', 'articles naming this canonical entity (id, name or alias)', { type: 'string', maxLength: 300 }),
            param('type', 'articles reporting an event of this PLOVER type (with `status`: one event with both)', { type: 'string', maxLength: 60 }),
            param('status', 'articles reporting an event with this corroboration status', { type: 'string', enum: EVENT_STATUSES }),
            param('place', 'articles naming this place: a gazetteer id (geonames:98182) or a name, any case', { type: 'string', maxLength: 200 }),
            param('country', 'articles naming a place in this country: ISO alpha-2, alpha-3 or English name', { type: 'string', maxLength: 100 }),
            param('outlet', 'articles from this outlet, any case', { type: 'string', maxLength: 200 }),
            fromDate('articles published'), toDate('articles published'),
            limit, offset,
          ],
          responses: { 200: ok(pageOf(ref('SearchHit'), { query: str, filters: ref('SearchFilters') }, ['query', 'filters']), 'a page of hits'), ...errors(400, 404) },
        },
      },
      '/api/search/facets': {
        get: {
          summary: 'The values the search filters can take in this store, most frequent first (for filter menus)',
          responses: { 200: ok(ref('SearchFacets'), 'outlets, event types and countries with counts'), ...errors(400) },
        },
      },
      '/api/claims': {
        get: {
          summary: 'Claims (who says what, with the chain of sources and the stance), oldest article first, each traced to its sentence',
          parameters: [
            param('entity', 'claims whose chain holds, or whose content names, this canonical entity (id, name or alias)', { type: 'string', maxLength: 300 }),
            param('article', 'claims of one article (its full id)', { type: 'string', maxLength: 64 }),
            param('event', 'claims that report this merged event', { type: 'string', maxLength: 300 }),
            CLAIM_KIND_PARAMETER,
            param('stance', 'stance of the claim', { type: 'string', enum: CLAIM_STANCES }),
            param('anonymous', 'true: only claims whose origin is an unnamed source; false: only named ones', { type: 'boolean' }),
            param('outlet', 'claims published by this outlet, any case', { type: 'string', maxLength: 200 }),
            fromDate('claims published'), toDate('claims published'),
            limit, offset,
          ],
          responses: { 200: ok(pageOf(ref('Claim'), {}, ['total']), 'a page of claims with the number that match'), ...errors(400, 404) },
        },
      },
      '/api/claims/{id}': {
        get: {
          summary: 'One claim with the claims in its article that answer it (denials, confirmations)',
          parameters: [param('id', 'claim id: <article id>:<claim id>, e.g. 6d7a121554f93064:c2 (URL-encoded)', str, 'path')],
          responses: { 200: ok({ allOf: [ref('Claim'), { type: 'object', required: ['responses'], properties: { responses: { type: 'array', items: ref('Claim') } } }] }, 'the claim'), ...errors(400, 404) },
        },
      },
      '/api/entities': {
        get: {
          summary: 'Canonical entities, most mentioned first',
          parameters: [param('type', 'NER class', { type: 'string', enum: MENTION_TYPES }), param('q', 'the start of a name or alias, or of any word in it, ignoring case ("ndj" finds "Guillaume Ndjike")', { type: 'string', maxLength: 200 }), limit, offset],
          responses: { 200: ok(pageOf(ref('Entity')), 'a page of entities'), ...errors(400) },
        },
      },
      '/api/entities/{id}': {
        get: {
          summary: 'One entity: aliases, roles with their evidence, a page of its articles, mentions by outlet',
          parameters: [param('id', 'canonical id (e.g. "per:qasim hadad", URL-encoded), or an exact name or alias', str, 'path'), { ...limit, description: 'page size of `articles`' }, { ...offset, description: 'offset into `articles`' }],
          responses: { 200: ok(ref('EntityDetail'), 'the entity'), ...errors(400, 404) },
        },
      },
      '/api/events': {
        get: {
          summary: 'Merged events in time order, with their corroboration status and independent sources',
          parameters: [
            param('entity', 'canonical entity id taking part (as source or target)', str),
            param('from', 'events whose window ends on or after this date', { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' }),
            param('to', 'events whose window starts on or before this date (inclusive at its precision: 2024-11 is up to 30 November)', { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' }),
            param('status', 'corroboration status', { type: 'string', enum: EVENT_STATUSES }),
            param('type', 'PLOVER event type, e.g. ASSAULT', { type: 'string', maxLength: 60 }),
            param('q', `words: only events observed in the articles matching them (the first ${MAX_EVENT_SEARCH_HITS} hits)`, { type: 'string', maxLength: 500 }),
            limit, offset,
          ],
          responses: { 200: ok(pageOf(ref('Event')), 'a page of events'), ...errors(400) },
        },
      },
      '/api/events/trends': {
        get: {
          summary: 'Merged events counted by PLOVER type per year, month or day, over the dense range of their dates (filters as for exports)',
          parameters: [
            param('period', 'length of each bar; by default the finest that keeps the range readable', { type: 'string', enum: ['year', 'month', 'day'] }),
            ...SELECTION_PARAMETERS,
          ],
          responses: {
            200: ok({
              type: 'object', required: ['period', 'periods', 'types', 'before', 'after', 'undated', 'total'],
              properties: {
                period: { type: 'string', enum: ['year', 'month', 'day'] },
                periods: { type: 'array', items: { type: 'object', properties: { period: str, counts: { type: 'object', additionalProperties: { type: 'integer' } }, total: { type: 'integer' } } } },
                types: { type: 'array', items: str, description: 'PLOVER types present, most frequent first' },
                before: { type: 'integer', description: 'events dated before the dense range' },
                after: { type: 'integer', description: 'events dated after the dense range' },
                undated: { type: 'integer' }, total: { type: 'integer' },
              },
            }, 'counts by period and type'),
            ...errors(400, 404),
          },
        },
      },
      '/api/events/{id}': {
        get: {
          summary: 'One merged event: every observation with its sentence, every report with its source chain and stance',
          parameters: [param('id', 'merged event id', str, 'path')],
          responses: { 200: ok(ref('EventDetail'), 'the event'), ...errors(400, 404) },
        },
      },
      '/api/events/{id}/merge': {
        post: {
          summary: "The user's decision that another event is this one: its observations join this event; kept when articles are re-ingested",
          parameters: [param('id', 'merged event id (the one that stays)', str, 'path')],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['other'], properties: { other: { type: 'string', description: 'the event merged into it' } } } } } },
          responses: { 200: ok(ref('EventDetail'), 'the merged event'), ...errors(400, 404) },
        },
      },
      '/api/events/{id}/split': {
        post: {
          summary: "The user's decision that one report of this event is another event: it moves to an event of its own, kept apart on re-ingest",
          parameters: [param('id', 'merged event id', str, 'path')],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['articleId', 'mentionId'], properties: { articleId: str, mentionId: str } } } } },
          responses: { 201: ok(ref('EventDetail'), 'the new event'), ...errors(400, 404) },
        },
      },
      // Entity corrections (entity-corrections.ts): each kept as an override with who and when, undone by DELETE.
      ...entityCorrectionPaths(),
      '/api/entities/{id}/brief': {
        get: {
          summary: 'The printable dossier of one entity: identity, aliases, roles, timeline with sources and status, related actors, contested events',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'canonical id, name or alias' },
            param('format', 'html (default, a self-contained page), md, or json (the same content as data: entity, events, related, places, contestedClaims)', { type: 'string', enum: ['html', 'md', 'json'] }),
          ],
          responses: {
            200: {
              description: 'the brief',
              content: {
                'text/html': { schema: { type: 'string' } }, 'text/markdown': { schema: { type: 'string' } },
                'application/json': { schema: { type: 'object', required: ['entity', 'events', 'related', 'places', 'contestedClaims'], properties: { entity: ref('EntityDetail'), events: { type: 'array', items: ref('Event') }, related: { type: 'array', items: { type: 'object' }, description: 'people, organisations, groups and states named with it' }, places: { type: 'array', items: { type: 'object' }, description: 'places below country level named with it' }, contestedClaims: { type: 'array', items: ref('Claim') } } } },
              },
            },
            ...errors(400, 404),
          },
        },
      },
      '/api/exports/{format}': {
        get: {
          summary: 'The store, or the selection the filters pick, in a format analysts use (as `dossier export`)',
          parameters: [{
            name: 'format', in: 'path', required: true,
            schema: { type: 'string', enum: ['events.csv', 'events.jsonl', 'claims.csv', 'claims.jsonl', 'entities.csv', 'entities.jsonl', 'acled.csv', 'gdelt.tsv', 'graphml', 'gexf', 'ftm.jsonl'] },
          },
          ...SELECTION_PARAMETERS, CLAIM_KIND_PARAMETER],
          responses: {
            200: {
              description: 'the export, as an attachment named with its extension (dossier-events.csv, dossier-gdelt.tsv, dossier-events.gexf)',
              content: {
                'text/csv': { schema: { type: 'string' } }, 'text/tab-separated-values': { schema: { type: 'string' } },
                'application/x-ndjson': { schema: { type: 'string' } }, 'application/graphml+xml': { schema: { type: 'string' } },
                'application/gexf+xml': { schema: { type: 'string' } },
              },
            },
            ...errors(400, 404),
          },
        },
      },
      '/api/stats': {
        get: { summary: 'Counts of what the store holds', responses: { 200: ok(ref('Stats'), 'the counts'), ...errors(400) } },
      },
      '/api/graph': {
        get: {
          summary: 'Entity–event–entity and co-occurrence graph, over all articles or one entity\'s: entities linked when named in the same article (pairs kept at ingest time), and merged events linked to their source (actor) and target entities',
          parameters: [
            entityFilter,
            { ...maxArticles(DEFAULT_SCAN_ARTICLES), description: 'accepted and ignored: the graph covers every article (`isPartial` is always false)' },
            param('maxNodes', 'keep the most frequent co-occurring entities (event actors are added beyond this)', { type: 'integer', minimum: 2, maximum: 200, default: 40 }),
            param('maxEvents', 'merged events to draw, those with the most reports (around an entity: among its events); 0 for co-occurrence only', { type: 'integer', minimum: 0, maximum: 200, default: 30 }),
          ],
          responses: { 200: ok(ref('Graph'), 'nodes and weighted edges'), ...errors(400, 404) },
        },
      },
      '/api/map': {
        get: {
          summary: 'Resolved places over the whole corpus or one entity\'s articles (from the place index kept at ingest: counts and five newest articles each, most named first, at most 500), the 100 most reported merged events with coordinates, and the extent of all of them (the map draws them from /api/map/clusters)',
          parameters: [entityFilter, { ...maxArticles(DEFAULT_SCAN_ARTICLES), description: 'accepted and ignored: the map covers every article' }],
          responses: { 200: ok(ref('Map'), 'points to draw'), ...errors(400, 404) },
        },
      },
      '/api/map/clusters': {
        get: {
          summary: 'Every merged event with coordinates in an extent, counted per cell of a grid (cells of 16 / 2^zoom degrees: row floor((lat + 90) / size), column floor((lon + 180) / size)) with their types and commonest places; when the extent holds at most 300, the events themselves',
          parameters: [
            param('entity', 'only the events this canonical entity (id, name or alias) takes part in', str),
            param('zoom', 'grid level: 0 (cells of 16°) to 10 (under 0.02°)', { type: 'integer', minimum: 0, maximum: 10, default: 0 }),
            param('bbox', 'the visible extent, west,south,east,north in degrees (default: the whole world)', { type: 'string', example: '20,10,60,50' }),
          ],
          responses: { 200: ok(ref('MapClusters'), 'clusters or events'), ...errors(400, 404) },
        },
      },
      '/api/map/events': {
        get: {
          summary: 'One page of the merged events with coordinates in some cells of the map grid (a cluster), most reported first, with their total',
          parameters: [
            param('entity', 'only the events this canonical entity (id, name or alias) takes part in', str),
            param('zoom', 'the grid level the cells belong to', { type: 'integer', minimum: 0, maximum: 10, default: 0 }),
            param('cells', 'row:col pairs separated by commas, as /api/map/clusters returned them (at most 400)', { type: 'string', example: '7:13,7:14' }, 'query', true),
            limit, offset,
          ],
          responses: { 200: ok(pageOf(ref('MapEvent'), {}, ['total']), 'a page of events'), ...errors(400, 404) },
        },
      },
      '/api/timeline': {
        get: {
          summary: 'One page of the timeline (merged events by date window, articles by publication date, an entity\'s dated roles, oldest first) with the counts per date of the whole scope; optionally only what matches words and a date range',
          parameters: [
            entityFilter,
            param('q', `words: only the matching articles (the first ${MAX_EVENT_SEARCH_HITS}) and the events they report`, { type: 'string', maxLength: 500 }),
            fromDate('items dated'), toDate('items dated'),
            param('zoom', 'period length (default: year over more than 3 years, month over more than 2 months, else day)', { type: 'string', enum: ['year', 'month', 'day'] }),
            param('at', 'the group listed: a period key at the zoom (2023, 2023-03, 2023-03-01), "outside" (dates outside the dense range) or "undated" (default: the latest period of the dense range)', { type: 'string', maxLength: 10 }),
            param('offset', 'items of the group to skip', { type: 'integer', minimum: 0, default: 0 }),
            param('limit', 'items per page', { type: 'integer', minimum: 1, maximum: 500, default: 100 }),
          ],
          responses: { 200: ok(ref('Timeline'), 'dated items'), ...errors(400, 404) },
        },
      },
      '/openapi.json': {
        get: { summary: 'This description', security: [{}], responses: { 200: ok({ type: 'object' }, 'OpenAPI 3.1 document') } },
      },
      // Saved searches, alerts and notes.
      ...alertPaths,
    },
    security: bearerSecurity.security,
    components: {
      securitySchemes: bearerSecurity.securitySchemes,
      responses: {
        ...authResponses,
        BadRequest: ok(ref('Error'), 'a parameter is missing, unknown or out of range; the message quotes it'),
        NotFound: ok(ref('Error'), 'no such article, entity or route'),
        ServerError: ok(ref('Error'), 'the server failed; details are in its log'),
      },
      schemas: {
        ...alertSchemas,
        Error: {
          type: 'object', required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { ...str, examples: ['E_USAGE', 'E_NOT_FOUND', 'E_STORE'] }, message: str } } },
        },
        SearchFilters: {
          type: 'object', description: 'the filters applied, as the store read them (entity as canonical id, country as alpha-2)',
          properties: { entityId: str, ploverType: str, status: { type: 'string', enum: EVENT_STATUSES }, place: str, country: str, outlet: str, from: str, to: str },
        },
        SearchFacets: {
          type: 'object', required: ['outlets', 'eventTypes', 'countries'],
          properties: {
            outlets: { type: 'array', items: ref('FacetValue') },
            eventTypes: { type: 'array', items: ref('FacetValue'), description: 'counted in merged events' },
            countries: { type: 'array', items: { allOf: [ref('FacetValue'), { type: 'object', required: ['name'], properties: { name: str } }] }, description: 'alpha-2 codes, counted in articles' },
          },
        },
        FacetValue: { type: 'object', required: ['value', 'count'], properties: { value: str, count: int } },
        QuotedSpan: { type: 'object', required: ['start', 'end', 'text'], properties: { start: int, end: int, text: str } },
        ClaimSource: {
          type: 'object', required: ['kind', 'name', 'entityId'],
          properties: {
            kind: { type: 'string', enum: ['person', 'organisation', 'outlet', 'anonymous', 'document', 'social-media', 'article'] },
            name: str, entityId: { ...nullableStr, description: 'canonical entity id when linked' }, role: nullableStr, nationality: nullableStr,
            count: { type: ['integer', 'string', 'null'], description: 'how many an anonymous source stands for: a number or "multiple"' },
            span: { oneOf: [span, { type: 'null' }] },
          },
        },
        Claim: {
          type: 'object',
          required: ['id', 'articleId', 'kind', 'stance', 'isDirectQuote', 'isHedged', 'isAnonymous', 'chain', 'evidence', 'content', 'events', 'entityIds'],
          properties: {
            id: { ...str, description: '<article id>:<claim id>' }, articleId: str, title: nullableStr, outlet: nullableStr, publishedAt: nullableStr,
            kind: { type: 'string', enum: CLAIM_KINDS, description: 'assertion (a statement of fact), desire (a wish, demand or intention) or evaluation (a judgement)' },
            stance: { type: 'string', enum: CLAIM_STANCES }, isDirectQuote: { type: 'boolean' }, isHedged: { type: 'boolean' },
            isAnonymous: { type: 'boolean', description: 'the origin (last in the chain) is unnamed' },
            chain: { type: 'array', items: ref('ClaimSource'), description: 'outermost first: outlet ← agency ← unnamed officer' },
            evidence: ref('QuotedSpan'), content: ref('QuotedSpan'), cue: { oneOf: [ref('QuotedSpan'), { type: 'null' }] },
            events: { type: 'array', items: { type: 'object', properties: { id: str, ploverType: str, status: { type: 'string', enum: EVENT_STATUSES } } } },
            respondsTo: { ...nullableStr, description: 'id of the claim this one answers' },
            entityIds: { type: 'array', items: str },
          },
        },
        Span: { type: 'object', required: ['start', 'end'], description: 'half-open character range [start, end) into the article body', properties: { start: int, end: int } },
        ArticleSummary: {
          type: 'object', required: ['id', 'title', 'outlet', 'publishedAt', 'source', 'language', 'bodyChars'],
          properties: { id: str, title: nullableStr, outlet: nullableStr, publishedAt: nullableStr, source: str, language: str, bodyChars: int },
        },
        Article: {
          type: 'object',
          required: ['id', 'source', 'sources', 'format', 'url', 'outlet', 'title', 'byline', 'publishedAt', 'language', 'body', 'paragraphs', 'comments', 'captions', 'boilerplate', 'pipeline', 'ingestedAt', 'layers', 'entityLinks'],
          properties: {
            id: str, source: str, sources: { type: 'array', items: str }, format: str, url: nullableStr, outlet: nullableStr, title: nullableStr, byline: nullableStr,
            publishedAt: nullableStr, language: str, body: { ...str, description: 'the cleaned body; every span points into it' },
            paragraphs: { type: 'array', items: span },
            comments: { type: 'array', description: 'reader comments, kept apart from the body', items: { type: 'object', required: ['text'], properties: { author: str, postedAt: str, text: str, replyTo: int } } },
            captions: { type: 'array', items: { type: 'object', required: ['text', 'occurrences'], properties: { text: str, credit: str, occurrences: int } } },
            boilerplate: { type: 'array', items: str },
            pipeline: { ...str, description: 'stage@version list that produced the layers' },
            ingestedAt: str,
            layers: {
              type: 'object',
              description: 'stored layers by name (sentences, mentions, entities, times, places, events, claims); each item carries start/end or an evidence span',
              additionalProperties: { type: 'array', items: { type: 'object' } },
            },
            entityLinks: {
              type: 'array', description: 'the links saved with the article: each article entity and its canonical entity, with the linker\'s reason',
              items: { type: 'object', required: ['docEntityId', 'entityId', 'name', 'reason'], properties: { docEntityId: str, entityId: str, name: str, reason: str } },
            },
          },
        },
        SearchHit: {
          type: 'object', required: ['id', 'title', 'outlet', 'publishedAt', 'snippet', 'score'],
          properties: {
            id: str, title: nullableStr, outlet: nullableStr, publishedAt: nullableStr, score: { type: 'number' },
            snippet: { type: 'array', description: 'the passage in parts; isHit marks matching words', items: { type: 'object', required: ['text', 'isHit'], properties: { text: str, isHit: { type: 'boolean' } } } },
          },
        },
        Entity: {
          type: 'object', required: ['id', 'name', 'type', 'kind', 'country', 'kbId', 'articleCount', 'mentionCount'],
          properties: { id: str, name: str, type: { type: 'string', enum: MENTION_TYPES }, kind: str, country: nullableStr, kbId: nullableStr, articleCount: int, mentionCount: int },
        },
        EntityDetail: {
          allOf: [ref('Entity'), {
            type: 'object', required: ['aliases', 'roles', 'articles', 'mentionsByOutlet'],
            properties: {
              aliases: { type: 'array', items: { type: 'object', required: ['alias', 'count'], properties: { alias: str, count: int } } },
              roles: {
                type: 'array',
                items: {
                  type: 'object', required: ['title', 'organisation', 'from', 'to', 'evidence'],
                  properties: {
                    title: str, organisation: nullableStr, from: nullableStr, to: nullableStr,
                    evidence: { type: 'object', required: ['articleId', 'start', 'end', 'text'], properties: { articleId: str, start: int, end: int, text: nullableStr } },
                  },
                },
              },
              articles: pageOf({
                type: 'object', required: ['articleId', 'title', 'outlet', 'publishedAt', 'mentionCount', 'reason'],
                properties: { articleId: str, title: nullableStr, outlet: nullableStr, publishedAt: nullableStr, mentionCount: int, reason: { ...str, description: 'why the article entity was linked to this entity' } },
              }),
              mentionsByOutlet: { type: 'object', additionalProperties: int },
              corrections: { type: 'array', items: ref('EntityCorrection'), description: "the users' corrections of this entity, newest first (on /api/entities/{id})" },
              typeEvidence: {
                type: 'array', description: 'mentions by type of the entities sharing its name',
                items: { type: 'object', required: ['type', 'entities', 'mentions'], properties: { type: { type: 'string', enum: MENTION_TYPES }, entities: int, mentions: int } },
              },
              typeWarning: { ...nullableStr, description: '"one name, many types: …" when other types hold at least a fifth of the mentions of its name' },
            },
          }],
        },
        EntityCorrection: {
          type: 'object', required: ['id', 'kind', 'entityId', 'decidedBy', 'decidedAt'],
          properties: {
            id: int, kind: { type: 'string', enum: ['merge', 'split', 'rename', 'retype'] },
            entityId: { ...str, description: 'the entity corrected (merge: the one merged away)' },
            targetId: { ...str, description: 'merge: the entity kept; split: the entity the name went to' },
            name: { ...str, description: 'split: the name split off; rename: the display name' },
            type: { type: 'string', enum: MENTION_TYPES }, previous: { ...str, description: 'rename/retype: the value before' },
            decidedBy: str, decidedAt: { ...str, format: 'date-time' },
          },
        },
        CorrectionResult: {
          type: 'object', required: ['override', 'relinkedArticles'],
          properties: { override: ref('EntityCorrection'), relinkedArticles: { ...int, description: 'stored articles whose links changed' }, entity: ref('EntityDetail') },
        },
        Stats: {
          type: 'object', required: ['articles', 'sources', 'mentions', 'entities', 'byLanguage', 'byOutlet', 'schemaVersion'],
          properties: { articles: int, sources: int, mentions: int, entities: int, events: int, syndicationGroups: int, byLanguage: { type: 'object', additionalProperties: int }, byOutlet: { type: 'object', additionalProperties: int }, schemaVersion: int },
        },
        Event: {
          type: 'object',
          required: ['id', 'ploverType', 'cameo', 'windowStart', 'windowEnd', 'datePrecision', 'place', 'sourceIds', 'targetIds', 'status', 'explanation', 'assertingOrigins', 'hasAnonymousOrigin', 'reportCount', 'articleCount', 'summary'],
          properties: {
            id: str, ploverType: str, cameo: nullableStr, windowStart: { ...str, description: 'first day the event may have happened' }, windowEnd: str,
            datePrecision: { type: 'string', enum: ['day', 'week', 'month', 'year', 'range'] },
            place: { type: ['object', 'null'], properties: { name: str, lat: { type: ['number', 'null'] }, lon: { type: ['number', 'null'] }, countryCode: nullableStr } },
            sourceIds: { type: 'array', items: str }, targetIds: { type: 'array', items: str },
            status: { type: 'string', enum: EVENT_STATUSES }, explanation: { ...str, description: 'why the status, e.g. "2 independent origins; denied by …"' },
            assertingOrigins: { ...int, description: 'independent origins that assert it' }, hasAnonymousOrigin: { type: 'boolean' },
            reportCount: int, articleCount: int, summary: { ...str, description: 'one sentence that states it, from the earliest article' },
          },
        },
        EventDetail: {
          allOf: [ref('Event'), {
            type: 'object', required: ['observations', 'reports', 'countAlternatives', 'actors'],
            properties: {
              observations: {
                type: 'array',
                items: {
                  type: 'object', required: ['articleId', 'mentionId', 'title', 'outlet', 'publishedAt', 'modality', 'timeValue', 'counts', 'reasons', 'score', 'evidence'],
                  properties: {
                    articleId: str, mentionId: str, title: nullableStr, outlet: nullableStr, publishedAt: nullableStr, modality: str, timeValue: nullableStr,
                    counts: { type: 'object', additionalProperties: { type: 'number' } }, reasons: { type: 'array', items: str, description: 'why this observation joined the event: the deciding evidence (shared participants, same city, trigger, argument similarity) and its score' },
                    score: { type: 'number', description: 'strength of the deciding evidence (0 for the first report)' },
                    evidence: { type: 'object', required: ['start', 'end', 'text'], description: 'the sentence in the article body', properties: { start: int, end: int, text: str } },
                    place: { type: ['object', 'null'], description: 'the place this report gives the event (its article\'s place as it is now)', properties: { name: str, lat: { type: ['number', 'null'] }, lon: { type: ['number', 'null'] }, countryCode: nullableStr } },
                  },
                },
              },
              reports: {
                type: 'array',
                items: {
                  type: 'object', required: ['articleId', 'mentionId', 'chain', 'stance'],
                  properties: {
                    articleId: str, mentionId: str, syndicationGroup: str, outlet: str, stance: str,
                    chain: { type: 'array', description: 'sources, outermost first (outlet ← agency ← unnamed officer)', items: { type: 'object', required: ['kind', 'name'], properties: { kind: str, name: str, entityId: str, role: str, span } } },
                  },
                },
              },
              countAlternatives: { type: 'object', description: 'differing counts (fatalities, injuries…) by value, with the articles giving each' },
              actors: { type: 'array', items: { type: 'object', required: ['id', 'name', 'role'], properties: { id: str, name: str, role: { enum: ['source', 'target'] } } } },
            },
          }],
        },
        Graph: {
          type: 'object', required: ['nodes', 'edges', 'scannedArticles', 'isPartial', 'eventsTotal'],
          properties: {
            nodes: {
              type: 'array',
              items: {
                oneOf: [
                  { type: 'object', required: ['id', 'label', 'kind', 'type', 'articleCount'], properties: { id: str, label: str, kind: { const: 'entity' }, type: str, articleCount: int } },
                  {
                    type: 'object', required: ['id', 'label', 'kind', 'ploverType', 'status', 'reportCount', 'assertingOrigins', 'date', 'summary'],
                    properties: {
                      id: str, label: { ...str, description: 'PLOVER type and date' }, kind: { const: 'event' }, ploverType: str, status: { enum: [...EVENT_STATUSES] },
                      reportCount: int, assertingOrigins: int, date: { ...nullableStr, description: 'start of its time window; null when undated' }, summary: str,
                    },
                  },
                ],
              },
            },
            edges: {
              type: 'array',
              items: {
                type: 'object', required: ['id', 'source', 'target', 'kind', 'weight'],
                properties: {
                  id: str, source: str, target: str,
                  kind: { enum: ['co-occurrence', 'actor', 'target'], description: 'co-occurrence: entity–entity, undirected; actor: entity → event; target: event → entity' },
                  weight: { ...int, description: 'co-occurrence: articles naming both; actor and target: the event\'s reports' },
                },
              },
            },
            scannedArticles: int, isPartial: { type: 'boolean' }, eventsTotal: { ...int, description: 'merged events in scope (the corpus or the entity\'s), drawn or not' },
          },
        },
        Map: {
          type: 'object', required: ['points', 'events', 'unresolved', 'scannedArticles', 'isPartial'],
          properties: {
            points: {
              type: 'array',
              items: {
                type: 'object', required: ['id', 'kind', 'name', 'lat', 'lon', 'countryCode', 'precision', 'mentionCount', 'articleCount', 'articles'],
                properties: {
                  id: str, kind: { const: 'place-mention' }, name: str, lat: { type: 'number' }, lon: { type: 'number' }, countryCode: nullableStr, precision: nullableStr,
                  mentionCount: int, articleCount: int, articles: { type: 'array', items: { type: 'object', properties: { id: str, title: nullableStr } } },
                },
              },
            },
            events: { type: 'array', items: ref('MapEvent'), description: 'the 100 most reported located events' },
            eventsTotal: int, eventsLocated: int,
            extent: { oneOf: [ref('MapArea'), { type: 'null' }], description: 'around the located events\' clusters at zoom 0' },
            unresolved: int, scannedArticles: int, isPartial: { type: 'boolean' },
          },
        },
        MapEvent: {
          type: 'object', required: ['id', 'kind', 'ploverType', 'status', 'placeName', 'lat', 'lon', 'countryCode', 'windowStart', 'reportCount', 'summary'],
          properties: { id: str, kind: { const: 'event' }, ploverType: str, status: str, placeName: str, lat: { type: 'number' }, lon: { type: 'number' }, countryCode: nullableStr, windowStart: str, reportCount: int, summary: str },
        },
        MapArea: { type: 'object', required: ['south', 'west', 'north', 'east'], properties: { south: { type: 'number' }, west: { type: 'number' }, north: { type: 'number' }, east: { type: 'number' } } },
        MapClusters: {
          type: 'object', required: ['zoomLevel', 'cellDegrees', 'located', 'clusters', 'events'],
          properties: {
            zoomLevel: int, cellDegrees: { type: 'number' }, located: { ...int, description: 'located events in the extent' },
            clusters: {
              type: 'array', description: 'grid cells with events (empty when `events` lists them)',
              items: {
                type: 'object', required: ['row', 'col', 'events', 'lat', 'lon', 'types', 'places', 'placeCount'],
                properties: {
                  row: int, col: int, events: int, lat: { type: 'number', description: 'mean of its events' }, lon: { type: 'number' },
                  types: { type: 'array', items: { type: 'object', properties: { type: str, events: int } } },
                  places: { type: 'array', description: 'its three commonest place names', items: { type: 'object', properties: { name: str, events: int } } },
                  placeCount: int,
                },
              },
            },
            events: { type: 'array', items: ref('MapEvent'), description: 'every located event of the extent when it holds at most 300' },
          },
        },
        Timeline: {
          type: 'object', required: ['periods', 'range', 'zoom', 'at', 'items', 'total', 'offset', 'limit', 'counts', 'undatedEvents', 'outside', 'undatedArticles', 'articlesPartial'],
          properties: {
            periods: {
              type: 'array', description: 'dated items of the whole scope per period of the zoom on the strip\'s axis (the years of the dense range; its months, or the selected year\'s; the selected month\'s days), per year (YYYY) elsewhere, oldest first',
              items: { type: 'object', required: ['date', 'events', 'articles', 'roles'], properties: { date: str, events: int, articles: int, roles: int } },
            },
            range: { type: ['object', 'null'], description: 'the years where dates are dense (the axis)', properties: { from: str, to: str } },
            zoom: { enum: ['year', 'month', 'day'] },
            at: { ...str, description: 'the group listed; "" when nothing is in scope' },
            items: {
              type: 'array', description: 'this page of the group: within a day, events, then roles, then articles',
              items: {
                type: 'object', required: ['kind', 'date', 'label', 'articleId', 'outlet'],
                properties: {
                  kind: { enum: ['event', 'article', 'role'] }, date: str, label: str, articleId: nullableStr, outlet: nullableStr,
                  event: {
                    type: 'object', description: 'event items only',
                    properties: { id: str, ploverType: str, windowEnd: str, datePrecision: str, status: { type: 'string', enum: EVENT_STATUSES }, assertingOrigins: int, reportCount: int, placeName: nullableStr },
                  },
                },
              },
            },
            total: { ...int, description: 'items in the group' }, offset: int, limit: int,
            counts: { type: 'object', properties: { event: int, article: int, role: int }, description: 'items in scope by kind (undated events included)' },
            undatedEvents: int, outside: { ...int, description: 'dated items outside the dense range' },
            undatedArticles: { ...int, description: 'articles without a publication date: counted, not placed' },
            articlesPartial: { type: 'boolean', description: `with words: only the first ${MAX_EVENT_SEARCH_HITS} matching articles were read` },
          },
        },
      },
    },
  };
}

/** The paths of entity corrections. */
function entityCorrectionPaths(): Record<string, unknown> {
  const id = param('id', 'canonical id, name or alias of the entity', str, 'path');
  const by = { ...str, maxLength: 100, description: 'who decides (used when the server does not know the user; default "api")' };
  const body = (required: string[], properties: Record<string, Schema>) => ({ required: true, content: { 'application/json': { schema: { type: 'object', required, properties: { ...properties, by } } } } });
  const post = (summary: string, requestBody: unknown, status: 200 | 201 = 200) => ({
    post: { summary, parameters: [id], requestBody, responses: { [status]: ok(ref('CorrectionResult'), 'the stored correction and the entity after it'), ...errors(400, 404) } },
  });
  return {
    '/api/entities/{id}/merge': post("Merge another entity into this one: every article linking it links this one, now and on every later ingest", body(['other'], { other: { ...str, description: 'the entity merged away (id, name or alias)' } })),
    '/api/entities/{id}/split': post('Split the mentions with one name off this entity into an entity of their own', body(['name'], { name: { ...str, description: 'a name or alias of the entity' }, type: { type: 'string', enum: MENTION_TYPES, description: 'type of the new entity (default: the same)' } }), 201),
    '/api/entities/{id}/rename': post('Give the entity a display name that later ingests keep', body(['name'], { name: { ...str, maxLength: 200 } })),
    '/api/entities/{id}/retype': post('Give the entity a type (PER, ORG, LOC, MISC) that later ingests keep', body(['type'], { type: { type: 'string', enum: MENTION_TYPES } })),
    '/api/entity-corrections/{id}': {
      delete: {
        summary: 'Undo a correction: the override is deleted and the stored articles are linked again as the rules decide',
        parameters: [param('id', 'correction id, as listed in an entity\'s `corrections`', int, 'path')],
        responses: { 200: ok({ type: 'object', required: ['override', 'relinkedArticles'], properties: { override: ref('EntityCorrection'), relinkedArticles: int } }, 'the correction undone'), ...errors(400, 404) },
      },
    },
  };
}

/** The OpenAPI description of saved searches, alerts, notes and bearer-token access (spread into openapi.ts). */
import { EVENT_STATUSES } from '../app/queries.js';

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str = { type: 'string' } as const;
const nullableStr = { type: ['string', 'null'] } as const;
const int = { type: 'integer' } as const;
const ok = (schema: Schema, description: string) => ({ description, content: { 'application/json': { schema } } });
const json = (schema: Schema) => ({ required: true, content: { 'application/json': { schema } } });
const fail = (...statuses: (400 | 401 | 403 | 404)[]) => Object.fromEntries([
  ...statuses.map((s) => [String(s), { $ref: `#/components/responses/${{ 400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound' }[s]}` }]),
  ['500', { $ref: '#/components/responses/ServerError' }],
]);
const noteTarget = [
  { name: 'entity', in: 'query', required: false, description: 'the entity (canonical id, name or alias); give this or event', schema: str },
  { name: 'event', in: 'query', required: false, description: 'the merged event id; give this or entity', schema: str },
];

/** The bearer scheme, and the document-wide rule: a token when the server has a token file, none otherwise. */
export const bearerSecurity = {
  securitySchemes: {
    bearerAuth: {
      type: 'http', scheme: 'bearer',
      description: 'On a shared server (`dossier serve --token-file`), every /api request carries `Authorization: Bearer <token>` (made by `dossier token add`). Reader tokens may only GET; editor tokens may also POST and DELETE. A server kept to this machine needs none.',
    },
  },
  security: [{ bearerAuth: [] }, {}],
};

/** Responses for a missing or insufficient token. */
export const authResponses = {
  Unauthorized: ok(ref('Error'), 'no valid bearer token (E_UNAUTHORIZED); the answer carries WWW-Authenticate: Bearer'),
  Forbidden: ok(ref('Error'), 'a reader token asked for a change (E_FORBIDDEN)'),
};

/** Paths of saved searches, alerts and notes. */
export const alertPaths: Record<string, Schema> = {
  '/api/session': {
    get: {
      summary: 'Who the caller is (the token\'s name, or "local user" on a server without tokens) and whether it may change the store (editor) or only read (reader)',
      responses: { 200: ok(ref('Session'), 'the caller'), ...fail(400, 401) },
    },
  },
  '/api/saved-searches': {
    get: { summary: 'Every saved search, oldest first (a watched entity is a saved search on it)', responses: { 200: ok({ type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref('SavedSearch') } } }, 'the saved searches'), ...fail(400, 401) } },
    post: {
      summary: 'Saves the search page\'s words and filters under a name; what is stored now counts as seen (editor)',
      requestBody: json({
        type: 'object', required: ['name'],
        description: 'words (q) or at least one filter; filters as /api/search takes them, all strings',
        properties: {
          name: { type: 'string', maxLength: 200 }, q: { type: 'string', maxLength: 500 }, entity: str, type: str, status: { type: 'string', enum: EVENT_STATUSES },
          place: str, country: str, outlet: str, from: str, to: str,
        },
      }),
      responses: { 201: ok(ref('SavedSearch'), 'the saved search'), ...fail(400, 401, 403, 404) },
    },
  },
  '/api/saved-searches/{id}': {
    delete: {
      summary: 'Deletes a saved search (editor)',
      parameters: [{ name: 'id', in: 'path', required: true, description: 'saved search id or name', schema: str }],
      responses: { 200: ok({ type: 'object', required: ['deleted'], properties: { deleted: ref('SavedSearch') } }, 'what was deleted'), ...fail(401, 403, 404) },
    },
  },
  '/api/alerts': {
    get: {
      summary: 'For every saved search, the articles stored since it was last seen that match it, and the matching events they report',
      responses: { 200: ok(ref('Alerts'), 'what is new'), ...fail(400, 401) },
    },
  },
  '/api/alerts/seen': {
    post: {
      summary: 'Marks alerts seen up to a feed position: the feedHead of the list shown, so articles stored since stay new (editor)',
      requestBody: json({ type: 'object', required: ['upTo'], properties: { upTo: { type: 'integer', minimum: 0 }, search: { type: 'string', description: 'one saved search (id or name); all when absent' } } }),
      responses: { 200: ok({ type: 'object', required: ['marked', 'upTo'], properties: { marked: int, upTo: int } }, 'how many searches were marked'), ...fail(400, 401, 403, 404) },
    },
  },
  '/api/notes': {
    get: { summary: 'The notes on one entity or event, oldest first', parameters: noteTarget, responses: { 200: ok({ type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref('Note') } } }, 'the notes'), ...fail(400, 401, 404) } },
    post: {
      summary: 'Adds a note to an entity or an event; its author is the token\'s name (editor)',
      requestBody: json({ type: 'object', required: ['text'], properties: { entity: str, event: str, text: { type: 'string', maxLength: 10000 } } }),
      responses: { 201: ok(ref('Note'), 'the note'), ...fail(400, 401, 403, 404) },
    },
  },
};

/** Schemas of saved searches, alerts and notes. */
export const alertSchemas: Record<string, Schema> = {
  Session: {
    type: 'object', required: ['name', 'role', 'canEdit'],
    properties: { name: str, role: { type: 'string', enum: ['reader', 'editor'] }, canEdit: { type: 'boolean', description: 'an editor: may correct entities and events, save searches and add notes' } },
  },
  SavedSearch: {
    type: 'object', required: ['id', 'name', 'text', 'filters', 'createdBy', 'createdAt', 'seenFeedSeq'],
    properties: {
      id: int, name: str, text: nullableStr, filters: { type: 'object', additionalProperties: str, description: 'as given, the entity as its canonical id' },
      createdBy: nullableStr, createdAt: str, seenFeedSeq: { ...int, description: 'feed position up to which its matches are seen' },
    },
  },
  Alerts: {
    type: 'object', required: ['feedHead', 'unread', 'searches'],
    properties: {
      feedHead: { ...int, description: 'send it to /api/alerts/seen to clear exactly what was listed' },
      unread: int,
      searches: {
        type: 'array',
        items: {
          type: 'object', required: ['search', 'articles', 'hasMore', 'events', 'error'],
          properties: {
            search: ref('SavedSearch'),
            articles: { type: 'array', items: { type: 'object', required: ['id', 'title', 'outlet', 'publishedAt'], properties: { id: str, title: nullableStr, outlet: nullableStr, publishedAt: nullableStr } } },
            hasMore: { type: 'boolean' },
            events: { type: 'array', items: { type: 'object', description: 'a merged event row, as /api/events lists them' } },
            error: { ...nullableStr, description: 'why the search could not run (e.g. its entity is gone)' },
          },
        },
      },
    },
  },
  Note: {
    type: 'object', required: ['id', 'targetKind', 'targetId', 'text', 'author', 'createdAt'],
    properties: { id: int, targetKind: { enum: ['entity', 'event'] }, targetId: str, text: str, author: str, createdAt: str },
  },
};

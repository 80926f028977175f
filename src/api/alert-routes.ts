/**
 * Routes for saved searches, alerts and notes. Reading is open to every token; saving, deleting, marking seen and
 * adding notes are changes (editor tokens only, enforced by bearerAuth on the method). Notes and saved searches
 * record who made them: the token's name, or "local user" on a server without tokens.
 */
import type { Context, Hono } from 'hono';
import {
  addNote, deleteSavedSearch, listAlerts, listNotes, markAlertsSeen, saveSearch, SAVED_FILTER_NAMES, type NoteTargetKind,
} from '../app/saved-searches.js';
import type { SearchFilterInput, Store } from '../app/queries.js';
import { UsageError } from '../model/index.js';
import { principalOf } from './auth.js';
import { rejectUnknownParams, textParam, type QueryParams } from './params.js';

/** What the routes borrow from createApi, so every route validates the same way. */
export interface AlertRouteTools {
  readonly store: Store;
  /** The JSON object a change request carries (415-proof: JSON only). */
  readonly jsonBody: (c: Context) => Promise<Record<string, unknown>>;
  /** The search filters of a query string (or a body's string fields), validated as /api/search does. */
  readonly searchFilters: (q: QueryParams) => SearchFilterInput;
  /** Longest words accepted. */
  readonly maxQueryChars: number;
}

/** The string fields of a body, for validation like a query string; anything else there is refused. */
function stringFields(body: Record<string, unknown>, allowed: readonly string[]): QueryParams {
  rejectUnknownParams(Object.fromEntries(Object.keys(body).map((k) => [k, ''])), allowed);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value !== 'string') throw new UsageError(`"${key}" must be a string`);
    out[key] = value;
  }
  return out;
}

/** Registers /api/session, /api/saved-searches, /api/alerts and /api/notes. */
export function registerAlertRoutes(app: Hono, { store, jsonBody, searchFilters, maxQueryChars }: AlertRouteTools): void {
  const noParams = (c: Context) => rejectUnknownParams(c.req.query(), []);

  // Who the caller is and whether it may change the store, so the UI offers correction forms to editors only.
  app.get('/api/session', (c) => {
    noParams(c);
    const { name, role } = principalOf(c);
    return c.json({ name, role, canEdit: role === 'editor' });
  });

  app.get('/api/saved-searches', async (c) => {
    noParams(c);
    return c.json({ items: await store.listSavedSearches() });
  });

  app.post('/api/saved-searches', async (c) => {
    noParams(c);
    const body = stringFields(await jsonBody(c), ['name', 'q', ...SAVED_FILTER_NAMES]);
    const name = textParam(body, 'name', 200);
    if (!name) throw new UsageError('"name" must be a non-empty string');
    const text = textParam(body, 'q', maxQueryChars);
    return c.json(await saveSearch(store, { name, text, filters: searchFilters(body) }, principalOf(c).name), 201);
  });

  app.delete('/api/saved-searches/:id', async (c) => {
    noParams(c);
    return c.json({ deleted: await deleteSavedSearch(store, c.req.param('id')) });
  });

  app.get('/api/alerts', async (c) => {
    noParams(c);
    return c.json(await listAlerts(store));
  });

  app.post('/api/alerts/seen', async (c) => {
    noParams(c);
    const body = await jsonBody(c);
    rejectUnknownParams(Object.fromEntries(Object.keys(body).map((k) => [k, ''])), ['upTo', 'search']);
    const upTo = body['upTo'];
    if (typeof upTo !== 'number') throw new UsageError('"upTo" must be the feedHead of the alerts listed (a number)');
    const search = body['search'];
    if (search !== undefined && (typeof search !== 'string' && typeof search !== 'number')) throw new UsageError('"search" must be a saved search id or name');
    return c.json(await markAlertsSeen(store, upTo, search === undefined ? undefined : String(search)));
  });

  const noteTarget = (params: QueryParams): { kind: NoteTargetKind; id: string } => {
    const entity = textParam(params, 'entity', 300);
    const event = textParam(params, 'event', 300);
    if (Boolean(entity) === Boolean(event)) throw new UsageError('give exactly one of "entity" (id, name or alias) or "event" (id)');
    return entity ? { kind: 'entity', id: entity } : { kind: 'event', id: event! };
  };

  app.get('/api/notes', async (c) => {
    const q = c.req.query();
    rejectUnknownParams(q, ['entity', 'event']);
    const target = noteTarget(q);
    return c.json({ items: await listNotes(store, target.kind, target.id) });
  });

  app.post('/api/notes', async (c) => {
    noParams(c);
    const body = stringFields(await jsonBody(c), ['entity', 'event', 'text']);
    const target = noteTarget(body);
    return c.json(await addNote(store, target.kind, target.id, body['text'] ?? '', principalOf(c).name), 201);
  });
}

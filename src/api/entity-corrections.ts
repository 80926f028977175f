/**
 * API routes of entity corrections: POST /api/entities/:id/merge|split|rename|retype (JSON bodies only, so a
 * cross-site form cannot send one) and DELETE /api/entity-corrections/:id (undo). Thin: each calls app/.
 */
import type { Context, Hono } from 'hono';
import {
  checkMentionType, entityCorrections, mergeEntities, renameEntity, retypeEntity, splitEntity, undoCorrection, type CorrectionResult,
} from '../app/entity-corrections.js';
import { getEntity, type Store } from '../app/queries.js';
import { UsageError } from '../model/index.js';
import type { QueryParams } from './params.js';

/** What createApi lends these routes. */
export interface CorrectionRouteKit {
  readonly store: Store;
  readonly jsonBody: (c: Context) => Promise<Record<string, unknown>>;
  readonly query: (c: Context, allowed: readonly string[]) => QueryParams;
  /** The user making a request, when the server knows it (an authenticated user); else the body's `by`. */
  readonly userOf?: (c: Context) => string | undefined;
}

/** Name used when neither the server nor the body says who decided. */
export const ANONYMOUS_API_USER = 'api';

const text = (body: Record<string, unknown>, name: string, maxChars = 300): string => {
  const value = body[name];
  if (typeof value !== 'string' || !value.trim() || value.length > maxChars) throw new UsageError(`"${name}" must be a non-empty string of at most ${maxChars} characters`);
  return value;
};

/** The entity page's extra fields: its corrections and the type evidence of its name. */
export async function entityWithCorrections(store: Store, id: string, page: { limit?: number; offset?: number }) {
  const entity = await getEntity(store, id, page);
  return { ...entity, ...(await entityCorrections(store, entity)) };
}

/** Registers the correction routes on the API. */
export function registerEntityCorrectionRoutes(app: Hono, kit: CorrectionRouteKit): void {
  const { store, jsonBody, query } = kit;
  const author = (c: Context, body: Record<string, unknown>) => ({
    by: kit.userOf?.(c) ?? (body['by'] === undefined ? ANONYMOUS_API_USER : text(body, 'by', 100)),
  });
  const answer = async (c: Context, result: CorrectionResult, entityId: string, status: 200 | 201 = 200) =>
    c.json({ ...result, entity: await entityWithCorrections(store, entityId, { limit: 0 }) }, status);

  app.post('/api/entities/:id/merge', async (c) => {
    query(c, []);
    const body = await jsonBody(c);
    const result = await mergeEntities(store, c.req.param('id'), text(body, 'other'), author(c, body));
    return answer(c, result, result.override.targetId!);
  });

  app.post('/api/entities/:id/split', async (c) => {
    query(c, []);
    const body = await jsonBody(c);
    const type = body['type'] === undefined ? undefined : checkMentionType(text(body, 'type', 10));
    const result = await splitEntity(store, c.req.param('id'), text(body, 'name'), author(c, body), type);
    return answer(c, result, result.override.entityId, 201);
  });

  app.post('/api/entities/:id/rename', async (c) => {
    query(c, []);
    const body = await jsonBody(c);
    const result = await renameEntity(store, c.req.param('id'), text(body, 'name', 200), author(c, body));
    return answer(c, result, result.override.entityId);
  });

  app.post('/api/entities/:id/retype', async (c) => {
    query(c, []);
    const body = await jsonBody(c);
    const result = await retypeEntity(store, c.req.param('id'), checkMentionType(text(body, 'type', 10)), author(c, body));
    return answer(c, result, result.override.entityId);
  });

  app.delete('/api/entity-corrections/:id', async (c) => {
    query(c, []);
    const id = c.req.param('id');
    if (!/^\d{1,15}$/.test(id)) throw new UsageError(`correction id "${id}": expected a whole number`);
    return c.json(await undoCorrection(store, Number(id)));
  });
}

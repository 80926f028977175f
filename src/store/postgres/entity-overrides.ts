/** The EntityOverridesPort on PostgreSQL: user corrections of entities (migration 10) and the rows they rewrite. */
import type pg from 'pg';
import type { EntityLink } from '../../corpus/link-entities/index.js';
import type { MentionType, PlaceRef } from '../../model/index.js';
import type { EntityOverride, EntityOverrideKind, EntityOverridesPort, EntityTypeEvidence } from '../entity-overrides.js';

type Row = Record<string, unknown>;
type ClientQuery = (op: string, sql: string, params?: unknown[]) => Promise<Row[]>;

/** What the adapter lends this module: its transaction runner, pool reads and its article relinker. */
export interface PostgresOverrideDeps {
  /** Runs fn in a transaction, with a query function bound to its connection and the corpus lock taken when asked. */
  readonly transaction: <T>(op: string, fn: (q: ClientQuery, client: pg.PoolClient) => Promise<T>, options?: { lockCorpus?: boolean }) => Promise<T>;
  readonly read: ClientQuery;
  /** Deletes and rewrites one article's entity-derived rows inside the given transaction. */
  readonly relink: (client: pg.PoolClient, articleId: string, links: readonly EntityLink[], places?: readonly PlaceRef[]) => Promise<void>;
}

function toEntityOverride(r: Row): EntityOverride {
  const text = (key: string): string | undefined => (r[key] === null || r[key] === undefined ? undefined : String(r[key]));
  const targetId = text('target_id');
  const name = text('name');
  const type = text('type');
  const previous = text('previous');
  return {
    id: Number(r['id']),
    kind: String(r['kind']) as EntityOverrideKind,
    entityId: String(r['entity_id']),
    ...(targetId === undefined ? {} : { targetId }),
    ...(name === undefined ? {} : { name }),
    ...(type === undefined ? {} : { type: type as MentionType }),
    ...(previous === undefined ? {} : { previous }),
    decidedBy: String(r['decided_by']),
    decidedAt: String(r['decided_at']),
  };
}

/** Replaces `fromId` by `toId` in an array of entity ids, without repeating an id. */
function replaceId(ids: readonly string[], fromId: string, toId: string): string {
  return JSON.stringify([...new Set(ids.map((id) => (id === fromId ? toId : id)))]);
}

/** The port's methods over one PostgreSQL pool. */
export function postgresEntityOverrides(deps: PostgresOverrideDeps): EntityOverridesPort {
  const { transaction, read } = deps;
  return {
    addEntityOverride: (o) => transaction('add entity override', async (q) => toEntityOverride((await q('add entity override',
      `INSERT INTO entity_overrides (kind, entity_id, target_id, name, type, previous, decided_by, decided_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [o.kind, o.entityId, o.targetId ?? null, o.name ?? null, o.type ?? null, o.previous ?? null, o.decidedBy, o.decidedAt]))[0]!)),
    deleteEntityOverride: (id) => transaction('delete entity override', async (q) => {
      if (!Number.isSafeInteger(id)) return undefined;
      const rows = await q('delete entity override', 'DELETE FROM entity_overrides WHERE id = $1 RETURNING *', [id]);
      return rows[0] ? toEntityOverride(rows[0]) : undefined;
    }),
    listEntityOverrides: async (ids) => {
      if (ids === undefined) return (await read('list entity overrides', 'SELECT * FROM entity_overrides ORDER BY id')).map(toEntityOverride);
      if (!ids.length) return [];
      return (await read('list entity overrides', 'SELECT * FROM entity_overrides WHERE entity_id = ANY($1::text[]) OR target_id = ANY($1::text[]) ORDER BY id', [ids])).map(toEntityOverride);
    },
    articlesLinkingEntities: async (ids) => {
      if (!ids.length) return [];
      return (await read('articles linking entities', 'SELECT DISTINCT article_id COLLATE "C" AS article_id FROM entity_articles WHERE entity_id = ANY($1::text[]) ORDER BY 1', [ids]))
        .map((r) => String(r['article_id']));
    },
    relinkArticleEntities: (articleId, links, places) => transaction(`relink entities of article ${articleId}`, (_q, client) => deps.relink(client, articleId, links, places)),
    updateEntityRecord: (entityId, change) => transaction(`update entity ${entityId}`, async (q) => {
      await q(`update entity ${entityId}`, 'UPDATE entities SET name = coalesce($1, name), type = coalesce($2, type), kind = coalesce($3, kind) WHERE id = $4',
        [change.name ?? null, change.type ?? null, change.kind ?? null, entityId]);
    }),
    moveEntityEvents: (fromId, toId) => transaction(`move events of entity ${fromId}`, async (q) => {
      const op = `move events of entity ${fromId}`;
      const contains = JSON.stringify([fromId]);
      for (const r of await q(op, 'SELECT id, source_ids, target_ids FROM merged_events WHERE source_ids @> $1::jsonb OR target_ids @> $1::jsonb', [contains])) {
        await q(op, 'UPDATE merged_events SET source_ids = $1::jsonb, target_ids = $2::jsonb WHERE id = $3',
          [replaceId(r['source_ids'] as string[], fromId, toId), replaceId(r['target_ids'] as string[], fromId, toId), r['id']]);
      }
      for (const r of await q(op, 'SELECT article_id, mention_id, source_ids, target_ids FROM event_observations WHERE source_ids @> $1::jsonb OR target_ids @> $1::jsonb', [contains])) {
        await q(op, 'UPDATE event_observations SET source_ids = $1::jsonb, target_ids = $2::jsonb WHERE article_id = $3 AND mention_id = $4',
          [replaceId(r['source_ids'] as string[], fromId, toId), replaceId(r['target_ids'] as string[], fromId, toId), r['article_id'], r['mention_id']]);
      }
      await q(op, 'INSERT INTO event_entities (merged_event_id, entity_id) SELECT merged_event_id, $1 FROM event_entities WHERE entity_id = $2 ON CONFLICT DO NOTHING', [toId, fromId]);
      await q(op, 'DELETE FROM event_entities WHERE entity_id = $1', [fromId]);
    }, { lockCorpus: true }),
    entityTypeEvidence: async (entityId) =>
      (await read(`type evidence of entity ${entityId}`, `SELECT type, count(*)::int AS n, sum(mention_count)::int AS m FROM entities
          WHERE name_key = (SELECT name_key FROM entities WHERE id = $1) AND article_count > 0 GROUP BY type ORDER BY m DESC, type COLLATE "C"`, [entityId]))
        .map((r): EntityTypeEvidence => ({ type: String(r['type']) as MentionType, entities: Number(r['n']), mentions: Number(r['m']) })),
  };
}

/** The EntityOverridesPort on SQLite: user corrections of entities (migration 10) and the rows they rewrite. */
import type Database from 'better-sqlite3';
import type { EntityLink } from '../../corpus/link-entities/index.js';
import { StoreError, type MentionType, type PlaceRef } from '../../model/index.js';
import type { EntityOverride, EntityOverrideKind, EntityOverridesPort, EntityTypeEvidence } from '../entity-overrides.js';

type Row = Record<string, unknown>;

/** What the adapter lends this module: its statement cache, its write transaction and its article relinker. */
export interface SqliteOverrideDeps {
  readonly prepare: (sql: string) => Database.Statement;
  readonly writeTransaction: <T>(fn: () => Promise<T>) => Promise<T>;
  /**
   * Deletes and rewrites one article's entity-derived rows (run inside a write transaction), its places layer first
   * when given (with the places of its event observations and of the events they joined).
   */
  readonly relink: (articleId: string, links: readonly EntityLink[], places?: readonly PlaceRef[]) => Promise<void>;
}

/** A stored override row as the port returns it. */
export function toEntityOverride(r: Row): EntityOverride {
  return {
    id: Number(r['id']),
    kind: String(r['kind']) as EntityOverrideKind,
    entityId: String(r['entity_id']),
    ...(r['target_id'] === null || r['target_id'] === undefined ? {} : { targetId: String(r['target_id']) }),
    ...(r['name'] === null || r['name'] === undefined ? {} : { name: String(r['name']) }),
    ...(r['type'] === null || r['type'] === undefined ? {} : { type: String(r['type']) as MentionType }),
    ...(r['previous'] === null || r['previous'] === undefined ? {} : { previous: String(r['previous']) }),
    decidedBy: String(r['decided_by']),
    decidedAt: String(r['decided_at']),
  };
}

/** Replaces `fromId` by `toId` in a JSON array of entity ids, without repeating an id. */
export function replaceId(json: string, fromId: string, toId: string): string {
  const ids = JSON.parse(json) as string[];
  return JSON.stringify([...new Set(ids.map((id) => (id === fromId ? toId : id)))]);
}

/** Escapes LIKE wildcards so an id is matched literally (ESCAPE '\'). */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The port's methods over one SQLite connection. */
export function sqliteEntityOverrides(deps: SqliteOverrideDeps): EntityOverridesPort {
  const { prepare, writeTransaction } = deps;
  const guarded = async <T>(op: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (cause) {
      throw cause instanceof StoreError ? cause : new StoreError(op, cause);
    }
  };
  return {
    addEntityOverride: (o) => guarded('add entity override', () => writeTransaction(async () => {
      const result = prepare(`INSERT INTO entity_overrides (kind, entity_id, target_id, name, type, previous, decided_by, decided_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(o.kind, o.entityId, o.targetId ?? null, o.name ?? null, o.type ?? null, o.previous ?? null, o.decidedBy, o.decidedAt);
      return toEntityOverride(prepare('SELECT * FROM entity_overrides WHERE id = ?').get(result.lastInsertRowid) as Row);
    })),
    deleteEntityOverride: (id) => guarded('delete entity override', () => writeTransaction(async () => {
      const row = prepare('SELECT * FROM entity_overrides WHERE id = ?').get(id) as Row | undefined;
      if (!row) return undefined;
      prepare('DELETE FROM entity_overrides WHERE id = ?').run(id);
      return toEntityOverride(row);
    })),
    listEntityOverrides: (ids) => guarded('list entity overrides', async () => {
      if (ids === undefined) return (prepare('SELECT * FROM entity_overrides ORDER BY id').all() as Row[]).map(toEntityOverride);
      if (!ids.length) return [];
      const marks = ids.map(() => '?').join(', ');
      return (prepare(`SELECT * FROM entity_overrides WHERE entity_id IN (${marks}) OR target_id IN (${marks}) ORDER BY id`).all(...ids, ...ids) as Row[]).map(toEntityOverride);
    }),
    articlesLinkingEntities: (ids) => guarded('articles linking entities', async () => {
      if (!ids.length) return [];
      const marks = ids.map(() => '?').join(', ');
      return (prepare(`SELECT DISTINCT article_id FROM entity_articles WHERE entity_id IN (${marks}) ORDER BY article_id`).all(...ids) as Row[]).map((r) => String(r['article_id']));
    }),
    relinkArticleEntities: (articleId, links, places) => guarded(`relink entities of article ${articleId}`, () => writeTransaction(async () => deps.relink(articleId, links, places))),
    updateEntityRecord: (entityId, change) => guarded(`update entity ${entityId}`, () => writeTransaction(async () => {
      prepare('UPDATE entities SET name = coalesce(?, name), type = coalesce(?, type), kind = coalesce(?, kind) WHERE id = ?')
        .run(change.name ?? null, change.type ?? null, change.kind ?? null, entityId);
    })),
    moveEntityEvents: (fromId, toId) => guarded(`move events of entity ${fromId}`, () => writeTransaction(async () => {
      const pattern = `%${likeLiteral(JSON.stringify(fromId))}%`;
      for (const table of ['merged_events', 'event_observations'] as const) {
        const key = table === 'merged_events' ? 'id' : 'rowid';
        const rows = prepare(`SELECT ${key} AS k, source_ids, target_ids FROM ${table} WHERE source_ids LIKE ? ESCAPE '\\' OR target_ids LIKE ? ESCAPE '\\'`).all(pattern, pattern) as Row[];
        const update = prepare(`UPDATE ${table} SET source_ids = ?, target_ids = ? WHERE ${key} = ?`);
        for (const r of rows) update.run(replaceId(String(r['source_ids']), fromId, toId), replaceId(String(r['target_ids']), fromId, toId), r['k']);
      }
      prepare('INSERT OR IGNORE INTO event_entities (merged_event_id, entity_id) SELECT merged_event_id, ? FROM event_entities WHERE entity_id = ?').run(toId, fromId);
      prepare('DELETE FROM event_entities WHERE entity_id = ?').run(fromId);
    })),
    entityTypeEvidence: (entityId) => guarded(`type evidence of entity ${entityId}`, async () =>
      (prepare(`SELECT type, count(*) AS n, sum(mention_count) AS m FROM entities
          WHERE name_key = (SELECT name_key FROM entities WHERE id = ?) AND article_count > 0 GROUP BY type ORDER BY m DESC, type`).all(entityId) as Row[])
        .map((r): EntityTypeEvidence => ({ type: String(r['type']) as MentionType, entities: Number(r['n']), mentions: Number(r['m']) }))),
  };
}

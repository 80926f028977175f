/**
 * The embedded store: one SQLite file via better-sqlite3, WAL journal (a killed process loses no
 * committed article), one transaction per article, FTS5 for search.
 */
import Database from 'better-sqlite3';
import { StoreError, type Doc, type LayerName } from '../../model/index.js';
import type { EntityLink, KnownEntity } from '../../corpus/link-entities/index.js';
import type { ArticleLinks, ArticleSummary, CanonicalEntity, EntityDetail, EntityQuery, SaveOutcome, SearchHit, SearchQuery, Store, StoreStats, StoredArticle } from '../store.js';
import { toFtsQuery } from '../fts-query.js';
import { SQLITE_MIGRATIONS } from './migrations.js';

/** Layers written to the layers table; tokens are recomputed on demand rather than stored. */
const STORED_LAYERS: readonly LayerName[] = ['sentences', 'mentions', 'entities', 'times', 'places', 'events', 'claims'];

export const MAX_PAGE_SIZE = 500;

type Row = Record<string, unknown>;

/** Opens (creating if needed) a SQLite store at `path` (':memory:' for tests). */
export function openSqliteStore(path: string, now: () => Date = () => new Date()): Store {
  let db: Database.Database;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
  } catch (cause) {
    throw new StoreError(`open ${path}`, cause);
  }

  const run = <T>(op: string, fn: () => T, query?: string, params?: unknown[]): T => {
    try {
      return fn();
    } catch (cause) {
      if (cause instanceof StoreError) throw cause;
      throw new StoreError(op, cause, query, params);
    }
  };

  const migrate = (): number => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
    for (const migration of SQLITE_MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      db.transaction(() => {
        db.exec(migration.sql);
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, now().toISOString());
      })();
    }
    return currentVersion();
  };
  const currentVersion = (): number => (db.prepare('SELECT coalesce(max(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;

  const saveEntityLinks = (articleId: string, links: readonly EntityLink[]): void => {
    // A full name seen later improves the display name of an entity first stored under a shorter one.
    const upsertEntity = db.prepare(`INSERT INTO entities (id, name, type, kind, country, kb_id, name_key, surname_key, is_surname_only)
      VALUES (@entityId, @name, @type, @kind, @country, @kbId, @nameKey, @surnameKey, @isSurnameOnly)
      ON CONFLICT(id) DO UPDATE SET
        name = CASE WHEN entities.kb_id IS NULL AND length(excluded.name) > length(entities.name) THEN excluded.name ELSE entities.name END,
        country = coalesce(entities.country, excluded.country)`);
    const insertLink = db.prepare('INSERT INTO article_entities (article_id, doc_entity_id, entity_id, name, mention_count, reason) VALUES (?, ?, ?, ?, ?, ?)');
    const insertAlias = db.prepare('INSERT OR IGNORE INTO entity_aliases (entity_id, article_id, alias) VALUES (?, ?, ?)');
    const insertRole = db.prepare('INSERT INTO entity_roles (entity_id, article_id, title, organisation, from_value, to_value, start_char, end_char) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const link of links) {
      upsertEntity.run({
        entityId: link.entityId, name: link.name, type: link.type, kind: link.kind, country: link.country ?? null, kbId: link.kbId ?? null,
        nameKey: link.nameKey, surnameKey: link.surnameKey ?? null, isSurnameOnly: link.isSurnameOnly ? 1 : 0,
      });
      insertLink.run(articleId, link.docEntityId, link.entityId, link.name, link.mentionCount, link.reason);
      for (const alias of link.aliases) insertAlias.run(link.entityId, articleId, alias);
      for (const role of link.roles) insertRole.run(link.entityId, articleId, role.title, role.organisation ?? null, role.from ?? null, role.to ?? null, role.evidence.start, role.evidence.end);
    }
  };

  const clearArticleLinks = (articleId: string): void => {
    for (const table of ['article_entities', 'entity_aliases', 'entity_roles']) db.prepare(`DELETE FROM ${table} WHERE article_id = ?`).run(articleId);
  };

  const save = (doc: Doc, pipeline: string, links: ArticleLinks = {}): SaveOutcome => {
    const stamp = now().toISOString();
    return db.transaction((): SaveOutcome => {
      const existing = db.prepare('SELECT pipeline FROM articles WHERE id = ?').get(doc.id) as { pipeline: string } | undefined;
      if (existing && existing.pipeline === pipeline) {
        db.prepare('INSERT OR IGNORE INTO article_sources (article_id, source, first_seen) VALUES (?, ?, ?)').run(doc.id, doc.meta.source, stamp);
        return 'duplicate';
      }
      const m = doc.meta;
      const values = [
        m.source, m.format, m.url ?? null, m.outlet ?? null, m.title ?? null, m.byline ?? null, m.publishedAt ?? null, m.publishedAtFrom ?? null,
        m.language, doc.text, JSON.stringify(doc.paragraphs), JSON.stringify(doc.comments), JSON.stringify(doc.captions), JSON.stringify(doc.boilerplate),
        pipeline,
      ];
      if (existing) {
        db.prepare(`UPDATE articles SET source=?, format=?, url=?, outlet=?, title=?, byline=?, published_at=?, published_from=?, language=?, body=?,
          paragraphs=?, comments=?, captions=?, boilerplate=?, pipeline=? WHERE id=?`).run(...values, doc.id);
        db.prepare('DELETE FROM layers WHERE article_id = ?').run(doc.id);
        db.prepare('DELETE FROM mentions WHERE article_id = ?').run(doc.id);
        clearArticleLinks(doc.id);
      } else {
        db.prepare(`INSERT INTO articles (source, format, url, outlet, title, byline, published_at, published_from, language, body,
          paragraphs, comments, captions, boilerplate, pipeline, ingested_at, id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`).run(...values, stamp, doc.id);
      }
      db.prepare('INSERT OR IGNORE INTO article_sources (article_id, source, first_seen) VALUES (?, ?, ?)').run(doc.id, doc.meta.source, stamp);
      const insertLayer = db.prepare('INSERT INTO layers (article_id, layer, data) VALUES (?, ?, ?)');
      for (const layer of STORED_LAYERS) {
        const value = doc.layers[layer];
        if (value !== undefined) insertLayer.run(doc.id, layer, JSON.stringify(value));
      }
      const insertMention = db.prepare('INSERT INTO mentions (article_id, mention_id, start_char, end_char, text, type) VALUES (?, ?, ?, ?, ?, ?)');
      for (const mention of doc.layers.mentions ?? []) insertMention.run(doc.id, mention.id, mention.start, mention.end, mention.text, mention.type);
      saveEntityLinks(doc.id, links.entities ?? []);
      return existing ? 'updated' : 'inserted';
    })();
  };

  const getArticle = (idOrPrefix: string): StoredArticle | undefined => {
    if (!/^[0-9a-f]{4,64}$/i.test(idOrPrefix)) return undefined;
    const rows = db.prepare('SELECT * FROM articles WHERE id LIKE ? LIMIT 2').all(`${idOrPrefix.toLowerCase()}%`) as Row[];
    if (rows.length !== 1) return undefined;
    const row = rows[0]!;
    const id = String(row['id']);
    const sources = (db.prepare('SELECT source FROM article_sources WHERE article_id = ? ORDER BY first_seen, source').all(id) as { source: string }[]).map((r) => r.source);
    const layers: Record<string, unknown> = {};
    for (const l of db.prepare('SELECT layer, data FROM layers WHERE article_id = ?').all(id) as { layer: string; data: string }[]) layers[l.layer] = JSON.parse(l.data);
    return {
      id,
      source: String(row['source']),
      sources,
      format: String(row['format']),
      url: nullable(row['url']),
      outlet: nullable(row['outlet']),
      title: nullable(row['title']),
      byline: nullable(row['byline']),
      publishedAt: nullable(row['published_at']),
      language: String(row['language']),
      body: String(row['body']),
      paragraphs: JSON.parse(String(row['paragraphs'])),
      comments: JSON.parse(String(row['comments'])),
      captions: JSON.parse(String(row['captions'])),
      boilerplate: JSON.parse(String(row['boilerplate'])),
      pipeline: String(row['pipeline']),
      ingestedAt: String(row['ingested_at']),
      layers,
    };
  };

  const search = (query: SearchQuery): SearchHit[] => {
    const match = toFtsQuery(query.text);
    if (!match) return [];
    const limit = clampLimit(query.limit);
    const sql = `SELECT a.id, a.title, a.outlet, a.published_at, snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet, bm25(articles_fts, 4.0, 1.0) AS score
      FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH ? ORDER BY score LIMIT ? OFFSET ?`;
    const params = [match, limit, query.offset ?? 0];
    return run('search', () => (db.prepare(sql).all(...params) as Row[]).map((r) => ({
      id: String(r['id']),
      title: nullable(r['title']),
      outlet: nullable(r['outlet']),
      publishedAt: nullable(r['published_at']),
      snippet: String(r['snippet']),
      score: -Number(r['score']),
    })), sql, params);
  };

  const listArticles = (options: { limit?: number; offset?: number } = {}): ArticleSummary[] =>
    (db.prepare('SELECT id, title, outlet, published_at, source, language, length(body) AS chars FROM articles ORDER BY seq LIMIT ? OFFSET ?')
      .all(clampLimit(options.limit), options.offset ?? 0) as Row[]).map((r) => ({
      id: String(r['id']),
      title: nullable(r['title']),
      outlet: nullable(r['outlet']),
      publishedAt: nullable(r['published_at']),
      source: String(r['source']),
      language: String(r['language']),
      bodyChars: Number(r['chars']),
    }));

  const findPeopleBySurname = (keys: readonly string[]): Map<string, KnownEntity[]> => {
    const out = new Map<string, KnownEntity[]>();
    const query = db.prepare("SELECT id, name, type, country, is_surname_only FROM entities WHERE type = 'PER' AND surname_key = ?");
    for (const key of keys) {
      out.set(key, (query.all(key) as Row[]).map((r) => ({
        id: String(r['id']), name: String(r['name']), type: String(r['type']), country: nullable(r['country']), isSurnameOnly: Number(r['is_surname_only']) === 1,
      })));
    }
    return out;
  };

  const ENTITY_COLUMNS = `e.id, e.name, e.type, e.kind, e.country, e.kb_id,
    (SELECT count(DISTINCT article_id) FROM article_entities ae WHERE ae.entity_id = e.id) AS article_count,
    (SELECT coalesce(sum(mention_count), 0) FROM article_entities ae WHERE ae.entity_id = e.id) AS mention_count`;
  const toCanonical = (r: Row): CanonicalEntity => ({
    id: String(r['id']), name: String(r['name']), type: String(r['type']) as CanonicalEntity['type'], kind: String(r['kind']) as CanonicalEntity['kind'],
    country: nullable(r['country']), kbId: nullable(r['kb_id']), articleCount: Number(r['article_count']), mentionCount: Number(r['mention_count']),
  });

  const listEntities = (query: EntityQuery = {}): CanonicalEntity[] => {
    const where: string[] = ['EXISTS (SELECT 1 FROM article_entities ae WHERE ae.entity_id = e.id)'];
    const params: unknown[] = [];
    if (query.type) {
      where.push('e.type = ?');
      params.push(query.type);
    }
    if (query.search) {
      where.push('(e.name LIKE ? OR EXISTS (SELECT 1 FROM entity_aliases a WHERE a.entity_id = e.id AND a.alias LIKE ?))');
      params.push(`%${query.search}%`, `%${query.search}%`);
    }
    const sql = `SELECT ${ENTITY_COLUMNS} FROM entities e WHERE ${where.join(' AND ')} ORDER BY mention_count DESC, e.name LIMIT ? OFFSET ?`;
    params.push(clampLimit(query.limit), query.offset ?? 0);
    return run('list entities', () => (db.prepare(sql).all(...params) as Row[]).map(toCanonical), sql, params);
  };

  const getEntity = (idOrName: string): EntityDetail | undefined => {
    let row = db.prepare(`SELECT ${ENTITY_COLUMNS} FROM entities e WHERE e.id = ?`).get(idOrName) as Row | undefined;
    row ??= db.prepare(`SELECT ${ENTITY_COLUMNS} FROM entities e WHERE e.name = ? COLLATE NOCASE
        OR e.id IN (SELECT entity_id FROM entity_aliases WHERE alias = ? COLLATE NOCASE) ORDER BY mention_count DESC LIMIT 1`).get(idOrName, idOrName) as Row | undefined;
    if (!row) return undefined;
    const entity = toCanonical(row);
    const aliases = (db.prepare('SELECT alias, count(*) AS n FROM entity_aliases WHERE entity_id = ? GROUP BY alias ORDER BY n DESC, alias').all(entity.id) as Row[])
      .map((r) => ({ alias: String(r['alias']), count: Number(r['n']) }));
    const roles = (db.prepare(`SELECT r.title, r.organisation, r.from_value, r.to_value, r.article_id, r.start_char, r.end_char FROM entity_roles r
        JOIN articles a ON a.id = r.article_id WHERE r.entity_id = ? ORDER BY coalesce(r.from_value, a.published_at), r.title`).all(entity.id) as Row[])
      .map((r) => ({ title: String(r['title']), organisation: nullable(r['organisation']), from: nullable(r['from_value']), to: nullable(r['to_value']), articleId: String(r['article_id']), start: Number(r['start_char']), end: Number(r['end_char']) }));
    const articles = (db.prepare(`SELECT ae.article_id, a.title, a.outlet, a.published_at, sum(ae.mention_count) AS n, group_concat(ae.reason, '; ') AS reason
        FROM article_entities ae JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id = ? GROUP BY ae.article_id ORDER BY a.published_at, a.seq`).all(entity.id) as Row[])
      .map((r) => ({ articleId: String(r['article_id']), title: nullable(r['title']), outlet: nullable(r['outlet']), publishedAt: nullable(r['published_at']), mentionCount: Number(r['n']), reason: String(r['reason']) }));
    const mentionsByOutlet: Record<string, number> = {};
    for (const a of articles) mentionsByOutlet[a.outlet ?? '(unknown)'] = (mentionsByOutlet[a.outlet ?? '(unknown)'] ?? 0) + a.mentionCount;
    return { ...entity, aliases, roles, articles, mentionsByOutlet };
  };

  const stats = (): StoreStats => {
    const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
    const groups = (sql: string): Record<string, number> =>
      Object.fromEntries((db.prepare(sql).all() as { k: string | null; n: number }[]).map((r) => [r.k ?? '(unknown)', r.n]));
    return {
      articles: count('SELECT count(*) AS n FROM articles'),
      sources: count('SELECT count(*) AS n FROM article_sources'),
      mentions: count('SELECT count(*) AS n FROM mentions'),
      entities: count('SELECT count(DISTINCT entity_id) AS n FROM article_entities'),
      byLanguage: groups('SELECT language AS k, count(*) AS n FROM articles GROUP BY language ORDER BY n DESC'),
      byOutlet: groups('SELECT outlet AS k, count(*) AS n FROM articles GROUP BY outlet ORDER BY n DESC LIMIT 20'),
      schemaVersion: currentVersion(),
    };
  };

  return {
    kind: 'sqlite',
    migrate: async () => run('migrate', migrate),
    saveArticle: async (doc, pipeline, links) => run(`save article ${doc.id}`, () => save(doc, pipeline, links)),
    hasArticle: async (id) => run('has article', () => db.prepare('SELECT 1 FROM articles WHERE id = ?').get(id) !== undefined),
    getArticle: async (id) => run('get article', () => getArticle(id)),
    listArticles: async (options) => run('list articles', () => listArticles(options)),
    search: async (query) => search(query),
    stats: async () => run('stats', stats),
    findPeopleBySurname: async (keys) => run('find people by surname', () => findPeopleBySurname(keys)),
    listEntities: async (query) => listEntities(query),
    getEntity: async (idOrName) => run('get entity', () => getEntity(idOrName)),
    close: async () => {
      db.close();
    },
  };
}

function nullable(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function clampLimit(limit: number | undefined): number {
  return Math.max(1, Math.min(limit ?? 20, MAX_PAGE_SIZE));
}

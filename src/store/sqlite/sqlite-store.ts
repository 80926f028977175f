/**
 * The embedded store: one SQLite file via better-sqlite3, WAL journal (a killed process loses no
 * committed article), one transaction per article, FTS5 for search.
 */
import Database from 'better-sqlite3';
import { StoreError, type Doc, type LayerName } from '../../model/index.js';
import type { ArticleSummary, SaveOutcome, SearchHit, SearchQuery, Store, StoreStats, StoredArticle } from '../store.js';
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

  const save = (doc: Doc, pipeline: string): SaveOutcome => {
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

  const stats = (): StoreStats => {
    const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
    const groups = (sql: string): Record<string, number> =>
      Object.fromEntries((db.prepare(sql).all() as { k: string | null; n: number }[]).map((r) => [r.k ?? '(unknown)', r.n]));
    return {
      articles: count('SELECT count(*) AS n FROM articles'),
      sources: count('SELECT count(*) AS n FROM article_sources'),
      mentions: count('SELECT count(*) AS n FROM mentions'),
      byLanguage: groups('SELECT language AS k, count(*) AS n FROM articles GROUP BY language ORDER BY n DESC'),
      byOutlet: groups('SELECT outlet AS k, count(*) AS n FROM articles GROUP BY outlet ORDER BY n DESC LIMIT 20'),
      schemaVersion: currentVersion(),
    };
  };

  return {
    kind: 'sqlite',
    migrate: async () => run('migrate', migrate),
    saveArticle: async (doc, pipeline) => run(`save article ${doc.id}`, () => save(doc, pipeline)),
    hasArticle: async (id) => run('has article', () => db.prepare('SELECT 1 FROM articles WHERE id = ?').get(id) !== undefined),
    getArticle: async (id) => run('get article', () => getArticle(id)),
    listArticles: async (options) => run('list articles', () => listArticles(options)),
    search: async (query) => search(query),
    stats: async () => run('stats', stats),
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

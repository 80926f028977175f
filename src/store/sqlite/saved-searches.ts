/** Saved searches, the article feed and notes in SQLite (migration 11; the rules are in ../saved-searches.ts). */
import type Database from 'better-sqlite3';
import { StoreError, UsageError } from '../../model/index.js';
import type { Note, NoteTargetKind, SavedSearch, SavedSearchStore } from '../saved-searches.js';

type Row = Record<string, unknown>;

/**
 * Gives a newly inserted article the next feed position; call inside its save transaction. SQLite has one writer,
 * so positions commit in order.
 */
export function addToSqliteFeed(db: Database.Database, articleId: string, addedAt: string): void {
  db.prepare('INSERT OR IGNORE INTO article_feed (article_id, added_at) VALUES (?, ?)').run(articleId, addedAt);
}

/**
 * The SQL condition "article `a` entered the feed after position ?" for search filters: one look-up in the feed's
 * article_id index per article checked, so a walk that stops early (newest stored first) never reads every new
 * position, as `a.id IN (SELECT … WHERE seq > ?)` did (20,000 rows for a search saved before the first article).
 */
export const SQLITE_AFTER_FEED_SQL = 'EXISTS (SELECT 1 FROM article_feed f WHERE f.article_id = a.id AND f.seq > ?)';

/**
 * The SQL of the lowest `articles.seq` among articles with a feed position after ? (no row when there is none).
 * Feed positions and seq both follow insertion on SQLite's one writer (an update keeps both; seq is only ever reused
 * above every live row), so the first position after ? names that article, and no new article lies below its seq.
 */
export const SQLITE_FIRST_SEQ_AFTER_FEED_SQL = 'SELECT a.seq FROM article_feed f JOIN articles a ON a.id = f.article_id WHERE f.seq > ? ORDER BY f.seq LIMIT 1';

/** SavedSearchStore over one SQLite connection. */
export function sqliteSavedSearches(db: Database.Database, now: () => Date): SavedSearchStore {
  const run = <T>(op: string, sql: string, params: unknown[], fn: (statement: Database.Statement) => T): T => {
    try {
      return fn(db.prepare(sql));
    } catch (cause) {
      throw new StoreError(op, cause, sql, params);
    }
  };
  const feedHead = (): number => run('feed head', 'SELECT coalesce(max(seq), 0) AS n FROM article_feed', [], (s) => Number((s.get() as Row)['n']));
  const getById = (id: number): SavedSearch | undefined => {
    const row = run('get saved search', 'SELECT * FROM saved_searches WHERE id = ?', [id], (s) => s.get(id) as Row | undefined);
    return row ? toSavedSearch(row) : undefined;
  };

  return {
    saveSearch: async (search) => {
      const sql = `INSERT INTO saved_searches (name, text, filters, created_by, created_at, seen_feed_seq)
        VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(seq), 0) FROM article_feed)) ON CONFLICT (name) DO NOTHING RETURNING *`;
      const params = [search.name, search.text ?? null, JSON.stringify(search.filters), search.createdBy ?? null, now().toISOString()];
      const row = run('save search', sql, params, (s) => s.get(...params) as Row | undefined);
      if (!row) throw new UsageError(`a saved search named "${search.name}" already exists`);
      return toSavedSearch(row);
    },
    listSavedSearches: async () => run('list saved searches', 'SELECT * FROM saved_searches ORDER BY id', [], (s) => (s.all() as Row[]).map(toSavedSearch)),
    getSavedSearch: async (idOrName) => {
      if (/^\d{1,15}$/.test(idOrName)) {
        const byId = getById(Number(idOrName));
        if (byId) return byId;
      }
      const row = run('get saved search', 'SELECT * FROM saved_searches WHERE name = ?', [idOrName], (s) => s.get(idOrName) as Row | undefined);
      return row ? toSavedSearch(row) : undefined;
    },
    deleteSavedSearch: async (id) => run('delete saved search', 'DELETE FROM saved_searches WHERE id = ?', [id], (s) => s.run(id).changes > 0),
    markSearchSeen: async (id, feedSeq) => {
      const sql = 'UPDATE saved_searches SET seen_feed_seq = max(seen_feed_seq, ?) WHERE id = ? RETURNING seen_feed_seq';
      const row = run('mark search seen', sql, [feedSeq, id], (s) => s.get(feedSeq, id) as Row | undefined);
      if (!row) throw new UsageError(`no saved search with id ${id}`);
      return Number(row['seen_feed_seq']);
    },
    feedHead: async () => feedHead(),
    addNote: async (note) => {
      const sql = 'INSERT INTO notes (target_kind, target_id, text, author, created_at) VALUES (?, ?, ?, ?, ?) RETURNING *';
      const params = [note.targetKind, note.targetId, note.text, note.author, now().toISOString()];
      return toNote(run('add note', sql, params, (s) => s.get(...params) as Row));
    },
    listNotes: async (targetKind, targetId) =>
      run('list notes', 'SELECT * FROM notes WHERE target_kind = ? AND target_id = ? ORDER BY id', [targetKind, targetId], (s) => (s.all(targetKind, targetId) as Row[]).map(toNote)),
  };
}

function toSavedSearch(row: Row): SavedSearch {
  return {
    id: Number(row['id']),
    name: String(row['name']),
    text: row['text'] === null ? null : String(row['text']),
    filters: JSON.parse(String(row['filters'])) as Record<string, string>,
    createdBy: row['created_by'] === null ? null : String(row['created_by']),
    createdAt: String(row['created_at']),
    seenFeedSeq: Number(row['seen_feed_seq']),
  };
}

function toNote(row: Row): Note {
  return {
    id: Number(row['id']),
    targetKind: String(row['target_kind']) as NoteTargetKind,
    targetId: String(row['target_id']),
    text: String(row['text']),
    author: String(row['author']),
    createdAt: String(row['created_at']),
  };
}

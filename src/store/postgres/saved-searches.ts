/** Saved searches, the article feed and notes in PostgreSQL (migration 11; the rules are in ../saved-searches.ts). */
import { UsageError } from '../../model/index.js';
import type { Note, NoteTargetKind, SavedSearch, SavedSearchStore } from '../saved-searches.js';
import type { Query } from './corpus-events.js';

type Row = Record<string, unknown>;

/**
 * Gives a newly inserted article the next feed position. Call it last in the article's transaction: the lock it
 * takes is held until commit, so the writer after it draws a higher position only once this one is visible, and a
 * reader that sees position n sees every position below n (a plain sequence would let a slow transaction commit a
 * lower number after a higher one was read). Only the end of each save is serialised.
 */
export async function addToPostgresFeed(q: Query, op: string, articleId: string, addedAt: Date, schema: string | undefined): Promise<void> {
  await q(op, 'SELECT pg_advisory_xact_lock(hashtext($1))', [`dossier-feed:${schema ?? 'default'}`]);
  await q(op, 'INSERT INTO article_feed (article_id, added_at) VALUES ($1, $2) ON CONFLICT (article_id) DO NOTHING', [articleId, addedAt]);
}

/** The condition "article `a` entered the feed after position <param>" for search filters. */
export function postgresAfterFeedSql(param: string): string {
  return `a.id IN (SELECT article_id FROM article_feed WHERE seq > ${param})`;
}

/**
 * SavedSearchStore over the pool: `read` runs one statement outside any transaction, `write` one statement in a
 * transaction of its own that raises the store revision (a server's cached alerts then follow it).
 */
export function postgresSavedSearches(read: Query, write: Query, now: () => Date): SavedSearchStore {
  const getById = async (id: number): Promise<SavedSearch | undefined> => {
    const rows = await read('get saved search', 'SELECT * FROM saved_searches WHERE id = $1', [id]);
    return rows[0] ? toSavedSearch(rows[0]) : undefined;
  };
  return {
    saveSearch: async (search) => {
      const rows = await write('save search', `INSERT INTO saved_searches (name, text, filters, created_by, created_at, seen_feed_seq)
        VALUES ($1, $2, $3, $4, $5, (SELECT coalesce(max(seq), 0) FROM article_feed)) ON CONFLICT (name) DO NOTHING RETURNING *`,
      [search.name, search.text ?? null, JSON.stringify(search.filters), search.createdBy ?? null, now()]);
      if (!rows[0]) throw new UsageError(`a saved search named "${search.name}" already exists`);
      return toSavedSearch(rows[0]);
    },
    listSavedSearches: async () => (await read('list saved searches', 'SELECT * FROM saved_searches ORDER BY id')).map(toSavedSearch),
    getSavedSearch: async (idOrName) => {
      if (/^\d{1,15}$/.test(idOrName)) {
        const byId = await getById(Number(idOrName));
        if (byId) return byId;
      }
      const rows = await read('get saved search', 'SELECT * FROM saved_searches WHERE name = $1', [idOrName]);
      return rows[0] ? toSavedSearch(rows[0]) : undefined;
    },
    deleteSavedSearch: async (id) => (await write('delete saved search', 'DELETE FROM saved_searches WHERE id = $1 RETURNING id', [id])).length > 0,
    markSearchSeen: async (id, feedSeq) => {
      const rows = await write('mark search seen', 'UPDATE saved_searches SET seen_feed_seq = greatest(seen_feed_seq, $1) WHERE id = $2 RETURNING seen_feed_seq', [feedSeq, id]);
      if (!rows[0]) throw new UsageError(`no saved search with id ${id}`);
      return Number(rows[0]['seen_feed_seq']);
    },
    feedHead: async () => Number((await read('feed head', 'SELECT coalesce(max(seq), 0) AS n FROM article_feed'))[0]!['n']),
    addNote: async (note) => toNote((await write('add note', 'INSERT INTO notes (target_kind, target_id, text, author, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING *',
      [note.targetKind, note.targetId, note.text, note.author, now()]))[0]!),
    listNotes: async (targetKind, targetId) =>
      (await read('list notes', 'SELECT * FROM notes WHERE target_kind = $1 AND target_id = $2 ORDER BY id', [targetKind, targetId])).map(toNote),
  };
}

const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value));

function toSavedSearch(row: Row): SavedSearch {
  return {
    id: Number(row['id']),
    name: String(row['name']),
    text: row['text'] === null ? null : String(row['text']),
    filters: row['filters'] as Record<string, string>,
    createdBy: row['created_by'] === null ? null : String(row['created_by']),
    createdAt: iso(row['created_at']),
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
    createdAt: iso(row['created_at']),
  };
}

/**
 * What `dossier watch` remembers between runs, in a small JSON file beside the store (`<db>.watch.json`):
 * each feed's validators (ETag / Last-Modified) and the items already handled, so a restart refetches nothing.
 * Written atomically (temporary file + rename), so a crash never leaves half a file.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { IngestError, describeCause } from '../../model/index.js';

/** Items handled per feed are kept up to this many beyond those still listed in the feed (oldest dropped first). */
export const MAX_REMEMBERED_ITEMS_PER_FEED = 2000;

/** One item of a feed: handled for good ('done') or waiting for another try after a transient failure ('retry'). */
export interface WatchedItem {
  readonly link: string;
  readonly status: 'done' | 'retry';
  /** When the item was first seen (ISO 8601). */
  readonly seenAt: string;
  /** Fetch attempts that failed transiently. */
  readonly attempts: number;
  /** Kept for retries, so the feed's title and date still reach the article. */
  readonly title?: string;
  readonly publishedAt?: string;
}

/** One watched feed. */
export interface WatchedFeed {
  etag?: string;
  lastModified?: string;
  lastPolledAt?: string;
  /** Items by key (guid, id or link). */
  items: Record<string, WatchedItem>;
}

/** The whole state file. */
export interface WatchState {
  version: 1;
  feeds: Record<string, WatchedFeed>;
}

/** A state with nothing remembered. */
export function emptyWatchState(): WatchState {
  return { version: 1, feeds: {} };
}

/** The state file for a store: `<db>.watch.json` beside a SQLite file, `dossier.watch.json` for a PostgreSQL URL. */
export function defaultStatePath(db: string): string {
  return /^postgres(ql)?:\/\//i.test(db) ? 'dossier.watch.json' : `${db}.watch.json`;
}

/** Loads the state file; a missing file is an empty state, an unreadable one an IngestError naming it. */
export function loadWatchState(path: string): WatchState {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyWatchState();
    throw new IngestError('E_INPUT_UNREADABLE', path, `watch state could not be read (${describeCause(error)})`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new IngestError('E_INPUT_MALFORMED', path, `watch state is not valid JSON (${describeCause(error)}); move it away to start afresh`, { cause: error });
  }
  const state = parsed as Partial<WatchState>;
  if (state.version !== 1 || typeof state.feeds !== 'object' || state.feeds === null) {
    throw new IngestError('E_INPUT_MALFORMED', path, 'watch state has an unknown layout (expected {"version": 1, "feeds": {…}})');
  }
  return state as WatchState;
}

/** Writes the state file atomically. */
export function saveWatchState(path: string, state: WatchState): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 1)}\n`);
  renameSync(temporary, path);
}

/** Forgets the oldest handled items of a feed beyond the limit, never those still listed (`currentKeys`). */
export function pruneFeedItems(feed: WatchedFeed, currentKeys: ReadonlySet<string>, limit = MAX_REMEMBERED_ITEMS_PER_FEED): void {
  const old = Object.entries(feed.items)
    .filter(([key, item]) => !currentKeys.has(key) && item.status === 'done')
    .sort((a, b) => a[1].seenAt.localeCompare(b[1].seenAt));
  for (const [key] of old.slice(0, Math.max(0, old.length - limit))) delete feed.items[key];
}

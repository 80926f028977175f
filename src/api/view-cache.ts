/**
 * A cache of the whole-store views' JSON answers (timeline, map and its clusters, graph, trends, facets, stats, alerts). These read
 * thousands of rows to answer the same thing to everyone who opens the view, and change only when the store does:
 * each answer is kept with the store's change stamp (Store.revision(): SQLite's data_version and this connection's
 * change count; on PostgreSQL a counter every write transaction raises) and served again while the stamp holds.
 * Any change made through this API (a correction, a merge, a note) clears the cache at once; a change committed by
 * another process (`dossier ingest`, `watch`, a correction from the CLI) moves the stamp, so the next request
 * computes anew (issue 18). `maxAgeMs` bounds how long an answer is kept all the same.
 */
import type { MiddlewareHandler } from 'hono';

/** How long an answer may be served while the stamp holds (a safety net: every committed change moves the stamp). */
export const VIEW_CACHE_MAX_AGE_MS = 30_000;
/** Most answers kept (each is a URL: a view with its parameters); the oldest goes first. */
export const VIEW_CACHE_ENTRIES = 64;

interface Entry {
  readonly stamp: string;
  readonly at: number;
  /** The answer's bytes, kept encoded: a timeline of 5,000 events is megabytes, and encoding it again took most of a hit. */
  readonly body: Uint8Array<ArrayBuffer>;
  readonly contentType: string;
}

export interface ViewCache {
  /** For the cached GET routes: serves a kept answer or keeps the new one. */
  readonly cached: MiddlewareHandler;
  /** For every route: a request that may change the store (not GET/HEAD) clears the cache. */
  readonly clearOnChange: MiddlewareHandler;
  /** How many answers were served from the cache (for tests and benchmarks). */
  hits(): number;
}

/**
 * @param stamp what identifies the store's content now (cheap: called on every cached request)
 * @example const cache = viewCache(() => store.revision());
 */
export function viewCache(stamp: () => Promise<string>, options: { maxAgeMs?: number; entries?: number; now?: () => number } = {}): ViewCache {
  const maxAge = options.maxAgeMs ?? VIEW_CACHE_MAX_AGE_MS;
  const size = options.entries ?? VIEW_CACHE_ENTRIES;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  let served = 0;
  // Requests that arrive while the stamp is being read share that read: under 20 clients each cached request read
  // the stamp (three queries) on its own, and on PostgreSQL those reads queued for the pool's few connections.
  let pending: Promise<string> | undefined;
  const currentStamp = (): Promise<string> => {
    if (!pending) pending = stamp().finally(() => (pending = undefined));
    return pending;
  };
  /** Answers being computed, by key: concurrent first visitors of a view wait for one computation, not twenty. */
  const computing = new Map<string, Promise<void>>();
  return {
    cached: async (c, next) => {
      if (c.req.method !== 'GET') return next();
      const key = c.req.url.slice(c.req.url.indexOf('/', c.req.url.indexOf('//') + 2));
      const current = await currentStamp();
      const serveKept = () => {
        const kept = entries.get(key);
        if (!kept || kept.stamp !== current || now() - kept.at >= maxAge) return undefined;
        served++;
        // Most recently used last, so the oldest is the first to go.
        entries.delete(key);
        entries.set(key, kept);
        return c.body(kept.body, 200, { 'Content-Type': kept.contentType });
      };
      const hit = serveKept();
      if (hit) return hit;
      const earlier = computing.get(key);
      if (earlier) {
        await earlier;
        const shared = serveKept();
        if (shared) return shared;
      }
      let finish = () => {};
      const computed = new Promise<void>((resolve) => (finish = resolve));
      computing.set(key, computed);
      try {
        await next();
        const contentType = c.res.headers.get('content-type') ?? '';
        if (c.res.status !== 200 || !contentType.startsWith('application/json')) return;
        const body = new Uint8Array(await c.res.clone().arrayBuffer());
        entries.delete(key);
        entries.set(key, { stamp: current, at: now(), body, contentType });
        while (entries.size > size) entries.delete(entries.keys().next().value!);
      } finally {
        if (computing.get(key) === computed) computing.delete(key);
        finish();
      }
    },
    clearOnChange: async (c, next) => {
      if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
      entries.clear();
      computing.clear();
      try {
        await next();
      } finally {
        // Also after the change: an answer computed while it ran may hold the store as it was.
        entries.clear();
      }
    },
    hits: () => served,
  };
}

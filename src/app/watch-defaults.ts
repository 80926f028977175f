/**
 * The defaults `watch` shows in its help: a module of its own so the CLI can print them without loading the pipeline.
 */
export { FETCH_DEFAULTS } from '../ingest/fetch/fetch-defaults.js';
export { defaultStatePath } from '../ingest/feeds/watch-state.js';

/** How often feeds are polled and how many new items one feed may bring per poll. */
export const WATCH_DEFAULTS = {
  intervalMs: 15 * 60 * 1000,
  /** The shortest interval `watch` accepts: polling a feed more often is not polite. */
  minIntervalMs: 60 * 1000,
  maxItemsPerFeed: 100,
  /** An item whose fetch failed transiently (timeout, 5xx) this many times is given up. */
  maxAttempts: 3,
} as const;

/** The fetcher's defaults in a module of their own, so help texts can show them without loading the HTTP stack. */

/** Politeness and safety defaults; each can be changed per fetcher. */
export const FETCH_DEFAULTS = {
  /** Total time for one resource, redirects and body included. */
  timeoutMs: 30_000,
  /** Decoded body bytes above which the download is stopped (gzip bombs included). */
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  /** Pause between the end of one request and the start of the next to the same host. */
  minIntervalMs: 1_000,
  /** A robots.txt Crawl-delay is honoured up to this (a day-long delay would stall a watch). */
  maxCrawlDelayMs: 60_000,
  /** Requests in flight at once, over all hosts (one at a time per host). */
  concurrency: 4,
  /** How long a fetched robots.txt is trusted (RFC 9309 §2.4: at most 24 hours). */
  robotsTtlMs: 24 * 60 * 60 * 1000,
  /** How long an unreachable robots.txt (5xx, network error) is remembered before trying again. */
  robotsRetryMs: 10 * 60 * 1000,
} as const;

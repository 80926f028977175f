/**
 * The watch use case: poll RSS/Atom feeds with conditional requests, fetch the links not seen before (different
 * hosts in parallel, each host politely spaced), ingest them through the normal ingest path with the feed's title
 * and date as hints, and remember what was handled in a JSON state file so a restart refetches nothing.
 */
import { IngestError, type RawArticle } from '../model/index.js';
import { createFetcher, FetchError, isTransientFailure, type Fetcher, type FetcherOptions, type FetchedArticle } from '../ingest/fetch/index.js';
import { sleep } from '../ingest/fetch/host-gate.js';
import { loadWatchState, parseFeed, pruneFeedItems, saveWatchState, type FeedItem, type WatchedFeed, type WatchState } from '../ingest/feeds/index.js';
import { ingest, type IngestFailure, type IngestOptions, type IngestWarning } from './ingest.js';
import { WATCH_DEFAULTS } from './watch-defaults.js';

export { defaultStatePath, FETCH_DEFAULTS, WATCH_DEFAULTS } from './watch-defaults.js';

/** What one feed did in a poll. */
export interface FeedPollReport {
  readonly feed: string;
  readonly status: 'updated' | 'not-modified' | 'failed';
  /** Items the feed lists (0 unless updated). */
  readonly items: number;
  /** Items fetched this poll: new ones and retries. */
  readonly queued: number;
  readonly code?: string;
  readonly reason?: string;
}

/** The outcome of one poll over every feed. */
export interface PollSummary {
  readonly startedAt: string;
  readonly feeds: readonly FeedPollReport[];
  /** Item links fetched this poll. */
  readonly fetched: number;
  readonly inserted: number;
  readonly updated: number;
  readonly duplicates: number;
  /** Item links that answered 304 (already ingested by this process). */
  readonly notModified: number;
  readonly failures: readonly IngestFailure[];
  /** Values dropped from items that were stored anyway (an item's invalid date, say). */
  readonly warnings: readonly IngestWarning[];
  /** Failed items that will be tried again at the next poll (timeouts, 5xx, network errors). */
  readonly retryLater: number;
  readonly elapsedMs: number;
}

/** Options of pollFeeds: the ingest options (store, stages, resources) plus the fetcher and the state to update. */
export interface PollOptions extends Omit<IngestOptions, 'readInput'> {
  readonly fetcher: Fetcher;
  /** Updated in place: validators, items handled. */
  readonly state: WatchState;
  readonly maxItemsPerFeed?: number;
  readonly maxAttempts?: number;
  readonly clock?: () => Date;
  /** When aborted (the watch is stopping), failed items stay queued without using up an attempt. */
  readonly signal?: AbortSignal;
}

/** One link to fetch this poll, with the feed keys that point at it. */
interface Candidate {
  readonly link: string;
  readonly hints: RawArticle['hints'];
  readonly keys: Array<{ readonly feed: WatchedFeed; readonly key: string }>;
}

type FetchResult = FetchedArticle | IngestError;

/**
 * Polls each feed once, ingests the new items and updates `options.state` (the caller saves it).
 * @example const summary = await pollFeeds(['https://example.org/feed.xml'], { store, stages, resources, fetcher, state });
 */
export async function pollFeeds(feedUrls: readonly string[], options: PollOptions): Promise<PollSummary> {
  const began = performance.now();
  const clock = options.clock ?? (() => new Date());
  const startedAt = clock().toISOString();
  const { fetcher, state } = options;
  const maxItems = options.maxItemsPerFeed ?? WATCH_DEFAULTS.maxItemsPerFeed;
  const maxAttempts = options.maxAttempts ?? WATCH_DEFAULTS.maxAttempts;

  // Feeds are fetched together: the fetcher keeps each host to its own pace.
  const polled = await Promise.all(feedUrls.map(async (feedUrl) => {
    const feed = (state.feeds[feedUrl] ??= { items: {} });
    if (feed.etag || feed.lastModified) fetcher.validators.set(feedUrl, { ...(feed.etag ? { etag: feed.etag } : {}), ...(feed.lastModified ? { lastModified: feed.lastModified } : {}) });
    try {
      const fetched = await fetcher.fetchText(feedUrl, { purpose: 'feed', ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }) });
      feed.lastPolledAt = startedAt;
      if (fetched.kind === 'not-modified') return { feedUrl, feed, status: 'not-modified' as const, items: [] as FeedItem[] };
      const parsed = parseFeed(fetched.text, fetched.url);
      setValidators(feed, fetched.validators);
      return { feedUrl, feed, status: 'updated' as const, items: [...parsed.items] };
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      return { feedUrl, feed, status: 'failed' as const, items: [] as FeedItem[], error };
    }
  }));

  // Links already handled by any feed are not fetched again; a link listed by two feeds is fetched once.
  const doneLinks = new Set<string>();
  for (const feed of Object.values(state.feeds)) for (const item of Object.values(feed.items)) if (item.status === 'done') doneLinks.add(item.link);
  const candidates = new Map<string, Candidate>();
  const queuedPerFeed = new Map<string, number>();
  const queue = (feedUrl: string, feed: WatchedFeed, key: string, link: string, hints: RawArticle['hints']): void => {
    const existing = candidates.get(link);
    if (existing) existing.keys.push({ feed, key });
    else candidates.set(link, { link, hints, keys: [{ feed, key }] });
    queuedPerFeed.set(feedUrl, (queuedPerFeed.get(feedUrl) ?? 0) + 1);
  };
  for (const { feedUrl, feed, items } of polled) {
    let taken = 0;
    for (const item of items) {
      const known = feed.items[item.key];
      if (known?.status === 'done' || known?.status === 'retry') continue; // retries are queued below
      if (doneLinks.has(item.link)) {
        feed.items[item.key] = { link: item.link, status: 'done', seenAt: startedAt, attempts: 0 };
        continue;
      }
      if (taken >= maxItems) break; // the rest waits for the next poll
      taken++;
      queue(feedUrl, feed, item.key, item.link, itemHints(item));
    }
    for (const [key, item] of Object.entries(feed.items)) {
      if (item.status === 'retry') queue(feedUrl, feed, key, item.link, itemHints(item));
    }
  }

  // Fetch every candidate at once (the fetcher limits concurrency per host and overall) and ingest them in order.
  const prefetched = new Map<string, Promise<FetchResult>>();
  for (const { link, hints } of candidates.values()) {
    prefetched.set(link, fetcher.fetchArticle(link, { hints, ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }) }).catch(toIngestError(link)));
  }
  const counts = { inserted: 0, updated: 0, duplicates: 0 };
  let failures: readonly IngestFailure[] = [];
  let warnings: readonly IngestWarning[] = [];
  if (candidates.size > 0) {
    const summary = await ingest([...candidates.keys()], {
      ...options,
      readInput: async function* (link) {
        const result = await prefetched.get(link);
        if (result && !('kind' in result)) yield result;
      },
    });
    // An item unchanged since it was stored is, for a feed, an article already held: a duplicate.
    Object.assign(counts, { inserted: summary.inserted, updated: summary.updated, duplicates: summary.duplicates + summary.unchanged });
    failures = summary.failures;
    warnings = summary.warnings;
  }

  // Record each item: handled for good, or kept for a retry after a transient failure.
  let notModified = 0;
  let retryLater = 0;
  for (const { link, hints, keys } of candidates.values()) {
    const result = await prefetched.get(link)!;
    if (!(result instanceof IngestError) && 'kind' in result) notModified++;
    const isTransient = isTransientFailure(result);
    const isStopping = isTransient && options.signal?.aborted === true;
    for (const { feed, key } of keys) {
      const attempts = (feed.items[key]?.attempts ?? 0) + (isTransient && !isStopping ? 1 : 0);
      const isRetry = isStopping || (isTransient && attempts < maxAttempts);
      if (isRetry) retryLater++;
      feed.items[key] = {
        link,
        status: isRetry ? 'retry' : 'done',
        seenAt: feed.items[key]?.seenAt ?? startedAt,
        attempts,
        ...(isRetry && hints.title ? { title: hints.title } : {}),
        ...(isRetry && hints.publishedAt ? { publishedAt: hints.publishedAt } : {}),
      };
    }
  }
  for (const { feed, items } of polled) if (items.length) pruneFeedItems(feed, new Set(items.map((i) => i.key)));

  const feeds: FeedPollReport[] = polled.map((p) => ({
    feed: p.feedUrl,
    status: p.status,
    items: p.items.length,
    queued: queuedPerFeed.get(p.feedUrl) ?? 0,
    ...('error' in p && p.error ? { code: p.error.code, reason: p.error.reason } : {}),
  }));
  return { startedAt, feeds, fetched: candidates.size, ...counts, notModified, failures, warnings, retryLater, elapsedMs: performance.now() - began };
}

/** Options of watchFeeds. */
export interface WatchOptions extends Omit<PollOptions, 'fetcher' | 'state'> {
  /** Stops the watch: in-flight fetches are aborted, the state saved, and watchFeeds resolves. */
  readonly signal?: AbortSignal;
  /** The JSON state file (see defaultStatePath). */
  readonly statePath: string;
  readonly intervalMs?: number;
  /** Poll once and return. */
  readonly isOnce?: boolean;
  readonly fetch?: Omit<FetcherOptions, 'signal' | 'validators'>;
  /** Called after each poll, once its state is saved. */
  readonly onPoll?: (summary: PollSummary) => void;
}

/**
 * Polls the feeds every interval until the signal aborts (or once with `isOnce`), saving the state after each poll.
 * @example await watchFeeds(feeds, { store, stages, resources, statePath: 'dossier.db.watch.json', signal });
 */
export async function watchFeeds(feedUrls: readonly string[], options: WatchOptions): Promise<{ readonly polls: number }> {
  const state = loadWatchState(options.statePath);
  const fetcher = createFetcher({ ...options.fetch, ...(options.signal ? { signal: options.signal } : {}) });
  let polls = 0;
  for (;;) {
    const summary = await pollFeeds(feedUrls, { ...options, fetcher, state });
    saveWatchState(options.statePath, state);
    polls++;
    options.onPoll?.(summary);
    if (options.isOnce || options.signal?.aborted) break;
    try {
      await sleep(options.intervalMs ?? WATCH_DEFAULTS.intervalMs, options.signal);
    } catch (error) {
      if (options.signal?.aborted) break; // stopped while waiting for the next poll
      throw error;
    }
  }
  return { polls };
}

function setValidators(feed: WatchedFeed, validators: { readonly etag?: string; readonly lastModified?: string }): void {
  if (validators.etag) feed.etag = validators.etag;
  else delete feed.etag;
  if (validators.lastModified) feed.lastModified = validators.lastModified;
  else delete feed.lastModified;
}

function itemHints(item: { readonly title?: string; readonly publishedAt?: string }): RawArticle['hints'] {
  return { ...(item.title ? { title: item.title } : {}), ...(item.publishedAt ? { publishedAt: item.publishedAt } : {}) };
}

function toIngestError(link: string) {
  return (error: unknown): IngestError =>
    error instanceof IngestError ? error : new FetchError('E_INPUT_UNREADABLE', link, error instanceof Error ? error.message : String(error), { cause: error });
}

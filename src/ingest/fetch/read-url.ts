/**
 * Reads one http(s) URL into a RawArticle, in the same shape as the file reader: errors are yielded, not thrown,
 * and a 304 Not Modified yields nothing (the page was already ingested by this process).
 */
import { IngestError, describeCause, type RawArticle } from '../../model/index.js';
import { FetchError } from './fetch-error.js';
import { createFetcher, type Fetcher } from './fetcher.js';

/** Options of readUrl. */
export interface ReadUrlOptions {
  readonly maxBytes?: number;
  /** Defaults to one fetcher shared by the whole process, so robots.txt and per-host spacing hold across calls. */
  readonly fetcher?: Fetcher;
  /** With the default fetcher: contact loopback and private addresses too (`--allow-private-hosts`). */
  readonly allowPrivateHosts?: boolean;
}

const sharedFetchers = new Map<boolean, Fetcher>();

/** The process-wide fetcher with FETCH_DEFAULTS (one refusing private addresses, one allowing them), created on first use. */
export function defaultFetcher(options: { readonly allowPrivateHosts?: boolean } = {}): Fetcher {
  const allowPrivateHosts = options.allowPrivateHosts ?? false;
  let fetcher = sharedFetchers.get(allowPrivateHosts);
  if (!fetcher) {
    fetcher = createFetcher({ allowPrivateHosts });
    sharedFetchers.set(allowPrivateHosts, fetcher);
  }
  return fetcher;
}

/** True for inputs that name an http:// or https:// URL rather than a path. */
export function isHttpUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/**
 * Fetches a URL and yields its article or one IngestError naming the URL and the reason.
 * @example for await (const item of readUrl('https://example.org/news/fire.html')) …
 */
export async function* readUrl(url: string, options: ReadUrlOptions = {}): AsyncGenerator<RawArticle | IngestError> {
  const fetcher = options.fetcher ?? defaultFetcher(options.allowPrivateHosts === undefined ? {} : { allowPrivateHosts: options.allowPrivateHosts });
  try {
    const fetched = await fetcher.fetchArticle(url, options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes });
    if ('kind' in fetched) return;
    yield fetched;
  } catch (error) {
    yield error instanceof IngestError ? error : new FetchError('E_INPUT_UNREADABLE', url, describeCause(error), { cause: error });
  }
}

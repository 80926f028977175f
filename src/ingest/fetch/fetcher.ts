/**
 * The polite HTTP fetcher behind `dossier ingest https://…` and `dossier watch`: GET with a total timeout, a byte
 * limit enforced while the body streams, redirects followed by hand (each hop checked against robots.txt and the
 * host's rate limit), a User-Agent naming the project, a content-type check, charset decoding, robots.txt fetched
 * once per host, per-host spacing honouring Crawl-delay, and conditional requests (ETag / Last-Modified → 304).
 * Every hop (robots.txt included) goes only to public addresses, checked after DNS and pinned for the connection,
 * unless `allowPrivateHosts` (see resolve-host.ts and pinned-request.ts).
 * Every failure is a FetchError (an IngestError) naming the URL and the reason.
 */
import { IngestError, describeCause, type RawArticle } from '../../model/index.js';
import { decodeResponse } from './charset.js';
import { FetchError } from './fetch-error.js';
import { FETCH_DEFAULTS } from './fetch-defaults.js';
import { createHostGate, type HostGate } from './host-gate.js';
import { pinnedGet, type PinnedResponse } from './pinned-request.js';
import { resolvePinnedAddress, systemLookup, type HostLookup, type PrivateHostsAllowance, type ResolvedAddress } from './resolve-host.js';
import { ALLOW_ALL, DISALLOW_ALL, isAllowed, parseRobots, policyFor, type RobotsPolicy } from './robots.js';

/** Where site owners can read what Dossier is; sent in the User-Agent. */
export const DOSSIER_PROJECT_URL = 'https://github.com/dossier-project/dossier';

/** The product token robots.txt groups are matched against (`User-agent: Dossier`). */
export const ROBOTS_PRODUCT_TOKEN = 'Dossier';

/** The User-Agent header of every request. */
export const DOSSIER_USER_AGENT = `${ROBOTS_PRODUCT_TOKEN}/0.1 (+${DOSSIER_PROJECT_URL})`;

export { FETCH_DEFAULTS } from './fetch-defaults.js';

/** Bytes of robots.txt parsed; RFC 9309 §2.5 asks for at least 500 KiB and allows ignoring the rest. */
const ROBOTS_MAX_BYTES = 512 * 1024;

/** Validators of a fetched resource, sent back as If-None-Match / If-Modified-Since. */
export interface Validators {
  readonly etag?: string;
  readonly lastModified?: string;
}

/** Options of createFetcher; every field has a default in FETCH_DEFAULTS. */
export interface FetcherOptions {
  readonly userAgent?: string;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly maxRedirects?: number;
  readonly minIntervalMs?: number;
  readonly maxCrawlDelayMs?: number;
  readonly concurrency?: number;
  readonly robotsTtlMs?: number;
  readonly robotsRetryMs?: number;
  /** Validators by requested URL; pass a Map to keep them across fetchers (the watch state does). */
  readonly validators?: Map<string, Validators>;
  /** Aborts every request and wait (a watch stopping on SIGINT). */
  readonly signal?: AbortSignal;
  /**
   * Contact loopback, private, link-local and other non-public addresses too: true for any host
   * (`--allow-private-hosts`), or a list of host names trusted to be private; default false.
   */
  readonly allowPrivateHosts?: PrivateHostsAllowance;
  /** Resolves host names (default: node:dns lookup); tests inject one so that made-up names map to loopback. */
  readonly lookup?: HostLookup;
}

/** What a fetch is for: an article page (HTML or text) or a feed (XML). */
export type FetchPurpose = 'page' | 'feed';

/** A fetched, decoded resource, or "not modified" when a conditional request got 304. */
export type FetchedText =
  | {
      readonly kind: 'ok';
      readonly requestedUrl: string;
      /** The URL after redirects. */
      readonly url: string;
      /** The media type without parameters, lower-cased (`text/html`), or '' when the server sent none. */
      readonly mediaType: string;
      readonly text: string;
      readonly encoding: string;
      readonly validators: Validators;
    }
  | { readonly kind: 'not-modified'; readonly requestedUrl: string; readonly url: string };

/** Per-request options. */
export interface FetchRequest {
  readonly purpose: FetchPurpose;
  /** Overrides the fetcher's byte limit for this request (`--max-bytes`). */
  readonly maxBytes?: number;
  /** Send remembered validators and answer 'not-modified' on 304 (default true). */
  readonly isConditional?: boolean;
}

/** The outcome of fetching one article page. */
export type FetchedArticle = RawArticle | { readonly kind: 'not-modified'; readonly url: string };

/** A polite fetcher; one per process or per watch, so robots.txt and rate limits are shared. */
export interface Fetcher {
  /** Fetches a resource as text; throws FetchError (or IngestError for undecodable bodies) naming the URL. */
  fetchText(url: string, request: FetchRequest): Promise<FetchedText>;
  /** Fetches an article page into a RawArticle (format 'url', hints.url = final URL); throws like fetchText. */
  fetchArticle(url: string, options?: { readonly hints?: RawArticle['hints']; readonly maxBytes?: number }): Promise<FetchedArticle>;
  /** The validators remembered for a URL (after a 200 that sent ETag or Last-Modified). */
  readonly validators: Map<string, Validators>;
}

/** At most this many URLs' validators are kept in memory; the oldest are dropped first. */
const MAX_REMEMBERED_VALIDATORS = 10_000;

interface RobotsEntry {
  readonly policy: RobotsPolicy;
  readonly expiresAt: number;
  /** Why pages of this host are refused when robots.txt could not be fetched. */
  readonly unreachableReason?: string;
}

/** One hop's answer: a redirect, or a final status with its body. */
type HopResult =
  | { readonly kind: 'redirect'; readonly status: number; readonly location: string | null }
  | { readonly kind: 'final'; readonly status: number; readonly statusText: string; readonly headers: Headers; readonly bytes: Uint8Array; readonly isTruncated: boolean };

/**
 * Creates a fetcher.
 * @example
 * const fetcher = createFetcher({ minIntervalMs: 2000 });
 * const article = await fetcher.fetchArticle('https://example.org/news/fire.html');
 */
export function createFetcher(options: FetcherOptions = {}): Fetcher {
  const settings = { ...FETCH_DEFAULTS, ...definedOnly(options) };
  const userAgent = options.userAgent ?? DOSSIER_USER_AGENT;
  const validators = options.validators ?? new Map<string, Validators>();
  const gate: HostGate = createHostGate({ concurrency: settings.concurrency });
  const addressPolicy = { allowPrivateHosts: options.allowPrivateHosts ?? false, lookup: options.lookup ?? systemLookup };
  const robots = new Map<string, RobotsEntry>();
  const robotsInFlight = new Map<string, Promise<RobotsEntry>>();
  const crawlDelayMs = new Map<string, number>(); // per host, from robots.txt
  const retryAfterMs = new Map<string, number>(); // per host, from a 429/503 Retry-After, used once

  const intervalFor = (host: string) => (): number => {
    const backoff = retryAfterMs.get(host) ?? 0;
    retryAfterMs.delete(host);
    return Math.max(settings.minIntervalMs, crawlDelayMs.get(host) ?? 0, backoff);
  };

  /** One GET under the host's gate and a deadline; redirects are returned, not followed. */
  async function hop(url: URL, pinned: ResolvedAddress, headers: Record<string, string>, maxBytes: number, isTruncating: boolean, deadline: Deadline): Promise<HopResult> {
    return gate.run(url.host, intervalFor(url.host), async () => {
      // The clock runs only while a hop is on the wire: waiting for the host's turn (behind a slow page) is not
      // the redirect's time.
      deadline.start();
      try {
        return await hopOnTheWire(url, pinned, headers, maxBytes, isTruncating, deadline);
      } finally {
        deadline.pause();
      }
    }, options.signal);
  }

  async function hopOnTheWire(url: URL, pinned: ResolvedAddress, headers: Record<string, string>, maxBytes: number, isTruncating: boolean, deadline: Deadline): Promise<HopResult> {
    let response: PinnedResponse;
    try {
      response = await pinnedGet(url, pinned, { 'user-agent': userAgent, ...headers }, deadline.signal);
    } catch (error) {
      throw deadline.explain(url.href, error);
    }
    if (response.status >= 300 && response.status < 400 && response.status !== 304) {
      response.cancel();
      return { kind: 'redirect', status: response.status, location: response.headers.get('location') };
    }
    noteRetryAfter(url.host, response);
    if (response.status < 200 || response.status >= 300) {
      // An error page or a 304 is not read: only its status matters.
      response.cancel();
      return { kind: 'final', status: response.status, statusText: response.statusText, headers: response.headers, bytes: new Uint8Array(0), isTruncated: false };
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (!isTruncating && Number.isFinite(declared) && declared > maxBytes) {
      response.cancel();
      throw new FetchError('E_INPUT_TOO_LARGE', url.href, `response is ${formatBytes(declared)} (Content-Length), above the ${formatBytes(maxBytes)} limit (raise it with --max-bytes)`);
    }
    const { bytes, isTruncated } = await readLimited(response, url.href, maxBytes, isTruncating, deadline);
    return { kind: 'final', status: response.status, statusText: response.statusText, headers: response.headers, bytes, isTruncated };
  }

  function noteRetryAfter(host: string, response: PinnedResponse): void {
    if (response.status !== 429 && response.status !== 503) return;
    const seconds = Number(response.headers.get('retry-after'));
    if (Number.isFinite(seconds) && seconds > 0) retryAfterMs.set(host, Math.min(seconds * 1000, settings.maxCrawlDelayMs));
  }

  /** Follows redirects by hand so each hop is checked; robots.txt itself is fetched with `isRobots`. */
  async function get(requestedUrl: string, headers: Record<string, string>, maxBytes: number, isRobots: boolean): Promise<{ url: URL; result: Extract<HopResult, { kind: 'final' }> }> {
    let url = parseHttpUrl(requestedUrl);
    const deadline = createDeadline(settings.timeoutMs, options.signal);
    try {
      for (let redirects = 0; ; redirects++) {
        // The address is checked before robots.txt is asked, so a private host is refused as such, not as "robots.txt unreachable".
        const pinned = await resolvePinnedAddress(url, requestedUrl, redirects > 0, addressPolicy);
        if (!isRobots) await assertAllowed(url, requestedUrl);
        const result = await hop(url, pinned, headers, maxBytes, isRobots, deadline);
        if (result.kind === 'final') return { url, result };
        if (redirects >= settings.maxRedirects) {
          throw new FetchError('E_INPUT_UNREADABLE', requestedUrl, `too many redirects (more than ${settings.maxRedirects}; last to ${url.href})`);
        }
        if (!result.location) throw new FetchError('E_INPUT_UNREADABLE', requestedUrl, `HTTP ${result.status} redirect without a Location header (at ${url.href})`, { status: result.status });
        url = parseHttpUrl(new URL(result.location, url).href, requestedUrl);
      }
    } catch (error) {
      // Name the input the user gave; a failure after a redirect also says where it happened.
      if (error instanceof FetchError && error.file !== requestedUrl) {
        throw new FetchError(error.code, requestedUrl, `${error.reason} (at ${error.file})`, { isTransient: error.isTransient, ...(error.status === undefined ? {} : { status: error.status }), cause: error });
      }
      if (error instanceof IngestError) throw error;
      if (options.signal?.aborted) throw new FetchError('E_INPUT_UNREADABLE', requestedUrl, 'aborted: stopping', { isTransient: true, cause: error });
      throw new FetchError('E_INPUT_UNREADABLE', requestedUrl, describeCause(error), { isTransient: true, cause: error });
    }
  }

  async function assertAllowed(url: URL, requestedUrl: string): Promise<void> {
    const entry = await robotsFor(url);
    if (entry.unreachableReason) {
      throw new FetchError('E_INPUT_UNREADABLE', requestedUrl, `${entry.unreachableReason}; not fetching from ${url.host} until it can be read (RFC 9309)`, { isTransient: true });
    }
    if (!isAllowed(entry.policy, url.pathname + url.search)) {
      throw new FetchError('E_INPUT_UNREADABLE', requestedUrl, `disallowed by ${url.origin}/robots.txt${url.href === requestedUrl ? '' : ` (redirected to ${url.href})`}`);
    }
  }

  async function robotsFor(url: URL): Promise<RobotsEntry> {
    const origin = url.origin;
    const cached = robots.get(origin);
    if (cached && cached.expiresAt > Date.now()) return cached;
    let pending = robotsInFlight.get(origin);
    if (!pending) {
      pending = loadRobots(url).finally(() => robotsInFlight.delete(origin));
      robotsInFlight.set(origin, pending);
    }
    return pending;
  }

  async function loadRobots(url: URL): Promise<RobotsEntry> {
    const robotsUrl = `${url.origin}/robots.txt`;
    let entry: RobotsEntry;
    try {
      const { result } = await get(robotsUrl, { accept: 'text/plain, */*;q=0.1' }, ROBOTS_MAX_BYTES, true);
      if (result.status >= 200 && result.status < 300) {
        const text = Buffer.from(result.bytes).toString('utf8');
        entry = { policy: policyFor(parseRobots(text), ROBOTS_PRODUCT_TOKEN), expiresAt: Date.now() + settings.robotsTtlMs };
      } else if (result.status >= 400 && result.status < 500 && result.status !== 429) {
        entry = { policy: ALLOW_ALL, expiresAt: Date.now() + settings.robotsTtlMs }; // "unavailable": no rules
      } else {
        entry = { policy: DISALLOW_ALL, expiresAt: Date.now() + settings.robotsRetryMs, unreachableReason: `${robotsUrl} answered HTTP ${result.status}` };
      }
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const reason = error instanceof IngestError ? error.reason : describeCause(error);
      entry = { policy: DISALLOW_ALL, expiresAt: Date.now() + settings.robotsRetryMs, unreachableReason: `${robotsUrl} could not be fetched (${reason})` };
    }
    const delaySeconds = entry.policy.crawlDelaySeconds;
    if (delaySeconds !== undefined) crawlDelayMs.set(url.host, Math.min(delaySeconds * 1000, settings.maxCrawlDelayMs));
    robots.set(url.origin, entry);
    return entry;
  }

  async function fetchText(url: string, request: FetchRequest): Promise<FetchedText> {
    const isConditional = request.isConditional ?? true;
    const known = isConditional ? validators.get(url) : undefined;
    const headers: Record<string, string> = { accept: request.purpose === 'feed' ? FEED_ACCEPT : PAGE_ACCEPT };
    if (known?.etag) headers['if-none-match'] = known.etag;
    if (known?.lastModified) headers['if-modified-since'] = known.lastModified;
    const maxBytes = request.maxBytes ?? settings.maxBytes;
    const { url: finalUrl, result } = await get(url, headers, maxBytes, false);
    if (result.status === 304) {
      if (!known) throw new FetchError('E_INPUT_UNREADABLE', url, 'HTTP 304 Not Modified to an unconditional request', { status: 304 });
      return { kind: 'not-modified', requestedUrl: url, url: finalUrl.href };
    }
    assertSuccess(url, finalUrl, result.status, result.statusText);
    const contentType = result.headers.get('content-type');
    const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
    assertMediaType(url, mediaType, request.purpose);
    const { text, encoding } = decodeResponse(result.bytes, url, contentType);
    const fresh: Validators = definedOnly({ etag: result.headers.get('etag') ?? undefined, lastModified: result.headers.get('last-modified') ?? undefined });
    if (fresh.etag || fresh.lastModified) remember(url, fresh);
    return { kind: 'ok', requestedUrl: url, url: finalUrl.href, mediaType, text, encoding, validators: fresh };
  }

  function remember(url: string, fresh: Validators): void {
    validators.delete(url); // re-insert so Map order is least-recently-stored first
    validators.set(url, fresh);
    if (validators.size > MAX_REMEMBERED_VALIDATORS) validators.delete(validators.keys().next().value!);
  }

  async function fetchArticle(url: string, articleOptions: { hints?: RawArticle['hints']; maxBytes?: number } = {}): Promise<FetchedArticle> {
    const fetched = await fetchText(url, { purpose: 'page', ...(articleOptions.maxBytes === undefined ? {} : { maxBytes: articleOptions.maxBytes }) });
    if (fetched.kind === 'not-modified') return { kind: 'not-modified', url: fetched.url };
    const contentType = articleKind(fetched.mediaType, fetched.text);
    if (contentType === 'feed') {
      throw new FetchError('E_INPUT_MALFORMED', url, `is an RSS/Atom feed (${fetched.mediaType || 'no content type'}), not an article page: follow it with \`dossier watch ${url}\``);
    }
    return { source: url, format: 'url', contentType, content: fetched.text, hints: { ...articleOptions.hints, url: fetched.url } };
  }

  return { fetchText, fetchArticle, validators };
}

const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, text/plain;q=0.8, */*;q=0.1';
const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1';

/** Media types accepted per purpose; '' (no Content-Type) is sniffed after decoding. */
function assertMediaType(url: string, mediaType: string, purpose: FetchPurpose): void {
  const isText = mediaType === '' || mediaType.startsWith('text/') || /^application\/([\w.-]+\+)?xml$/.test(mediaType) || mediaType === 'application/xhtml+xml';
  if (isText) return;
  const wanted = purpose === 'feed' ? 'an RSS/Atom feed (XML)' : 'HTML, text or XML';
  throw new FetchError('E_INPUT_BINARY', url, `content type ${mediaType} is not ${wanted}`);
}

/** How an article page's body is read: 'html' markup, 'text', or 'feed' (refused: feeds go to `watch`). */
function articleKind(mediaType: string, text: string): 'html' | 'text' | 'feed' {
  if (/^application\/(rss|atom|rdf)\+xml$/.test(mediaType)) return 'feed';
  if (mediaType === 'text/plain') return 'text';
  if (mediaType === 'text/html' || mediaType === 'application/xhtml+xml') return 'html';
  const head = text.slice(0, 2048);
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]/i.test(head)) return 'feed';
  return /<(html|head|body|p|div|article)[\s>]/i.test(head) ? 'html' : 'text';
}

function assertSuccess(requestedUrl: string, finalUrl: URL, status: number, statusText: string): void {
  if (status >= 200 && status < 300) {
    if (status === 204) throw new FetchError('E_INPUT_EMPTY', requestedUrl, 'HTTP 204 No Content', { status });
    return;
  }
  const where = finalUrl.href === requestedUrl ? '' : ` (at ${finalUrl.href})`;
  const reason = `HTTP ${status}${statusText ? ` ${statusText}` : ''}${where}`;
  if (status === 404 || status === 410) throw new FetchError('E_INPUT_NOT_FOUND', requestedUrl, reason, { status });
  const isTransient = status === 408 || status === 429 || status >= 500;
  throw new FetchError('E_INPUT_UNREADABLE', requestedUrl, reason, { status, isTransient });
}

/** Reads the body up to `maxBytes`: past it, either stops with an error or (robots.txt) keeps what was read. */
async function readLimited(response: PinnedResponse, url: string, maxBytes: number, isTruncating: boolean, deadline: Deadline): Promise<{ bytes: Uint8Array; isTruncated: boolean }> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  // Aborting the request ends the socket, but a stalled decompressor would not notice: stop reading on abort too.
  const onAbort = (): void => response.cancel();
  deadline.signal.addEventListener('abort', onAbort, { once: true });
  try {
    for await (const chunk of response.body) {
      const value = chunk as Buffer;
      total += value.byteLength;
      if (total > maxBytes) {
        response.cancel();
        if (isTruncating) {
          chunks.push(value.subarray(0, value.byteLength - (total - maxBytes)));
          return { bytes: Buffer.concat(chunks), isTruncated: true };
        }
        throw new FetchError('E_INPUT_TOO_LARGE', url, `response body is larger than the ${formatBytes(maxBytes)} limit (stopped after ${formatBytes(total)}; raise it with --max-bytes)`);
      }
      chunks.push(value);
    }
    if (deadline.signal.aborted) throw deadline.explain(url, deadline.signal.reason);
  } catch (error) {
    if (error instanceof FetchError) throw error;
    throw deadline.explain(url, error);
  } finally {
    deadline.signal.removeEventListener('abort', onAbort);
  }
  return { bytes: Buffer.concat(chunks), isTruncated: false };
}

/** A total time limit started at the first request; `explain` turns an abort or network error into a FetchError. */
interface Deadline {
  readonly signal: AbortSignal;
  /** Runs the clock on what is left of the budget. */
  start(): void;
  /** Stops the clock between hops, keeping what was spent. */
  pause(): void;
  explain(url: string, error: unknown): FetchError;
}

function createDeadline(timeoutMs: number, outer: AbortSignal | undefined): Deadline {
  const controller = new AbortController();
  const signal = outer ? AbortSignal.any([controller.signal, outer]) : controller.signal;
  let timer: NodeJS.Timeout | undefined;
  let isTimedOut = false;
  let leftMs = timeoutMs;
  let startedAt = 0;
  return {
    signal,
    start() {
      if (timer || isTimedOut) return;
      startedAt = performance.now();
      timer = setTimeout(() => {
        isTimedOut = true;
        controller.abort();
      }, Math.max(0, leftMs));
    },
    pause() {
      if (!timer) return;
      clearTimeout(timer);
      timer = undefined;
      leftMs -= performance.now() - startedAt;
    },
    explain(url, error) {
      if (isTimedOut) return new FetchError('E_INPUT_UNREADABLE', url, `timed out after ${formatSeconds(timeoutMs)}`, { isTransient: true, cause: error });
      if (outer?.aborted) return new FetchError('E_INPUT_UNREADABLE', url, 'aborted: stopping', { isTransient: true, cause: error });
      return new FetchError('E_INPUT_UNREADABLE', url, `network error: ${networkReason(error)}`, { isTransient: true, cause: error });
    },
  };
}

/** The most specific message of a request failure: the socket error's code and message (`ECONNREFUSED connect …`). */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  const inner = cause instanceof Error ? cause : error;
  if (inner instanceof Error) {
    const code = (inner as NodeJS.ErrnoException).code;
    return code ? `${code} ${inner.message.replace(new RegExp(`^${code}:?\\s*`), '')}`.trim() : inner.message;
  }
  return describeCause(error);
}

/** Parses an http(s) URL or throws FetchError quoting it. */
function parseHttpUrl(value: string, requestedUrl = value): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch (error) {
    throw new FetchError('E_INPUT_MALFORMED', requestedUrl, `"${value}" is not a valid URL`, { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('E_INPUT_MALFORMED', requestedUrl, `"${value}" is not an http(s) URL`);
  }
  url.hash = '';
  return url;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** Drops undefined fields so spreading options over defaults keeps the defaults. */
function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

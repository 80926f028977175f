/** Fetching articles over HTTP(S), politely: see fetcher.ts. */
export { createFetcher, DOSSIER_USER_AGENT, DOSSIER_PROJECT_URL, FETCH_DEFAULTS, ROBOTS_PRODUCT_TOKEN } from './fetcher.js';
export type { Fetcher, FetcherOptions, FetchedArticle, FetchedText, FetchPurpose, FetchRequest, Validators } from './fetcher.js';
export { FetchError, isTransientFailure } from './fetch-error.js';
export { defaultFetcher, isHttpUrl, readUrl, type ReadUrlOptions } from './read-url.js';
export { isAllowed, parseRobots, policyFor, type RobotsFile, type RobotsPolicy, type RobotsRule } from './robots.js';
export { describeKind, localNameKind, nonPublicKind, type NonPublicKind } from './address-policy.js';
export type { HostLookup, PrivateHostsAllowance, ResolvedAddress } from './resolve-host.js';

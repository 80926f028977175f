/** Reads one input of any kind: an http(s) URL through the polite fetcher, anything else through the file reader. */
import type { IngestError, RawArticle } from '../model/index.js';
import { readUrl, isHttpUrl } from './fetch/read-url.js';
import type { Fetcher } from './fetch/fetcher.js';
import { readPath } from './read-file.js';

/** Options of readInput. */
export interface ReadInputOptions {
  readonly maxBytes?: number;
  /** The fetcher for URLs; defaults to the process-wide one. */
  readonly fetcher?: Fetcher;
  /** URLs may reach loopback and private addresses (`--allow-private-hosts`); ignored when `fetcher` is given. */
  readonly allowPrivateHosts?: boolean;
}

/** Reads one input into articles or per-input errors; the ingest use case takes any function of this shape. */
export type InputReader = (input: string, options: ReadInputOptions) => AsyncIterable<RawArticle | IngestError>;

/**
 * Routes an input to its reader: `https://…` and `http://…` are fetched, paths and `-` are read from disk or stdin.
 * @example for await (const item of readInput('https://example.org/a.html', { maxBytes: 1e6 })) …
 */
export function readInput(input: string, options: ReadInputOptions = {}): AsyncGenerator<RawArticle | IngestError> {
  if (isHttpUrl(input)) return readUrl(input, options);
  return readPath(input, options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes });
}

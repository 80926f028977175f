/**
 * A local HTTP server for fetcher and feed tests: node:http on 127.0.0.1, port 0, serving our own fixture files,
 * logging every request (path, arrival time, headers) so tests can assert what was and was not asked for.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The folder of fixture pages and feeds. */
export const WEB_FIXTURES = fileURLToPath(new URL('../fixtures/web/', import.meta.url));

/** One request the server received. */
export interface LoggedRequest {
  readonly path: string;
  /** performance.now() when the request arrived. */
  readonly atMs: number;
  readonly headers: IncomingHttpHeaders;
}

/** Handles one request; `origin` is the server's own `http://127.0.0.1:PORT`. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, origin: string) => void;

/** A running fixture server. */
export interface FixtureServer {
  readonly origin: string;
  /** The absolute URL of a path on this server. */
  url(path: string): string;
  readonly requests: LoggedRequest[];
  /** Requests whose path (with query) equals `path`. */
  requestsTo(path: string): LoggedRequest[];
  close(): Promise<void>;
}

/** Starts a server with a route per exact path (query included); other paths answer 404. */
export async function startFixtureServer(routes: Record<string, RouteHandler>): Promise<FixtureServer> {
  const requests: LoggedRequest[] = [];
  let origin = '';
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, atMs: performance.now(), headers: req.headers });
    const route = routes[path];
    if (route) route(req, res, origin);
    else {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Not found</title><p>No such page.</p>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    requests,
    requestsTo: (path) => requests.filter((r) => r.path === path),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Options of serveFile. */
export interface ServeFileOptions {
  readonly contentType?: string;
  /** Sent as ETag; a request with a matching If-None-Match gets 304. */
  readonly etag?: string;
  /** Sent as Last-Modified; a request with If-Modified-Since equal to it gets 304. */
  readonly lastModified?: string;
}

/** Serves a fixture file (`{{origin}}` in it is replaced by the server's origin), with optional validators. */
export function serveFile(name: string, options: ServeFileOptions = {}): RouteHandler {
  const bytes = readFileSync(`${WEB_FIXTURES}${name}`);
  return (req, res, origin) => {
    const validators: Record<string, string> = {};
    if (options.etag) validators['etag'] = options.etag;
    if (options.lastModified) validators['last-modified'] = options.lastModified;
    const isFresh = (options.etag && req.headers['if-none-match'] === options.etag) || (options.lastModified && req.headers['if-modified-since'] === options.lastModified);
    if (isFresh) {
      res.writeHead(304, validators);
      res.end();
      return;
    }
    const body = bytes.includes('{{origin}}') ? Buffer.from(bytes.toString('utf8').replaceAll('{{origin}}', origin)) : bytes;
    res.writeHead(200, { 'content-type': options.contentType ?? contentTypeOf(name), 'content-length': body.length, ...validators });
    res.end(body);
  };
}

/** Answers with a fixed status, headers and body. */
export function respond(status: number, headers: Record<string, string> = {}, body = ''): RouteHandler {
  return (_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };
}

function contentTypeOf(name: string): string {
  if (name.endsWith('.rss')) return 'application/rss+xml; charset=utf-8';
  if (name.endsWith('.atom')) return 'application/atom+xml; charset=utf-8';
  if (name.endsWith('.txt')) return 'text/plain; charset=utf-8';
  return 'text/html'; // no charset on purpose: the page's meta tag or detection decides
}

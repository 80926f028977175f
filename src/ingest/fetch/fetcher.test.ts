import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { respond, serveFile, startFixtureServer, type FixtureServer } from '../../../test/helpers/fixture-server.js';
import { FetchError } from './fetch-error.js';
import { createFetcher, DOSSIER_USER_AGENT, type FetcherOptions } from './fetcher.js';

const servers: FixtureServer[] = [];
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function server(routes: Parameters<typeof startFixtureServer>[0]): Promise<FixtureServer> {
  const s = await startFixtureServer(routes);
  servers.push(s);
  return s;
}

/** Fast politeness for tests (the fixture server is on 127.0.0.1, hence allowPrivateHosts); each test states what it relies on. */
const fast: FetcherOptions = { minIntervalMs: 10, timeoutMs: 5_000, allowPrivateHosts: true };

async function rejection(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof FetchError, `expected a FetchError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the fetch to fail');
}

test('fetcher › a page becomes a RawArticle: format url, html, final URL after a redirect, our User-Agent', async () => {
  const s = await server({
    '/old/grain': respond(301, { location: '/news/grain-prices.html' }),
    '/news/grain-prices.html': serveFile('grain-prices.html'),
  });
  const article = await createFetcher(fast).fetchArticle(s.url('/old/grain'));
  assert.ok(!('kind' in article));
  assert.equal(article.format, 'url');
  assert.equal(article.contentType, 'html');
  assert.equal(article.source, s.url('/old/grain'));
  assert.equal(article.hints.url, s.url('/news/grain-prices.html'));
  assert.match(article.content, /Wheat futures rose/);
  assert.match(DOSSIER_USER_AGENT, /^Dossier\/0\.1 \(\+https:\/\/\S+\)$/);
  for (const request of s.requests) assert.equal(request.headers['user-agent'], DOSSIER_USER_AGENT);
  assert.deepEqual(s.requests.map((r) => r.path), ['/robots.txt', '/old/grain', '/news/grain-prices.html']);
});

test('fetcher › the charset comes from the meta tag when the Content-Type has none (Windows-1252 page)', async () => {
  const s = await server({ '/cafe.html': serveFile('cafe-reopens.html', { contentType: 'text/html' }) });
  const article = await createFetcher(fast).fetchArticle(s.url('/cafe.html'));
  assert.ok(!('kind' in article));
  assert.match(article.content, /Harbour café reopens/);
});

test('fetcher › text/plain is read as text', async () => {
  const s = await server({ '/note.txt': respond(200, { 'content-type': 'text/plain; charset=utf-8' }, 'Port notice\n\nThe north quay is closed to traffic until Friday while cranes are replaced.') });
  const article = await createFetcher(fast).fetchArticle(s.url('/note.txt'));
  assert.ok(!('kind' in article));
  assert.equal(article.contentType, 'text');
});

test('fetcher › HTTP 404 is an error naming the URL and the status', async () => {
  const s = await server({});
  const error = await rejection(createFetcher(fast).fetchArticle(s.url('/news/gone.html')));
  assert.equal(error.code, 'E_INPUT_NOT_FOUND');
  assert.equal(error.file, s.url('/news/gone.html'));
  assert.equal(error.reason, 'HTTP 404 Not Found');
  assert.equal(error.isTransient, false);
});

test('fetcher › a non-HTML content type is refused with the type in the reason', async () => {
  const s = await server({ '/photo.png': respond(200, { 'content-type': 'image/png' }, '\x89PNG\r\n') });
  const error = await rejection(createFetcher(fast).fetchArticle(s.url('/photo.png')));
  assert.equal(error.code, 'E_INPUT_BINARY');
  assert.equal(error.reason, 'content type image/png is not HTML, text or XML');
});

test('fetcher › a feed given as an article page points to `dossier watch`', async () => {
  const s = await server({ '/feed.rss': serveFile('news.rss') });
  const error = await rejection(createFetcher(fast).fetchArticle(s.url('/feed.rss')));
  assert.match(error.reason, /is an RSS\/Atom feed .*dossier watch/);
});

test('fetcher › a slow endpoint hits the total timeout (headers sent, body never finished)', async () => {
  const s = await server({
    '/slow.html': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<!doctype html><html><body><p>Loading');
      // never ends: the fetcher must give up on its own
    },
  });
  const began = performance.now();
  const error = await rejection(createFetcher({ ...fast, timeoutMs: 300 }).fetchArticle(s.url('/slow.html')));
  assert.equal(error.reason, 'timed out after 0.3 s');
  assert.equal(error.isTransient, true);
  assert.ok(performance.now() - began < 3_000);
});

test('fetcher › an oversized body is cut at the byte limit with a clear error (streamed, no Content-Length)', async () => {
  let bytesSent = 0;
  const s = await server({
    '/huge.html': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = `<p>${'x'.repeat(16 * 1024)}</p>`;
      const pump = (): void => {
        // Stops on its own well past the limit, or when the client hangs up.
        while (bytesSent < 4 * 1024 * 1024 && !res.destroyed) {
          bytesSent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    },
  });
  const error = await rejection(createFetcher({ ...fast, maxBytes: 64 * 1024 }).fetchArticle(s.url('/huge.html')));
  assert.equal(error.code, 'E_INPUT_TOO_LARGE');
  assert.match(error.reason, /^response body is larger than the 64\.0 KB limit \(stopped after \d+\.\d KB; raise it with --max-bytes\)$/);
});

test('fetcher › a Content-Length above the limit is refused before the body is read', async () => {
  const s = await server({ '/big.html': respond(200, { 'content-type': 'text/html', 'content-length': String(2 * 1024 * 1024) }, 'x'.repeat(2 * 1024 * 1024)) });
  const error = await rejection(createFetcher({ ...fast, maxBytes: 1024 * 1024 }).fetchArticle(s.url('/big.html')));
  assert.equal(error.code, 'E_INPUT_TOO_LARGE');
  assert.equal(error.reason, 'response is 2.0 MB (Content-Length), above the 1.0 MB limit (raise it with --max-bytes)');
});

test('fetcher › robots.txt Disallow is honoured: the page is never requested, robots.txt is fetched once', async () => {
  const s = await server({
    '/robots.txt': respond(200, { 'content-type': 'text/plain' }, 'User-agent: *\nDisallow: /private/\n\nUser-agent: OtherBot\nDisallow: /\n'),
    '/private/memo.html': serveFile('grain-prices.html'),
    '/news/grain-prices.html': serveFile('grain-prices.html'),
    '/redirect-to-private': respond(302, { location: '/private/memo.html' }),
  });
  const fetcher = createFetcher(fast);
  const error = await rejection(fetcher.fetchArticle(s.url('/private/memo.html')));
  assert.equal(error.reason, `disallowed by ${s.origin}/robots.txt`);
  const redirected = await rejection(fetcher.fetchArticle(s.url('/redirect-to-private')));
  assert.equal(redirected.reason, `disallowed by ${s.origin}/robots.txt (redirected to ${s.url('/private/memo.html')})`);
  await fetcher.fetchArticle(s.url('/news/grain-prices.html'));
  assert.equal(s.requestsTo('/private/memo.html').length, 0);
  assert.equal(s.requestsTo('/robots.txt').length, 1);
});

test('fetcher › a robots.txt group for Dossier overrides the * group', async () => {
  const s = await server({
    '/robots.txt': respond(200, { 'content-type': 'text/plain' }, 'User-agent: *\nDisallow: /\n\nUser-agent: dossier\nAllow: /news/\nDisallow: /\n'),
    '/news/grain-prices.html': serveFile('grain-prices.html'),
    '/shop/': serveFile('grain-prices.html'),
  });
  const fetcher = createFetcher(fast);
  await fetcher.fetchArticle(s.url('/news/grain-prices.html'));
  await rejection(fetcher.fetchArticle(s.url('/shop/')));
  assert.equal(s.requestsTo('/shop/').length, 0);
});

test('fetcher › an unreachable robots.txt (HTTP 503) means no page is fetched from that host, retryable', async () => {
  const s = await server({ '/robots.txt': respond(503), '/news/grain-prices.html': serveFile('grain-prices.html') });
  const error = await rejection(createFetcher(fast).fetchArticle(s.url('/news/grain-prices.html')));
  assert.match(error.reason, /robots\.txt answered HTTP 503; not fetching from 127\.0\.0\.1:\d+ until it can be read/);
  assert.equal(error.isTransient, true);
  assert.equal(s.requestsTo('/news/grain-prices.html').length, 0);
});

test("fetcher › the timeout counts time on the wire, not a redirect's wait for the host's next turn", async () => {
  const s = await server({
    '/old/grain': respond(302, { location: '/news/grain-prices.html' }),
    '/news/grain-prices.html': serveFile('grain-prices.html'),
  });
  // Each hop is quick, but the host's spacing holds the second hop back longer than the whole timeout.
  const article = await createFetcher({ ...fast, minIntervalMs: 400, timeoutMs: 300 }).fetchArticle(s.url('/old/grain'));
  assert.ok(!('kind' in article), 'fetched, not refused');
  assert.match(article.content, /grain/i);
  const [hop1, hop2] = s.requests.slice(-2).map((r) => r.atMs);
  assert.ok(hop2! - hop1! >= 400, 'the second hop waited its turn');
});

test('fetcher › requests to one host are spaced by at least the minimum interval', async () => {
  const s = await server({ '/a.html': serveFile('grain-prices.html'), '/b.html': serveFile('ferry-strike.html') });
  const fetcher = createFetcher({ ...fast, minIntervalMs: 200 });
  await Promise.all([fetcher.fetchArticle(s.url('/a.html')), fetcher.fetchArticle(s.url('/b.html'))]);
  const times = s.requests.map((r) => r.atMs);
  assert.equal(times.length, 3); // robots.txt, a, b
  for (let i = 1; i < times.length; i++) assert.ok(times[i]! - times[i - 1]! >= 200, `gap ${i} was ${(times[i]! - times[i - 1]!).toFixed(1)} ms`);
});

test('fetcher › a robots.txt Crawl-delay raises the interval for that host', async () => {
  const s = await server({
    '/robots.txt': respond(200, { 'content-type': 'text/plain' }, 'User-agent: *\nCrawl-delay: 0.4\n'),
    '/a.html': serveFile('grain-prices.html'),
  });
  const fetcher = createFetcher({ ...fast, minIntervalMs: 50 });
  await fetcher.fetchArticle(s.url('/a.html'));
  const [robots, page] = s.requests.map((r) => r.atMs);
  assert.ok(page! - robots! >= 400, `gap was ${(page! - robots!).toFixed(1)} ms`);
});

test('fetcher › different hosts are fetched in parallel while each host keeps its own spacing', async () => {
  const routes = { '/a.html': serveFile('grain-prices.html'), '/b.html': serveFile('ferry-strike.html') };
  const [one, two] = [await server(routes), await server(routes)];
  const fetcher = createFetcher({ ...fast, minIntervalMs: 200 });
  await Promise.all([one, two].flatMap((s) => [fetcher.fetchArticle(s.url('/a.html')), fetcher.fetchArticle(s.url('/b.html'))]));
  // The second host's first request arrives before the first host's last: the hosts did not wait for each other.
  assert.ok(two.requests[0]!.atMs < one.requests.at(-1)!.atMs);
  assert.ok(one.requests[0]!.atMs < two.requests.at(-1)!.atMs);
});

test('fetcher › a second fetch sends If-None-Match, gets 304 and is reported as not modified', async () => {
  const s = await server({ '/a.html': serveFile('grain-prices.html', { etag: '"v1"', lastModified: 'Fri, 20 Nov 2026 07:15:00 GMT' }) });
  const fetcher = createFetcher(fast);
  const first = await fetcher.fetchArticle(s.url('/a.html'));
  assert.ok(!('kind' in first));
  const second = await fetcher.fetchArticle(s.url('/a.html'));
  assert.deepEqual(second, { kind: 'not-modified', url: s.url('/a.html') });
  const [, firstPage, secondPage] = s.requests;
  assert.equal(firstPage!.headers['if-none-match'], undefined);
  assert.equal(secondPage!.headers['if-none-match'], '"v1"');
  assert.equal(secondPage!.headers['if-modified-since'], 'Fri, 20 Nov 2026 07:15:00 GMT');
});

test('fetcher › a redirect loop stops at the redirect limit', async () => {
  const s = await server({ '/loop': respond(302, { location: '/loop' }) });
  const error = await rejection(createFetcher({ ...fast, maxRedirects: 3 }).fetchArticle(s.url('/loop')));
  assert.equal(error.reason, `too many redirects (more than 3; last to ${s.url('/loop')})`);
  assert.equal(s.requestsTo('/loop').length, 4);
});

test('fetcher › a refused connection is a transient network error naming the URL', async () => {
  const s = await startFixtureServer({});
  const url = s.url('/a.html');
  await s.close();
  const error = await rejection(createFetcher(fast).fetchArticle(url));
  assert.equal(error.file, url);
  assert.match(error.reason, /robots\.txt could not be fetched \(network error: ECONNREFUSED/);
  assert.equal(error.isTransient, true);
});

test('fetcher › a non-http URL is refused with the value quoted', async () => {
  const error = await rejection(createFetcher(fast).fetchArticle('ftp://127.0.0.1/file.txt'));
  assert.equal(error.reason, '"ftp://127.0.0.1/file.txt" is not an http(s) URL');
});

test('fetcher › a failure after a redirect names the requested URL and where it happened', async () => {
  const s = await server({ '/short/1': respond(302, { location: '/news/gone.html' }) });
  const error = await rejection(createFetcher(fast).fetchArticle(s.url('/short/1')));
  assert.equal(error.file, s.url('/short/1'));
  assert.equal(error.reason, `HTTP 404 Not Found (at ${s.url('/news/gone.html')})`);
});

/** A resolver for made-up names (only ever loopback or unroutable documentation addresses), recording each query. */
function fakeDns(table: Record<string, readonly string[]>): { lookup: NonNullable<FetcherOptions['lookup']>; queries: string[] } {
  const queries: string[] = [];
  const lookup: NonNullable<FetcherOptions['lookup']> = async (hostname) => {
    queries.push(hostname);
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { lookup, queries };
}

const strict: FetcherOptions = { minIntervalMs: 10, timeoutMs: 5_000 };

test('fetcher › without --allow-private-hosts a URL on 127.0.0.1 is refused before any request, robots.txt included', async () => {
  const s = await server({ '/news/grain-prices.html': serveFile('grain-prices.html') });
  const error = await rejection(createFetcher(strict).fetchArticle(s.url('/news/grain-prices.html')));
  assert.equal(error.file, s.url('/news/grain-prices.html'));
  assert.equal(error.reason, 'refused: 127.0.0.1 is a loopback address; use --allow-private-hosts to fetch it');
  assert.equal(error.isTransient, false);
  assert.equal(s.requests.length, 0);
});

test('fetcher › literal private hosts are refused in every spelling WHATWG URL normalises (decimal, hex, IPv6)', async () => {
  const fetcher = createFetcher(strict);
  for (const [url, address] of [
    ['http://2130706433/news.html', '127.0.0.1'],
    ['http://0x7f.1/news.html', '127.0.0.1'],
    ['http://0177.0.0.1/news.html', '127.0.0.1'],
    ['http://10.0.0.5/news.html', '10.0.0.5'],
    ['http://[::ffff:169.254.169.254]/latest/meta-data/', '::ffff:a9fe:a9fe'],
    ['http://[::1]:8080/admin', '::1'],
  ] as const) {
    const error = await rejection(fetcher.fetchArticle(url));
    assert.match(error.reason, new RegExp(`^refused: ${address.replaceAll('.', '\\.')} is an? [\\w -]+ address; use --allow-private-hosts to fetch it$`), url);
  }
  const named = await rejection(fetcher.fetchArticle('http://intranet.localhost/news.html'));
  assert.equal(named.reason, 'refused: intranet.localhost is a local name (a loopback address); use --allow-private-hosts to fetch it');
});

test('fetcher › a name is judged by every address it resolves to: one private address among public ones is refused', async () => {
  const dns = fakeDns({ 'news.example': ['127.0.0.1'], 'mixed.example': ['203.0.113.10', '10.0.0.5'] });
  const fetcher = createFetcher({ ...strict, lookup: dns.lookup });
  const loopback = await rejection(fetcher.fetchArticle('http://news.example/news/grain-prices.html'));
  assert.equal(loopback.reason, 'refused: 127.0.0.1 is a loopback address (news.example resolves to it); use --allow-private-hosts to fetch it');
  const mixed = await rejection(fetcher.fetchArticle('http://mixed.example/news/grain-prices.html'));
  assert.equal(mixed.reason, 'refused: 10.0.0.5 is a private address (mixed.example resolves to it); use --allow-private-hosts to fetch it');
  assert.deepEqual(dns.queries, ['news.example', 'mixed.example']);
});

test('fetcher › a redirect from an allowed host to a private address is refused, by literal IP or by name', async () => {
  const port = (await server({})).origin.split(':').at(-1)!;
  const s = await server({
    '/to-loopback': respond(302, { location: `http://127.0.0.1:${port}/internal/status` }),
    '/to-intranet': respond(301, { location: `http://intranet.example:${port}/internal/status` }),
    '/internal/status': respond(200, { 'content-type': 'text/plain' }, 'Internal build server: all jobs green.'),
  });
  const sPort = s.origin.split(':').at(-1)!;
  const dns = fakeDns({ 'news.example': ['127.0.0.1'], 'intranet.example': ['127.0.0.1'] });
  // news.example is trusted by name (the fixture server stands in for a public site); nothing else is.
  const fetcher = createFetcher({ ...strict, lookup: dns.lookup, allowPrivateHosts: ['news.example'] });
  const start = `http://news.example:${sPort}/to-loopback`;
  const byIp = await rejection(fetcher.fetchArticle(start));
  assert.equal(byIp.file, start);
  assert.equal(byIp.reason, `refused: 127.0.0.1 is a loopback address; use --allow-private-hosts to fetch it (redirected to http://127.0.0.1:${port}/internal/status)`);
  const byName = await rejection(fetcher.fetchArticle(`http://news.example:${sPort}/to-intranet`));
  assert.equal(byName.reason, `refused: 127.0.0.1 is a loopback address (intranet.example resolves to it); use --allow-private-hosts to fetch it (redirected to http://intranet.example:${port}/internal/status)`);
  assert.deepEqual(s.requests.map((r) => r.path), ['/robots.txt', '/to-loopback', '/to-intranet']);
});

test('fetcher › a robots.txt redirected to a private address counts as unreachable: the page is not fetched', async () => {
  const s = await server({
    '/robots.txt': respond(302, { location: 'http://169.254.169.254/latest/meta-data/' }),
    '/news/grain-prices.html': serveFile('grain-prices.html'),
  });
  const dns = fakeDns({ 'news.example': ['127.0.0.1'] });
  const fetcher = createFetcher({ ...strict, lookup: dns.lookup, allowPrivateHosts: ['news.example'] });
  const error = await rejection(fetcher.fetchArticle(`http://news.example:${s.origin.split(':').at(-1)}/news/grain-prices.html`));
  assert.match(error.reason, /robots\.txt could not be fetched \(refused: 169\.254\.169\.254 is a link-local address; use --allow-private-hosts to fetch it \(redirected to http:\/\/169\.254\.169\.254\/latest\/meta-data\/\)\)/);
  assert.deepEqual(s.requests.map((r) => r.path), ['/robots.txt']);
});

test('fetcher › the connection goes to the address that was checked: one lookup per hop, none by the socket', async () => {
  const s = await server({ '/old/grain': respond(301, { location: '/news/grain-prices.html' }), '/news/grain-prices.html': serveFile('grain-prices.html') });
  // news.example exists only in this table: the system resolver would fail, so success means the socket used our answer.
  const dns = fakeDns({ 'news.example': ['127.0.0.1'] });
  const fetcher = createFetcher({ ...fast, lookup: dns.lookup });
  const url = `http://news.example:${s.origin.split(':').at(-1)}/old/grain`;
  const article = await fetcher.fetchArticle(url);
  assert.ok(!('kind' in article));
  assert.match(article.content, /Wheat futures rose/);
  // robots.txt, the redirect and its target: three hops, three checked lookups; a second lookup at connect time would show here.
  assert.deepEqual(dns.queries, ['news.example', 'news.example', 'news.example']);
  assert.equal(s.requests[1]!.headers.host, `news.example:${s.origin.split(':').at(-1)}`);
});

test('fetcher › a gzip-encoded page is decoded', async () => {
  const { gzipSync } = await import('node:zlib');
  const body = gzipSync(Buffer.from('<!doctype html><html><body><p>The ferry to the islands resumed service on Monday after a two-day strike.</p></body></html>'));
  const s = await server({
    '/ferry.html': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip', 'content-length': body.length });
      res.end(body);
    },
  });
  const article = await createFetcher(fast).fetchArticle(s.url('/ferry.html'));
  assert.ok(!('kind' in article));
  assert.match(article.content, /ferry to the islands resumed/);
  assert.equal(s.requestsTo('/ferry.html')[0]!.headers['accept-encoding'], 'gzip, deflate, br');
});

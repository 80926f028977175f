import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { respond, serveFile, startFixtureServer, type FixtureServer, type RouteHandler } from '../../test/helpers/fixture-server.js';
import { createResources } from '../pipeline/index.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/store.js';
import { watchFeeds, type PollSummary, type WatchOptions } from './watch.js';

const servers: FixtureServer[] = [];
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

const PAGES = ['ferry-strike', 'lighthouse-sale', 'dredging-delay', 'pier-collapse'];

async function newsServer(extra: Record<string, RouteHandler> = {}): Promise<FixtureServer> {
  const routes: Record<string, RouteHandler> = {
    '/feeds/news.rss': serveFile('news.rss', { etag: '"rss-1"' }),
    '/feeds/news.atom': serveFile('news.atom', { lastModified: 'Mon, 23 Nov 2026 09:00:00 GMT' }),
    ...Object.fromEntries(PAGES.map((p) => [`/news/${p}.html`, serveFile(`${p}.html`)])),
    ...extra,
  };
  const s = await startFixtureServer(routes);
  servers.push(s);
  return s;
}

async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Runs one `--once` poll and returns its summary. */
async function pollOnce(feeds: string[], store: Store, statePath: string, extra: Partial<WatchOptions> = {}): Promise<PollSummary> {
  const summaries: PollSummary[] = [];
  await watchFeeds(feeds, {
    store,
    stages: [],
    resources: createResources(),
    statePath,
    isOnce: true,
    fetch: { minIntervalMs: 20, timeoutMs: 5_000, allowPrivateHosts: true },
    onPoll: (s) => summaries.push(s),
    ...extra,
  });
  assert.equal(summaries.length, 1);
  return summaries[0]!;
}

const tempState = () => join(mkdtempSync(join(tmpdir(), 'dossier-watch-')), 'test.db.watch.json');

test('watch › an RSS feed and an Atom feed each ingest their items once; a second --once poll ingests nothing new', async () => {
  const s = await newsServer();
  const feeds = [s.url('/feeds/news.rss'), s.url('/feeds/news.atom')];
  const statePath = tempState();
  await withStore(async (store) => {
    const first = await pollOnce(feeds, store, statePath);
    assert.deepEqual(first.feeds.map((f) => [f.status, f.items, f.queued]), [['updated', 2, 2], ['updated', 2, 2]]);
    assert.deepEqual([first.fetched, first.inserted, first.failures.length], [4, 4, 0]);
    assert.equal((await store.stats()).articles, 4);

    // The feed's title and date reach the article; the URL is the page's.
    const [hit] = await store.search({ text: 'Piraeus' });
    const ferry = await store.getArticle(hit!.id);
    assert.equal(ferry?.title, 'Ferry crews walk out over rosters');
    assert.equal(ferry?.publishedAt, '2026-11-23T08:00:00+02:00');
    assert.equal(ferry?.url, s.url('/news/ferry-strike.html'));
    assert.equal(ferry?.format, 'url');

    // A restart (new fetcher, state read back from the file) sends validators, gets 304 and fetches nothing.
    const second = await pollOnce(feeds, store, statePath);
    assert.deepEqual(second.feeds.map((f) => f.status), ['not-modified', 'not-modified']);
    assert.deepEqual([second.fetched, second.inserted, second.failures.length], [0, 0, 0]);
    const [, rssAgain] = s.requestsTo('/feeds/news.rss');
    assert.equal(rssAgain!.headers['if-none-match'], '"rss-1"');
    const [, atomAgain] = s.requestsTo('/feeds/news.atom');
    assert.equal(atomAgain!.headers['if-modified-since'], 'Mon, 23 Nov 2026 09:00:00 GMT');
    for (const page of PAGES) assert.equal(s.requestsTo(`/news/${page}.html`).length, 1, page);
    assert.equal((await store.stats()).articles, 4);
  });
  const state = JSON.parse(readFileSync(statePath, 'utf8'));
  assert.equal(state.feeds[feeds[0]!].etag, '"rss-1"');
  assert.equal(state.feeds[feeds[0]!].items['gazette-1001'].status, 'done');
});

test('watch › a changed feed listing old and new items fetches only the new one', async () => {
  let version = 1;
  const withExtraItem = (_req: unknown, res: import('node:http').ServerResponse, origin: string): void => {
    const rss = readFileSync(new URL('../../test/fixtures/web/news.rss', import.meta.url), 'utf8').replaceAll('{{origin}}', origin);
    const body = version === 1 ? rss : rss.replace('<item>', `<item><title>Grain prices climb</title><link>${origin}/news/grain-prices.html</link><guid>gazette-1003</guid></item>\n  <item>`);
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(body);
  };
  const s = await newsServer({ '/feeds/changing.rss': withExtraItem, '/news/grain-prices.html': serveFile('grain-prices.html') });
  const statePath = tempState();
  await withStore(async (store) => {
    assert.equal((await pollOnce([s.url('/feeds/changing.rss')], store, statePath)).inserted, 2);
    version = 2;
    const second = await pollOnce([s.url('/feeds/changing.rss')], store, statePath);
    assert.deepEqual([second.feeds[0]!.items, second.fetched, second.inserted], [3, 1, 1]);
    assert.equal(s.requestsTo('/news/ferry-strike.html').length, 1);
  });
});

test('watch › an item failing transiently (HTTP 503) is kept and retried at the next poll; a 404 is given up', async () => {
  let isDown = true;
  const flaky: RouteHandler = (req, res, origin) => (isDown ? respond(503, { 'retry-after': '0' })(req, res, origin) : serveFile('ferry-strike.html')(req, res, origin));
  const s = await newsServer({ '/news/ferry-strike.html': flaky, '/news/lighthouse-sale.html': respond(404) });
  const statePath = tempState();
  await withStore(async (store) => {
    const first = await pollOnce([s.url('/feeds/news.rss')], store, statePath);
    assert.deepEqual([first.inserted, first.failures.length, first.retryLater], [0, 2, 1]);
    isDown = false;
    const second = await pollOnce([s.url('/feeds/news.rss')], store, statePath);
    assert.deepEqual([second.feeds[0]!.status, second.fetched, second.inserted, second.retryLater], ['not-modified', 1, 1, 0]);
    assert.equal(s.requestsTo('/news/lighthouse-sale.html').length, 1);
    const [hit] = await store.search({ text: 'Piraeus' });
    assert.equal((await store.getArticle(hit!.id))?.title, 'Ferry crews walk out over rosters'); // the hint survived the retry
  });
});

test('watch › a feed that fails is reported with its reason and the other feeds go on', async () => {
  const s = await newsServer({ '/feeds/broken.rss': respond(200, { 'content-type': 'application/rss+xml' }, '<rss><channel><item></channel>') });
  await withStore(async (store) => {
    const summary = await pollOnce([s.url('/feeds/broken.rss'), s.url('/feeds/gone.rss'), s.url('/feeds/news.atom')], store, tempState());
    assert.deepEqual(summary.feeds.map((f) => [f.status, f.code]), [['failed', 'E_INPUT_MALFORMED'], ['failed', 'E_INPUT_NOT_FOUND'], ['updated', undefined]]);
    assert.match(summary.feeds[0]!.reason!, /feed is not well-formed XML/);
    assert.equal(summary.inserted, 2);
  });
});

test('watch › an abort while waiting for the next poll stops the watch cleanly with the state saved', async () => {
  const s = await newsServer();
  const statePath = tempState();
  const stop = new AbortController();
  await withStore(async (store) => {
    const result = await watchFeeds([s.url('/feeds/news.atom')], {
      store,
      stages: [],
      resources: createResources(),
      statePath,
      intervalMs: 60_000,
      signal: stop.signal,
      fetch: { minIntervalMs: 20, allowPrivateHosts: true },
      onPoll: () => setTimeout(() => stop.abort(), 20),
    });
    assert.equal(result.polls, 1);
  });
  assert.equal(Object.keys(JSON.parse(readFileSync(statePath, 'utf8')).feeds).length, 1);
});

import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { respond, serveFile, startFixtureServer, type FixtureServer } from '../../test/helpers/fixture-server.js';
import { createFetcher } from '../ingest/fetch/index.js';
import { readInput } from '../ingest/read-input.js';
import { createResources } from '../pipeline/index.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { ingest } from './ingest.js';

const FILE = fileURLToPath(new URL('../../test/fixtures/ingest/border-talks.html', import.meta.url));

let server: FixtureServer | undefined;
after(async () => {
  await server?.close();
});

test('ingest › URLs mixed with files go through the normal ingest path; a bad URL is one failure naming it', async () => {
  server = await startFixtureServer({
    '/robots.txt': respond(200, { 'content-type': 'text/plain' }, 'User-agent: *\nDisallow: /private/\n'),
    '/news/grain-prices.html': serveFile('grain-prices.html'),
    '/latest': respond(302, { location: '/news/grain-prices.html' }),
  });
  const fetcher = createFetcher({ minIntervalMs: 20, allowPrivateHosts: true }); // the fixture server is on 127.0.0.1
  const store = openSqliteStore(':memory:');
  await store.migrate();
  try {
    const inputs = [server.url('/latest'), FILE, server.url('/news/missing.html'), server.url('/private/x.html')];
    const summary = await ingest(inputs, {
      store,
      stages: [],
      resources: createResources(),
      readInput: (input, options) => readInput(input, { ...options, fetcher }),
    });
    assert.equal(summary.inserted, 2);
    assert.deepEqual(summary.failures.map((f) => [f.source, f.code, f.reason]), [
      [server.url('/news/missing.html'), 'E_INPUT_NOT_FOUND', 'HTTP 404 Not Found'],
      [server.url('/private/x.html'), 'E_INPUT_UNREADABLE', `disallowed by ${server.origin}/robots.txt`],
    ]);
    const [hit] = await store.search({ text: 'Odesa' });
    const article = await store.getArticle(hit!.id);
    assert.equal(article?.format, 'url');
    assert.equal(article?.url, server.url('/news/grain-prices.html'));
    assert.equal(article?.source, server.url('/latest'));
    assert.equal(article?.title, 'Grain prices climb after port closure');
    assert.equal(article?.outlet, 'The Harbour Gazette');
    assert.doesNotMatch(article?.body ?? '', /Most popular|Ten best ferries/);
    assert.equal(server.requestsTo('/private/x.html').length, 0);
  } finally {
    await store.close();
  }
});

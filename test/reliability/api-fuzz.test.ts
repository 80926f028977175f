/**
 * Issue 20.6: hostile query strings on every API route — FTS operator sequences, unbalanced quotes, NUL bytes,
 * broken percent-encoding and odd Unicode — never give a 5xx; a NUL byte anywhere is a 400. SQLite always;
 * PostgreSQL too when DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApi } from '../../src/api/create-api.js';
import { openPostgresStore } from '../../src/store/postgres/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { Store } from '../../src/store/store.js';
import { seedFixtureStore } from '../helpers/api-fixture.js';
import { POSTGRES_SKIP_REASON, createTestSchema } from '../helpers/postgres-schema.js';

/** Values as they appear in a URL (already percent-encoded where a browser would encode them). */
const HOSTILE_VALUES = [
  'aleppo AND NOT homs', 'OR OR', 'a AND OR NOT b', 'NOT', 'AND', 'aleppo NOT', '"unbalanced', '"""', '*', '**', 'NEAR(', 'NEAR(a b, 2)',
  'title:aleppo', '{title body}: x', '^x', '(a OR b', 'a) OR (b', '-', "'; DROP TABLE articles; --", '%', '_', '\\', 'a & b | !c', 'x:*',
  '%00', 'a%00b', '%ZZ', '%FF%FE', '%ED%A0%80', '%C0%80', '%E2%80%AE', '%F0%9F%92%A5', '%CC%81', '2024-13-45', '99999-01-01', '-1', '1e308',
  'x'.repeat(600),
].map((v) => (v.includes('%') ? v : encodeURIComponent(v)));

/** Each route with the query parameters it takes; `:id` is replaced by hostile values too. */
const ROUTES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['/api/articles', ['limit', 'offset']],
  ['/api/articles/:id', []],
  ['/api/search', ['q', 'entity', 'type', 'status', 'place', 'country', 'outlet', 'from', 'to', 'limit', 'offset']],
  ['/api/search/facets', []],
  ['/api/claims', ['entity', 'article', 'event', 'stance', 'anonymous', 'outlet', 'from', 'to', 'limit', 'offset']],
  ['/api/claims/:id', []],
  ['/api/entities', ['type', 'q', 'limit', 'offset']],
  ['/api/entities/:id', ['limit', 'offset']],
  ['/api/entities/:id/brief', ['format']],
  ['/api/events', ['entity', 'from', 'to', 'status', 'type', 'q', 'limit', 'offset']],
  ['/api/events/:id', []],
  ['/api/stats', []],
  ['/api/graph', ['entity', 'maxArticles', 'maxNodes', 'maxEvents']],
  ['/api/map', ['entity', 'maxArticles']],
  ['/api/timeline', ['entity', 'q', 'from', 'to', 'maxArticles']],
  ['/api/exports/:format', []],
];

/** Every request of the fuzz: each hostile value in each parameter and path segment of each route. */
function fuzzPaths(): string[] {
  const paths: string[] = [];
  for (const [route, params] of ROUTES) {
    const base = route.replace(':id', 'e1').replace(':format', 'claims.csv');
    for (const value of HOSTILE_VALUES) {
      if (route.includes(':')) paths.push(route.replace(/:(id|format)/, value));
      for (const param of params) paths.push(`${base}?${param}=${value}`);
      // The search routes need a q beside a filter: fuzz the filters with a plain q too.
      if (params.includes('q')) for (const param of params.filter((p) => p !== 'q')) paths.push(`${base}?q=haddad&${param}=${value}`);
    }
  }
  return paths;
}

async function fuzz(store: Store): Promise<void> {
  await seedFixtureStore(store);
  const serverErrors: string[] = [];
  const nulNot400: string[] = [];
  const app = createApi({ store, logError: () => {} });
  const paths = fuzzPaths();
  for (const path of paths) {
    const res = await app.request(path);
    await res.arrayBuffer();
    if (res.status >= 500) serverErrors.push(`${res.status} ${path.slice(0, 120)}`);
    if (/%00/.test(path) && res.status !== 400) nulNot400.push(`${res.status} ${path.slice(0, 120)}`);
  }
  assert.deepEqual(serverErrors, [], `${serverErrors.length} of ${paths.length} requests gave a server error`);
  assert.deepEqual(nulNot400, [], 'a NUL byte is a 400');
  // Operator sequences are literal searches, not errors.
  for (const q of ['aleppo AND NOT homs', 'OR OR haddad', 'haddad AND OR NOT baghdad']) {
    const res = await app.request(`/api/search?q=${encodeURIComponent(q)}`);
    assert.equal(res.status, 200, q);
  }
  const notHomsRes = await app.request(`/api/search?q=${encodeURIComponent('haddad AND NOT aleppo')}`);
  const notHoms = (await notHomsRes.json()) as { items: { id: string }[] };
  const withRes = await app.request('/api/search?q=haddad');
  const withAleppo = (await withRes.json()) as { items: { id: string }[] };
  assert.ok(notHoms.items.length > 0 && notHoms.items.length < withAleppo.items.length, 'NOT excludes the articles naming Aleppo');
}

test('reliability › API fuzz on SQLite: operator sequences, NUL bytes and odd Unicode on every route give no 5xx', async () => {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  try {
    await fuzz(store);
  } finally {
    await store.close();
  }
});

test('reliability › API fuzz on PostgreSQL: operator sequences, NUL bytes and odd Unicode on every route give no 5xx', { skip: POSTGRES_SKIP_REASON }, async () => {
  const schema = createTestSchema('dossier_fuzz_test');
  const store = openPostgresStore(schema.url);
  try {
    await store.migrate();
    await fuzz(store);
  } finally {
    await store.close();
    await schema.drop();
  }
});

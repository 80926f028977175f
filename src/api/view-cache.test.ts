import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Hono } from 'hono';
import { openSqliteStore } from '../store/sqlite/index.js';
import { renameEntity } from '../app/entity-corrections.js';
import { attackArticle, MILITIA_NAME, saveAnnotated } from '../../test/helpers/annotated-corpus.js';
import { createApi } from './create-api.js';
import { viewCache } from './view-cache.js';

/** A tiny app whose view counts how often it was computed, behind the cache. */
function counted(stamp: { value: string }, clock: { ms: number }) {
  const cache = viewCache(async () => stamp.value, { maxAgeMs: 1000, entries: 2, now: () => clock.ms });
  let computed = 0;
  const app = new Hono();
  app.use('*', cache.clearOnChange);
  app.use('/view', cache.cached);
  app.get('/view', (c) => c.json({ computed: ++computed, q: c.req.query('q') ?? null }));
  app.post('/change', (c) => c.json({ ok: true }));
  const get = async (path: string) => (await (await app.request(path)).json()) as { computed: number; q: string | null };
  return { app, cache, get };
}

test('view cache › serves a kept answer while the stamp holds; a new stamp, age, a change or another URL computes anew', async () => {
  const stamp = { value: 'a' };
  const clock = { ms: 0 };
  const { app, cache, get } = counted(stamp, clock);
  assert.equal((await get('/view')).computed, 1);
  assert.equal((await get('/view')).computed, 1, 'kept');
  assert.deepEqual(await get('/view?q=x'), { computed: 2, q: 'x' }, 'parameters are part of the key');
  stamp.value = 'b';
  assert.equal((await get('/view')).computed, 3, 'the store changed');
  clock.ms = 1500;
  assert.equal((await get('/view')).computed, 4, 'too old');
  await app.request('/change', { method: 'POST' });
  assert.equal((await get('/view')).computed, 5, 'a change through the API clears it');
  assert.equal(cache.hits(), 1);
});

test('view cache › keeps at most `entries` answers, the least recently used going first', async () => {
  const { get } = counted({ value: 'a' }, { ms: 0 });
  await get('/view?q=1');
  await get('/view?q=2');
  await get('/view?q=1');
  await get('/view?q=3');
  assert.equal((await get('/view?q=1')).computed, 1, 'used recently: kept');
  assert.equal((await get('/view?q=2')).computed, 4, 'the oldest went');
});

test('view cache › in the API: the timeline answer follows an article saved behind it, and a reader without a token gets no cached answer', async () => {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  try {
    const app = createApi({ store, logError: () => {} });
    const events = async () => ((await (await app.request('/api/timeline')).json()) as { counts: { event: number } }).counts.event;
    assert.equal(await events(), 0);
    await saveAnnotated(store, attackArticle('Gunmen of the Tigris Guardians Brigade fired rockets at Baghdad airport on Sunday.', 'Gulf Courier', '2024-11-10'));
    assert.equal(await events(), 1, 'the saved article moved the stamp');
    const shared = createApi({ store, logError: () => {}, tokens: [] });
    await shared.request('/api/stats');
    assert.equal((await shared.request('/api/stats')).status, 401);
  } finally {
    await store.close();
  }
});

test('view cache › in the API: the map\'s clusters are kept while the store holds and counted anew after a save', async () => {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  try {
    // Every visitor of the map first asks for the whole world's clusters: one aggregate over every located event.
    let aggregates = 0;
    const counting = new Proxy(store, {
      get: (target, key, receiver) => (key === 'listMapCells' ? (...args: Parameters<typeof store.listMapCells>) => (aggregates++, target.listMapCells(...args)) : Reflect.get(target, key, receiver)),
    });
    const app = createApi({ store: counting, logError: () => {} });
    const world = async () => (await app.request('/api/map/clusters?zoom=0')).status;
    assert.equal(await world(), 200);
    assert.equal(await world(), 200);
    assert.equal(aggregates, 1, 'the second visitor is served the kept answer');
    await saveAnnotated(store, attackArticle('Gunmen of the Tigris Guardians Brigade fired rockets at Baghdad airport on Sunday.', 'Gulf Courier', '2024-11-10'));
    assert.equal(await world(), 200);
    assert.equal(aggregates, 2, 'the saved article moved the stamp');
  } finally {
    await store.close();
  }
});

test('view cache › in the API: alerts follow a saved search marked seen behind the API', async () => {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  try {
    const app = createApi({ store, logError: () => {} });
    const saved = await store.saveSearch({ name: 'Baghdad', text: 'Baghdad', filters: {}, createdBy: null });
    await saveAnnotated(store, attackArticle('Gunmen of the Tigris Guardians Brigade fired rockets at Baghdad airport on Sunday.', 'Gulf Courier', '2024-11-10'));
    const unread = async () => ((await (await app.request('/api/alerts')).json()) as { unread: number }).unread;
    assert.equal(await unread(), 1);
    await store.markSearchSeen(saved.id, await store.feedHead());
    assert.equal(await unread(), 0, 'marking seen moved the stamp');
  } finally {
    await store.close();
  }
});

test('view cache › in the API: a correction and an article committed by another process show at the next request (issue 18)', async () => {
  // Two handles on one file, as `dossier serve` beside `dossier ingest` or a correction from the CLI.
  const dir = mkdtempSync(join(tmpdir(), 'dossier-view-cache-'));
  const path = join(dir, 'store.db');
  const served = openSqliteStore(path);
  await served.migrate();
  const other = openSqliteStore(path);
  try {
    await saveAnnotated(other, attackArticle('Gunmen of the Tigris Guardians Brigade fired rockets at Baghdad airport on Sunday.', 'Gulf Courier', '2024-11-10'));
    const app = createApi({ store: served, logError: () => {} });
    const [entity] = await served.listEntities();
    const brief = async () => ((await (await app.request(`/api/entities/${encodeURIComponent(entity!.id)}/brief?format=json`)).json()) as { entity: { name: string } }).entity.name;
    const articles = async () => ((await (await app.request('/api/stats')).json()) as { articles: number }).articles;
    assert.equal(await brief(), MILITIA_NAME);
    assert.equal(await articles(), 1);
    assert.equal(await brief(), MILITIA_NAME, 'kept');
    // A rename moves neither the feed nor the events count (the stamp before issue 18 missed it).
    await renameEntity(other, entity!.id, 'Tigris Guards', { by: 'cli' });
    assert.equal(await brief(), 'Tigris Guards', 'the correction made by the other handle');
    await saveAnnotated(other, attackArticle('Tigris Guardians Brigade fighters shelled Basra port on Monday.', 'Kyiv Courier', '2024-11-11'));
    assert.equal(await articles(), 2, 'the article saved by the other handle');
  } finally {
    await other.close();
    await served.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('view cache › concurrent first visitors share one computation, and one stamp read while it is under way', async () => {
  let stampReads = 0;
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const cache = viewCache(async () => {
    stampReads++;
    await new Promise((resolve) => setTimeout(resolve, 5));
    return 'a';
  });
  let computed = 0;
  const app = new Hono();
  app.use('/view', cache.cached);
  app.get('/view', async (c) => {
    computed++;
    await gate;
    return c.json({ computed });
  });
  const answers = Array.from({ length: 20 }, async () => (await (await app.request('/view')).json()) as { computed: number });
  await new Promise((resolve) => setTimeout(resolve, 30));
  release();
  const bodies = await Promise.all(answers);
  assert.equal(computed, 1, 'the view was computed once for 20 concurrent requests');
  assert.ok(bodies.every((b) => b.computed === 1));
  assert.equal(stampReads, 1, 'the 20 requests shared one stamp read');
  assert.equal(cache.hits(), 19);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openSqliteStore } from '../store/sqlite/index.js';
import { attackArticle, saveAnnotated, WIRE, MILITIA_NAME } from '../../test/helpers/annotated-corpus.js';
import { makeDoc } from '../../test/helpers/make-doc.js';
import { createApi } from './create-api.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function setUp() {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  await saveAnnotated(store, attackArticle(WIRE, 'Meridian News Agency', '2024-11-11'));
  const app = createApi({ store, logError: () => {} });
  const call = async (method: string, path: string, body?: unknown, status = 200): Promise<Json> => {
    const res = await app.request(path, { method, ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) });
    const json = await res.json();
    assert.equal(res.status, status, `${method} ${path}: ${JSON.stringify(json)}`);
    return json;
  };
  return { store, call };
}

test('api › a saved search alerts on a new matching article (and its events) once, until marked seen', async () => {
  const { store, call } = await setUp();
  try {
    const saved = await call('POST', '/api/saved-searches', { name: 'Airport attacks', q: 'rockets', type: 'ASSAULT' }, 201);
    assert.deepEqual([saved.name, saved.text, saved.filters, saved.createdBy], ['Airport attacks', 'rockets', { type: 'ASSAULT' }, 'local user']);
    const watch = await call('POST', '/api/saved-searches', { name: 'Militia', entity: MILITIA_NAME }, 201);
    assert.match(watch.filters.entity, /:/, 'the entity is kept as its canonical id');
    assert.equal((await call('GET', '/api/alerts')).unread, 0, 'what was stored before is not new');

    const later = attackArticle(`${MILITIA_NAME} fired rockets at the airport again on Monday.`, 'Kyiv Courier', '2024-11-12');
    await saveAnnotated(store, later);
    await store.saveArticle(makeDoc({ text: 'Talks on grain exports resumed in Istanbul.', meta: { outlet: 'Kyiv Courier', publishedAt: '2024-11-12' } }), 'p@1');
    const alerts = await call('GET', '/api/alerts');
    assert.equal(alerts.unread, 2, 'the new attack article, once per search; the grain article matches neither');
    for (const s of alerts.searches) {
      assert.deepEqual(s.articles.map((a: Json) => a.id), [later.id], s.search.name);
      assert.ok(s.events.length >= 1, `${s.search.name}: the events it reports`);
      assert.equal(s.error, null);
    }

    const marked = await call('POST', '/api/alerts/seen', { upTo: alerts.feedHead, search: String(saved.id) });
    assert.deepEqual(marked, { marked: 1, upTo: alerts.feedHead });
    assert.equal((await call('GET', '/api/alerts')).unread, 1, 'the other search still has it');
    await call('POST', '/api/alerts/seen', { upTo: alerts.feedHead });
    assert.equal((await call('GET', '/api/alerts')).unread, 0);

    await call('POST', '/api/alerts/seen', { upTo: alerts.feedHead + 5 }, 400);
    await call('POST', '/api/alerts/seen', { upTo: 'all' }, 400);
    await call('POST', '/api/saved-searches', { name: 'Airport attacks', q: 'x' }, 400);
    await call('POST', '/api/saved-searches', { name: 'Nothing' }, 400);
    await call('POST', '/api/saved-searches', { name: 'Bad', entity: 'Nobody Known' }, 404);
    await call('POST', '/api/saved-searches', { name: 'Bad', type: 'NOT_A_TYPE' }, 400);
    await call('POST', '/api/saved-searches', { name: 'Bad', q: 'x', colour: 'red' }, 400);
    assert.deepEqual((await call('GET', '/api/saved-searches')).items.map((s: Json) => s.name), ['Airport attacks', 'Militia']);
    assert.equal((await call('DELETE', `/api/saved-searches/${saved.id}`)).deleted.id, saved.id);
    await call('DELETE', `/api/saved-searches/${saved.id}`, undefined, 404);
  } finally {
    await store.close();
  }
});

test('api › notes on an entity (by name, kept on its id) and an event, with author and time; unknown targets are 404', async () => {
  const { store, call } = await setUp();
  try {
    const [event] = await store.listEvents();
    const note = await call('POST', '/api/notes', { entity: MILITIA_NAME, text: '  Check the claim of responsibility.  ' }, 201);
    assert.deepEqual([note.targetKind, note.text, note.author], ['entity', 'Check the claim of responsibility.', 'local user']);
    await call('POST', '/api/notes', { event: event!.id, text: 'Two outlets, one origin?' }, 201);
    assert.deepEqual((await call('GET', `/api/notes?entity=${encodeURIComponent(note.targetId)}`)).items.map((n: Json) => n.text), ['Check the claim of responsibility.']);
    assert.deepEqual((await call('GET', `/api/notes?event=${event!.id}`)).items.map((n: Json) => n.text), ['Two outlets, one origin?']);
    await call('POST', '/api/notes', { entity: 'Nobody Known', text: 'x' }, 404);
    await call('POST', '/api/notes', { event: 'ev-none', text: 'x' }, 404);
    await call('POST', '/api/notes', { entity: MILITIA_NAME, text: '   ' }, 400);
    await call('POST', '/api/notes', { entity: MILITIA_NAME, event: event!.id, text: 'x' }, 400);
    await call('GET', '/api/notes', undefined, 400);
  } finally {
    await store.close();
  }
});

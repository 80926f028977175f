import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Doc, DocEntity, Mention } from '../model/index.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { attackArticle, saveAnnotated, WIRE } from '../../test/helpers/annotated-corpus.js';
import { makeDoc } from '../../test/helpers/make-doc.js';
import { createApi } from './create-api.js';

/** A claim of responsibility naming the militia by a shorter name, which the rules keep as another entity. */
function shortNameArticle(): Doc {
  const text = 'The Tigris Guardians said in a statement on Monday that they had fired the rockets.';
  const at = text.indexOf('Tigris Guardians');
  const mention: Mention = { id: 'm1', start: at, end: at + 16, text: 'Tigris Guardians', type: 'ORG', tokenStart: 0, tokenEnd: 0, origin: 'ner' };
  const entity: DocEntity = { id: 'e1', name: 'Tigris Guardians', type: 'ORG', kind: 'armed-group', mentionIds: ['m1'], aliases: [], roles: [], references: [] };
  return makeDoc({ text, meta: { outlet: 'Gulf Courier', publishedAt: '2024-11-11', source: 'gulf.txt' }, layers: { mentions: [mention], entities: [entity] } });
}

test('api › entity corrections: merge, rename, retype, split and undo, with who and when on the entity page', async () => {
  const store = openSqliteStore(':memory:');
  try {
    await store.migrate();
    await saveAnnotated(store, attackArticle(WIRE, 'Meridian News Agency', '2024-11-11'));
    await saveAnnotated(store, shortNameArticle());
    const [brigade, short] = [(await store.getEntity('Tigris Guardians Brigade'))!, (await store.getEntity('Tigris Guardians'))!];
    assert.notEqual(brigade.id, short.id);
    const app = createApi({ store, logError: () => {} });
    const send = (method: string, path: string, body?: unknown, type = 'application/json') =>
      app.request(path, { method, headers: { 'content-type': type }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const at = (id: string) => `/api/entities/${encodeURIComponent(id)}`;

    assert.equal((await send('POST', `${at(brigade.id)}/merge`, { other: short.id }, 'text/plain')).status, 400, 'a cross-site form cannot send it');
    assert.equal((await send('POST', `${at(brigade.id)}/merge`, { other: 'Nobody At All' })).status, 404);
    assert.equal((await send('POST', `${at(brigade.id)}/merge`, { other: brigade.id })).status, 400);
    assert.equal((await send('POST', `${at(brigade.id)}/retype`, { type: 'ARMY' })).status, 400);

    const merged = await send('POST', `${at(brigade.id)}/merge`, { other: short.id, by: 'ana' });
    assert.equal(merged.status, 200);
    const result = await merged.json() as { override: { id: number; decidedBy: string }; relinkedArticles: number; entity: { articleCount: number; aliases: { alias: string }[] } };
    assert.deepEqual([result.override.decidedBy, result.relinkedArticles, result.entity.articleCount], ['ana', 1, 2]);
    assert.ok(result.entity.aliases.some((a) => a.alias === 'Tigris Guardians'));
    assert.equal((await store.listEvents({ entityId: brigade.id })).length, 1, 'its events stay with the entity kept');

    const renamed = await send('POST', `${at(brigade.id)}/rename`, { name: 'Tigris Guardians Brigade (TGB)' });
    assert.equal(renamed.status, 200);
    const page = await (await send('GET', at(brigade.id))).json() as { name: string; corrections: { kind: string; decidedBy: string; decidedAt: string }[] };
    assert.equal(page.name, 'Tigris Guardians Brigade (TGB)');
    assert.deepEqual(page.corrections.map((c) => [c.kind, c.decidedBy]), [['rename', 'api'], ['merge', 'ana']], 'newest first, with who');
    assert.match(page.corrections[0]!.decidedAt, /^\d{4}-\d{2}-\d{2}T/);

    const split = await send('POST', `${at(brigade.id)}/split`, { name: 'Tigris Guardians', type: 'MISC' });
    assert.equal(split.status, 201);
    assert.equal((await store.getEntity(brigade.id))?.articleCount, 1);
    const undo = await send('DELETE', `/api/entity-corrections/${result.override.id}`);
    assert.equal(undo.status, 200);
    assert.equal((await send('DELETE', `/api/entity-corrections/${result.override.id}`)).status, 404);
    assert.equal((await send('DELETE', '/api/entity-corrections/first')).status, 400);
  } finally {
    await store.close();
  }
});

test('api › entity corrections record the user the server knows rather than the body\'s', async () => {
  const store = openSqliteStore(':memory:');
  try {
    await store.migrate();
    await saveAnnotated(store, attackArticle(WIRE, 'Meridian News Agency', '2024-11-11'));
    const app = createApi({ store, logError: () => {}, userOf: () => 'signed-in analyst' });
    const response = await app.request('/api/entities/Tigris%20Guardians%20Brigade/retype', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'MISC', by: 'someone else' }) });
    assert.equal(response.status, 200);
    const body = await response.json() as { override: { decidedBy: string }; entity: { type: string } };
    assert.deepEqual([body.override.decidedBy, body.entity.type], ['signed-in analyst', 'MISC']);
  } finally {
    await store.close();
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashToken, type TokenEntry } from '../app/access-tokens.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { seedFixtureStore } from '../../test/helpers/api-fixture.js';
import { createApi } from './create-api.js';
import { openApiDocument } from './openapi.js';

const EDITOR = 'dsr_editor-token-for-tests-0000000000000000000000';
const READER = 'dsr_reader-token-for-tests-0000000000000000000000';
const TOKENS: TokenEntry[] = [{ role: 'editor', hash: hashToken(EDITOR), name: 'ana' }, { role: 'reader', hash: hashToken(READER), name: 'wall screen' }];

async function setUp() {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  const ids = await seedFixtureStore(store);
  const app = createApi({ store, tokens: TOKENS, logError: () => {} });
  const call = (method: string, path: string, token?: string | null, body?: unknown, authorization?: string) => app.request(path, {
    method,
    headers: {
      ...(authorization ? { authorization } : token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { store, ids, call };
}

test('api auth › without a token, or with a wrong one, /api answers 401 with a JSON error and WWW-Authenticate: Bearer', async () => {
  const { store, call } = await setUp();
  try {
    for (const [token, authorization, code] of [[null, undefined, /needs an access token/], ['dsr_wrong', undefined, /not valid/], [null, `Basic ${Buffer.from('a:b').toString('base64')}`, /not valid/], [null, `Bearer ${EDITOR} extra`, /not valid/]] as const) {
      const res = await call('GET', '/api/stats', token, undefined, authorization);
      assert.equal(res.status, 401);
      assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer realm="dossier"/);
      const body = await res.json() as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'E_UNAUTHORIZED');
      assert.match(body.error.message, code);
    }
    assert.equal((await call('POST', '/api/notes', null, { entity: 'x', text: 'y' })).status, 401, 'a change without a token is 401 too');
    assert.equal((await call('GET', '/openapi.json')).status, 200, 'the API description carries no data and stays open');
  } finally {
    await store.close();
  }
});

test('api auth › a reader reads but every change is 403; an editor changes, and notes carry its name', async () => {
  const { store, call } = await setUp();
  try {
    assert.equal((await call('GET', '/api/stats', READER)).status, 200);
    assert.equal((await call('GET', '/api/alerts', READER)).status, 200);
    assert.equal((await call('GET', '/api/stats', READER.toUpperCase())).status, 401, 'tokens are exact');
    const [entity] = await store.listEntities();
    const [first, second] = (await store.listEvents()).map((e) => e.id);
    const changes: [string, string, unknown][] = [
      ['POST', '/api/notes', { entity: entity!.id, text: 'seen in two outlets' }],
      ['POST', '/api/saved-searches', { name: 'Haddad', q: 'haddad' }],
      ['POST', '/api/alerts/seen', { upTo: 0 }],
      ['DELETE', '/api/saved-searches/1', undefined],
      ['POST', `/api/events/${first}/merge`, { other: second }],
      ['POST', `/api/entities/${encodeURIComponent(entity!.id)}/rename`, { name: 'Someone Else' }],
      ['POST', `/api/entities/${encodeURIComponent(entity!.id)}/retype`, { type: 'MISC' }],
    ];
    for (const [method, path, body] of changes) {
      const res = await call(method, path, READER, body);
      assert.equal(res.status, 403, `${method} ${path}`);
      assert.equal((await res.json() as { error: { code: string } }).error.code, 'E_FORBIDDEN');
    }
    assert.equal((await store.listSavedSearches()).length, 0, 'nothing changed');
    assert.equal((await store.getEntity(entity!.id, { articlesLimit: 0 }))?.name, entity!.name, 'the entity kept its name');
    const note = await call('POST', '/api/notes', EDITOR, { entity: entity!.id, text: 'seen in two outlets' });
    assert.equal(note.status, 201);
    assert.equal((await note.json() as { author: string }).author, 'ana');
    const saved = await call('POST', '/api/saved-searches', EDITOR, { name: 'Haddad', q: 'haddad' });
    assert.equal((await saved.json() as { createdBy: string }).createdBy, 'ana');
    assert.equal((await call('POST', `/api/events/${first}/merge`, EDITOR, { other: second })).status, 200);
  } finally {
    await store.close();
  }
});

test('api auth › OpenAPI describes the bearer scheme and the saved-search, alert and note routes', () => {
  const doc = openApiDocument() as { components: { securitySchemes: Record<string, { type: string; scheme: string }> }; security: unknown[]; paths: Record<string, unknown> };
  assert.deepEqual([doc.components.securitySchemes['bearerAuth']?.type, doc.components.securitySchemes['bearerAuth']?.scheme], ['http', 'bearer']);
  assert.deepEqual(doc.security, [{ bearerAuth: [] }, {}]);
  for (const path of ['/api/session', '/api/saved-searches', '/api/saved-searches/{id}', '/api/alerts', '/api/alerts/seen', '/api/notes']) assert.ok(doc.paths[path], path);
});

test('api auth › /api/session tells the UI who asks and whether it may correct: reader, editor, or the local user', async () => {
  const { store, call } = await setUp();
  try {
    assert.deepEqual(await (await call('GET', '/api/session', READER)).json(), { name: 'wall screen', role: 'reader', canEdit: false });
    assert.deepEqual(await (await call('GET', '/api/session', EDITOR)).json(), { name: 'ana', role: 'editor', canEdit: true });
    assert.equal((await call('GET', '/api/session')).status, 401, 'no token, no session');
    const local = createApi({ store, logError: () => {} });
    assert.deepEqual(await (await local.request('/api/session')).json(), { name: 'local user', role: 'editor', canEdit: true });
  } finally {
    await store.close();
  }
});

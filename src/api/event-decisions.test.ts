import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../cli/main.js';
import type { Doc } from '../model/index.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/store.js';
import { attackArticle, saveAnnotated, WIRE } from '../../test/helpers/annotated-corpus.js';
import { createApi } from './create-api.js';

const datedTo = (doc: Doc, value: string): Doc => ({ ...doc, layers: { ...doc.layers, times: (doc.layers.times ?? []).map((t) => ({ ...t, value })) } });

/** The militia's attacks of 10 November and 20 December, two events by the rules. */
async function twoAttacks(store: Store): Promise<{ november: Doc; december: Doc; ids: string[] }> {
  const november = attackArticle(WIRE, 'Meridian News Agency', '2024-11-11');
  const december = datedTo(attackArticle('Tigris Guardians Brigade fired two rockets at Baghdad airport on Friday.', 'Kyiv Courier', '2024-12-21'), '2024-12-20');
  await saveAnnotated(store, november);
  await saveAnnotated(store, december);
  return { november, december, ids: (await store.listEvents()).map((e) => e.id) };
}

test('api › POST merge joins two events, POST split takes a report out again; bad requests are 400 or 404', async () => {
  const store = openSqliteStore(':memory:');
  try {
    await store.migrate();
    const { december, ids: [first, second] } = await twoAttacks(store);
    const app = createApi({ store, logError: () => {} });
    const post = (path: string, body: unknown, type = 'application/json') => app.request(path, { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify(body) });

    const form = await post(`/api/events/${first}/merge`, { other: second }, 'text/plain');
    assert.equal(form.status, 400, 'a cross-site form cannot send it');
    assert.equal((await post(`/api/events/${first}/merge`, { other: 'ev-none' })).status, 404);
    assert.equal((await post(`/api/events/${first}/merge`, { other: 7 })).status, 400);

    const merged = await post(`/api/events/${first}/merge`, { other: second });
    assert.equal(merged.status, 200);
    const event = await merged.json() as { id: string; articleCount: number };
    assert.deepEqual([event.id, event.articleCount], [first, 2]);
    assert.equal((await store.listEvents()).length, 1);

    const split = await post(`/api/events/${first}/split`, { articleId: december.id, mentionId: 'v1' });
    assert.equal(split.status, 201);
    const apart = await split.json() as { id: string; observations: { articleId: string }[] };
    assert.deepEqual(apart.observations.map((o) => o.articleId), [december.id]);
    assert.equal((await store.listEvents()).length, 2);
    assert.equal((await post(`/api/events/${first}/split`, { articleId: december.id, mentionId: 'v1' })).status, 404, 'no longer in that event');
  } finally {
    await store.close();
  }
});

test('cli › dossier event merge and event split record the decision in the store', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-decide-'));
  try {
    const db = join(dir, 'store.db');
    const store = openSqliteStore(db);
    await store.migrate();
    const { december, ids: [first, second] } = await twoAttacks(store);
    await store.close();
    const out: string[] = [];
    const io = { out: (line: string) => out.push(line), err: (line: string) => out.push(line) };
    assert.equal(await main(['event', 'merge', first!, second!, '--db', db], io), 0);
    assert.match(out.at(-1)!, new RegExp(`^merged ${second} into ${first}: 2 article\\(s\\)`));
    assert.equal(await main(['event', first!, '--db', db], io), 0);
    assert.ok(out.some((l) => l.includes(`observation ${december.id}:v1`) && l.includes('merged by the user')));
    assert.equal(await main(['event', 'split', first!, `${december.id}:v1`, '--db', db], io), 0);
    assert.match(out.at(-1)!, /^split into ev-/);
    assert.notEqual(await main(['event', 'split', first!, 'not-a-ref', '--db', db], io), 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

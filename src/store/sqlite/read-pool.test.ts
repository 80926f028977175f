import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { seedFixtureStore } from '../../../test/helpers/api-fixture.js';
import { makeDoc } from '../../../test/helpers/make-doc.js';
import { withReadPool } from './read-pool.js';
import { openSqliteStore } from './sqlite-store.js';

test('sqlite read pool › reader threads answer as the main connection does, see later writes, and raise the same errors', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-read-pool-'));
  const path = join(dir, 'store.db');
  const plain = openSqliteStore(path);
  await plain.migrate();
  const ids = await seedFixtureStore(plain);
  const pooled = withReadPool(openSqliteStore(path), path, 2);
  try {
    // Results cross the thread boundary by structured cloning: they must arrive equal, Maps and arrays included.
    assert.deepEqual(await pooled.search({ text: 'Baghdad', limit: 10 }), await plain.search({ text: 'Baghdad', limit: 10 }));
    assert.deepEqual(await pooled.getArticle(ids.rocket), await plain.getArticle(ids.rocket));
    assert.deepEqual(await pooled.getEntity('Qasim Haddad'), await plain.getEntity('Qasim Haddad'));
    assert.deepEqual(await pooled.listEvents(), await plain.listEvents());
    assert.deepEqual(await pooled.stats(), await plain.stats());
    assert.equal(await pooled.getEntity('nobody at all'), undefined);

    // Many reads at once are spread over the threads and all answered.
    const many = await Promise.all(Array.from({ length: 40 }, (_, i) => pooled.search({ text: i % 2 ? 'Aleppo' : 'Baghdad', limit: 5 })));
    assert.deepEqual(many.map((hits) => hits.length > 0), many.map(() => true));

    // A write through the pooled store (main connection) is seen by the next read in a thread.
    const doc = makeDoc({ text: 'Negotiators met in Geneva on Friday to discuss a ceasefire.', meta: { source: 'geneva.txt', title: 'Talks in Geneva' } });
    assert.equal(await pooled.saveArticle(doc, 'test@1'), 'inserted');
    assert.equal((await pooled.getArticle(doc.id))?.title, 'Talks in Geneva');
    assert.equal((await pooled.search({ text: 'ceasefire', limit: 5 }))[0]?.id, doc.id);

    // An error in a thread comes back as the same kind of error (a StoreError's code, an E_USAGE).
    const [inThread, onMain] = await Promise.allSettled([pooled.listArticles({ limit: -5 }), plain.listArticles({ limit: -5 })]);
    assert.equal(inThread.status, onMain.status);
    if (inThread.status === 'rejected' && onMain.status === 'rejected') assert.equal((inThread.reason as { code?: string }).code, (onMain.reason as { code?: string }).code);
  } finally {
    await pooled.close();
    await plain.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

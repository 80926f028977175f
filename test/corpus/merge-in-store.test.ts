import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { attackArticle, contestedCorpus, saveAnnotated, WIRE } from '../helpers/annotated-corpus.js';

test('corpus merge › a syndicated pair is one origin; a denial makes the event contested; re-saving changes nothing', async () => {
  const { store, wire, copy } = await contestedCorpus();
  const events = await store.listEvents();
  assert.equal(events.length, 1, 'all three reports merged into one event');
  const [event] = events;
  assert.equal(event!.articleCount, 3);
  assert.equal(event!.status, 'contested');
  assert.match(event!.explanation, /^1 independent origin \(Meridian News Agency\); denied by Nasser Kanaani; 1 repeat not counted$/);
  assert.equal(event!.datePrecision, 'day');

  const detail = await store.getEvent(event!.id);
  assert.equal(detail!.observations.length, 3);
  assert.equal(detail!.observations[0]!.evidence.text, WIRE);
  assert.ok(detail!.observations[1]!.reasons.some((r) => r.startsWith('shared actor')));
  assert.deepEqual(Object.keys(detail!.countAlternatives), ['fatalities']);

  assert.equal(await saveAnnotated(store, copy), 'duplicate');
  assert.equal(await saveAnnotated(store, wire), 'duplicate');
  assert.equal((await store.listEvents()).length, 1);
  assert.equal((await store.listEvents())[0]!.reportCount, 3, 're-saving the same articles adds no report');
  await store.close();
});

test('corpus merge › two independent outlets corroborate; events filter by entity and date range', async () => {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  await saveAnnotated(store, attackArticle(WIRE, 'Meridian News Agency', '2024-11-11'));
  await saveAnnotated(store, attackArticle('Tigris Guardians Brigade fired two rockets at Baghdad airport on Sunday.', 'Kyiv Courier', '2024-11-12'));
  const [militia] = await store.listEntities({ search: 'Tigris' });
  const [event] = await store.listEvents({ entityId: militia!.id });
  assert.equal(event?.status, 'corroborated');
  assert.equal(event?.assertingOrigins, 2);
  assert.equal((await store.listEvents({ from: '2024-12-01' })).length, 0);
  assert.equal((await store.listEvents({ to: '2024-11-10', from: '2024-11-10' })).length, 1);
  await store.close();
});

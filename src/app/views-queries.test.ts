/**
 * Issue 18: the map and the timeline read every event of their scope, not the first page of all events.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attackArticle, saveAnnotated, WIRE } from '../../test/helpers/annotated-corpus.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { placeMap, timeline } from './queries.js';

/** An attack on `day` (YYYY-MM-DD), with or without a resolved place; each body differs, so each is its own article. */
function attackOn(day: string, n: number, isLocated: boolean) {
  const doc = attackArticle(`${WIRE} Report ${n}.`, 'Meridian News Agency', day, { place: isLocated });
  return { ...doc, layers: { ...doc.layers, times: doc.layers.times!.map((t) => ({ ...t, value: day })) } };
}

test('map and timeline › 520 older events without a place do not hide the newer located ones; undated events come last', async () => {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  try {
    const day = (i: number) => new Date(Date.UTC(2015, 0, 1) + i * 5 * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < 520; i++) await saveAnnotated(store, attackOn(day(i), i, false));
    for (let i = 520; i < 523; i++) await saveAnnotated(store, attackOn(day(i), i, true));
    const undated = attackArticle(`${WIRE} Report undated.`, 'Meridian News Agency', '', { place: false });
    await saveAnnotated(store, { ...undated, layers: { ...undated.layers, times: [] } });

    const map = await placeMap(store);
    assert.equal(map.eventsTotal, 524);
    assert.equal(map.eventsLocated, 3);
    assert.equal(map.events.length, 3, 'every located event is on the map');
    assert.equal(map.isPartial, false);

    const view = await timeline(store);
    const events = view.items.filter((i) => i.kind === 'event');
    assert.equal(events.length, 524, 'past the 500 the timeline used to stop at');
    assert.equal(view.eventsTotal, 524);
    assert.equal(view.isPartial, false);
    assert.equal(events.at(-1)!.date, '', 'the undated event is last');
    assert.ok(events.slice(0, -1).every((e) => /^\d{4}-\d{2}-\d{2}/.test(e.date)));
  } finally {
    await store.close();
  }
});

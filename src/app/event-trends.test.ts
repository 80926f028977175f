import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attackArticle, MILITIA_NAME, saveAnnotated } from '../../test/helpers/annotated-corpus.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { denseRange, eventTrends, periodsBetween } from './event-trends.js';

test('event trends › periods between two dates cover every year, month or day, across year ends', () => {
  assert.deepEqual(periodsBetween('2019', '2021', 'year'), ['2019', '2020', '2021']);
  assert.deepEqual(periodsBetween('2023-11', '2024-02', 'month'), ['2023-11', '2023-12', '2024-01', '2024-02']);
  assert.deepEqual(periodsBetween('2024-02-28', '2024-03-01', 'day'), ['2024-02-28', '2024-02-29', '2024-03-01']);
});

test('event trends › a few stray dates do not stretch the range, and a small corpus keeps all of its dates', () => {
  const rows = [
    { period: '1615', ploverType: 'ASSAULT', events: 1 },
    ...Array.from({ length: 7 }, (_, i) => ({ period: String(2018 + i), ploverType: 'PROTEST', events: 30 })),
  ];
  assert.deepEqual(denseRange(rows), ['2018', '2024'], 'one event in 1615 among 211 is an outlier');
  assert.deepEqual(denseRange([{ period: '2001', ploverType: 'ASSAULT', events: 1 }, { period: '2020', ploverType: 'ASSAULT', events: 1 }]), ['2001', '2020']);
});

test('event trends › counts a store by type and month with empty months filled, stray and undated events apart', async () => {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  // Attacks on three days in November 2024 and one in January 2025 (distinct targets, so they stay apart).
  const days = ['2024-11-03', '2024-11-10', '2024-11-17', '2025-01-05'];
  for (const [i, day] of days.entries()) {
    const doc = attackArticle(`${MILITIA_NAME} fired rockets at checkpoint ${i} on Sunday, killing a guard.`, `Outlet ${i}`, day);
    const times = doc.layers.times!.map((t) => ({ ...t, value: day }));
    await saveAnnotated(store, { ...doc, layers: { ...doc.layers, times } });
  }
  const trends = await eventTrends(store, {}, 'month');
  assert.equal(trends.period, 'month');
  assert.deepEqual(trends.periods.map((p) => [p.period, p.total]), [['2024-11', 3], ['2024-12', 0], ['2025-01', 1]]);
  assert.equal(trends.types[0], 'ASSAULT');
  assert.equal(trends.total, 4);
  assert.equal(trends.undated, 0);
  // Chosen automatically: the range spans three months, so days.
  assert.equal((await eventTrends(store)).period, 'day');
  // The filters of exports apply: dates, and an unknown entity is an error, as is an unknown period.
  assert.deepEqual((await eventTrends(store, { from: '2025-01-01' }, 'month')).periods.map((p) => p.period), ['2025-01']);
  await assert.rejects(eventTrends(store, { entity: 'nobody at all' }), /no entity/);
  await assert.rejects(eventTrends(store, {}, 'week' as never), /unknown period "week"/);
  // One event in 1990 among five is not an outlier to set apart: day by day over 35 years is refused.
  const old = attackArticle(`${MILITIA_NAME} fired rockets at a checkpoint in the hills on Sunday, killing a guard.`, 'Archive', '1990-06-03');
  await saveAnnotated(store, { ...old, layers: { ...old.layers, times: old.layers.times!.map((t) => ({ ...t, value: '1990-06-03' })) } });
  await assert.rejects(eventTrends(store, {}, 'day'), /too many bars/);
  assert.equal((await eventTrends(store)).period, 'year', 'chosen automatically for a range of 35 years');
  await store.close();
});

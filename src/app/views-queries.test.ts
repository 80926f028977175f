/**
 * Issue 18: the map and the timeline read every event of their scope, not the first page of all events.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attackArticle, saveAnnotated, WIRE } from '../../test/helpers/annotated-corpus.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { placeMap } from './queries.js';
import { timelinePage, type TimelineItem } from './timeline.js';

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

    // The server pages the timeline: every group (the years of the dense range, the dates outside it, the undated
    // events) read page by page yields each of the 524 events and 524 articles once, in order.
    const first = await timelinePage(store, { zoom: 'year', limit: 40 });
    assert.equal(first.counts.event, 524);
    assert.equal(first.counts.article, 523, 'the undated report has no publication date');
    assert.equal(first.undatedArticles, 1);
    assert.equal(first.undatedEvents, 1);
    assert.deepEqual(first.range, { from: '2015', to: '2022' });
    assert.equal(first.at, '2022', 'the latest period of the dense range by default');
    assert.ok(first.items.length <= 40 && first.items.every((i) => i.date.startsWith('2022')));
    const groups = [...new Set(first.periods.map((d) => d.date.slice(0, 4)))];
    const seen: TimelineItem[] = [];
    for (const at of [...groups, 'undated']) {
      for (let offset = 0; ; offset += 40) {
        const page = await timelinePage(store, { zoom: 'year', at, offset, limit: 40 });
        seen.push(...page.items);
        if (offset + 40 >= page.total) break;
      }
    }
    assert.equal(seen.filter((i) => i.kind === 'event').length, 524, 'past the 500 the timeline used to stop at');
    assert.equal(new Set(seen.map((i) => i.event?.id ?? i.articleId)).size, 524 + 523, 'no item twice across pages');
    assert.equal(seen.at(-1)!.date, '', 'the undated event is last');
    const dated = seen.slice(0, -1).map((i) => i.date.slice(0, 10));
    assert.deepEqual(dated, [...dated].sort(), 'oldest first across pages');
    // Within a day: the event, then the article that reports it.
    assert.deepEqual(seen.slice(0, 2).map((i) => i.kind), ['event', 'article']);

    const march = await timelinePage(store, { zoom: 'month', at: '2016-03' });
    assert.ok(march.total > 0 && march.items.every((i) => i.date.startsWith('2016-03')), march.items.map((i) => i.date).join(', '));
    const total = (page: typeof first) => page.periods.reduce((n, d) => n + d.events + d.articles + d.roles, 0);
    assert.equal(total(march), total(first), 'the counts cover the whole scope whatever the page');
    assert.ok(first.periods.every((d) => d.date.length === 4), 'by year at the year zoom');
    // At the month zoom over 8 years: the selected year's months, the other years whole (not every day: issue 18).
    assert.ok(march.periods.every((d) => (d.date.startsWith('2016') ? d.date.length === 7 : d.date.length === 4)), march.periods.map((d) => d.date).join(', '));
  } finally {
    await store.close();
  }
});

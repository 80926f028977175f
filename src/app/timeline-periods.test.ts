import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axisFor, countDates, stripPeriods, defaultZoom, defaultZoomOf, denseRange, denseRangeOf, periodsBetween, shiftPeriod } from './timeline-periods.js';

const days = (from: string, n: number) => Array.from({ length: n }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 3 * 86_400_000).toISOString().slice(0, 10));

test('timeline periods › a few far-off dates (1500, 2031) do not stretch the dense range (issue 18)', () => {
  const dates = ['1500-01-01', ...days('2019-03-01', 300), '2031-05-05'].sort();
  assert.deepEqual(denseRange(dates), { from: '2019', to: '2021' });
  assert.equal(defaultZoom(dates, denseRange(dates)), 'month');
});

test('timeline periods › a small set keeps every date; an empty one has no range', () => {
  assert.deepEqual(denseRange(['1999-01-01', '2024-11-11']), { from: '1999', to: '2024' });
  assert.equal(denseRange([]), undefined);
  assert.equal(denseRange(['', 'unknown']), undefined);
});

test('timeline periods › a year next to the range with enough items is kept', () => {
  const dates = [...days('2015-01-01', 40), ...days('2018-01-01', 400)].sort();
  assert.deepEqual(denseRange(dates), { from: '2015', to: '2021' });
});

test('timeline periods › axes: years of the range, months (or the selected year\'s), days of the selected month', () => {
  const range = { from: '2019', to: '2020' };
  assert.deepEqual(axisFor('year', range, '2020'), ['2019', '2020']);
  assert.equal(axisFor('month', range, '2020-03').length, 24);
  assert.deepEqual(axisFor('month', { from: '2000', to: '2020' }, '2020-03').slice(0, 2), ['2020-01', '2020-02']);
  assert.equal(axisFor('day', range, '2020-02-10').length, 29, 'a leap February');
  assert.deepEqual(periodsBetween('2019-11', '2020-02', 'month'), ['2019-11', '2019-12', '2020-01', '2020-02']);
});

test('timeline periods › shifting a period by one', () => {
  assert.equal(shiftPeriod('2020', -1), '2019');
  assert.equal(shiftPeriod('2020-12', 1), '2021-01');
  assert.equal(shiftPeriod('2020-01', -1), '2019-12');
  assert.equal(shiftPeriod('2020-03-01', -1), '2020-02-29');
});

test('timeline periods › from counts per date (what the server sends) the same range and zoom as from every date', () => {
  const dates = ['1500-01-01', ...days('2019-03-01', 300), ...days('2019-03-01', 120), '2031-05-05'].sort();
  const counts = countDates(dates);
  assert.ok(counts.length < dates.length, 'repeated dates are counted once');
  assert.deepEqual(denseRangeOf(counts), denseRange(dates));
  assert.deepEqual(denseRangeOf(counts), { from: '2019', to: '2021' });
  assert.equal(defaultZoomOf(counts, denseRangeOf(counts)), defaultZoom(dates, denseRange(dates)));
  assert.equal(denseRangeOf([{ date: '2020-01-01', count: 0 }]), undefined);
});

test('timeline periods › the strip\'s counts: per period on the axis, per year elsewhere, totals kept (issue 18)', () => {
  const day = (date: string, events: number, articles = 0, roles = 0) => ({ date, events, articles, roles });
  const days = [day('1998-07-01', 1), day('2019', 0, 0, 1), day('2019-03-02', 2, 1), day('2019-03-30', 1), day('2019-11-05', 0, 3), day('2020-02-10', 4, 2), day('2020-02-11', 1)];
  const range = { from: '2019', to: '2020' };
  assert.deepEqual(stripPeriods(days, 'year', range, '2020').map((d) => [d.date, d.events, d.articles, d.roles]),
    [['1998', 1, 0, 0], ['2019', 3, 4, 1], ['2020', 5, 2, 0]]);
  // 24 months on the axis: a role dated by its year alone stays a year; 1998 is off the axis.
  assert.deepEqual(stripPeriods(days, 'month', range, '2020-02').map((d) => d.date), ['1998', '2019', '2019-03', '2019-11', '2020-02']);
  // The days of February 2020; everything else by year.
  assert.deepEqual(stripPeriods(days, 'day', range, '2020-02-10').map((d) => [d.date, d.events]),
    [['1998', 1], ['2019', 3], ['2020-02-10', 4], ['2020-02-11', 1]]);
  const sum = (rows: readonly { events: number; articles: number; roles: number }[]) => rows.reduce((n, d) => n + d.events + d.articles + d.roles, 0);
  for (const zoom of ['year', 'month', 'day'] as const) assert.equal(sum(stripPeriods(days, zoom, range, 'outside')), sum(days), zoom);
  assert.deepEqual(stripPeriods(days, 'day', range, 'undated').filter((d) => d.date.length === 10).map((d) => d.date), [], 'no day of December 2020 has items');
});

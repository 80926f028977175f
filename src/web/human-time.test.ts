import assert from 'node:assert/strict';
import { test } from 'node:test';
import { humanDate, humanDuration, humanTimex, shortHumanDate } from './human-time.js';

test('human time › calendar dates with their weekday, months and years', () => {
  assert.equal(humanDate('2020-01-13'), 'Mon 13 Jan 2020');
  assert.equal(humanDate('2020-01-03T10:00:00Z'), 'Fri 3 Jan 2020');
  assert.equal(humanDate('2024-11'), 'Nov 2024');
  assert.equal(humanDate('2024'), '2024');
  assert.equal(humanDate('2023-02-30'), '2023-02-30', 'no such day: left as it is');
  assert.equal(humanDate(''), '');
  assert.equal(shortHumanDate('2020-01-13'), '13 Jan 2020');
});

test('human time › TIMEX values as words, not codes (issue 18: "XXXX-WXX-4TMO", "PT48H")', () => {
  assert.equal(humanTimex('PT48H'), '48 hours');
  assert.equal(humanTimex('XXXX-WXX-4TMO'), 'a Thursday morning');
  assert.equal(humanTimex('XXXX-WXX-4'), 'a Thursday');
  assert.equal(humanTimex('2020-W03'), 'week 3 of 2020');
  assert.equal(humanTimex('2020-01-16'), 'Thu 16 Jan 2020');
  assert.equal(humanTimex('2020-01-16TEV'), 'Thu 16 Jan 2020, evening');
  assert.equal(humanTimex('2020-01-16T14:30'), 'Thu 16 Jan 2020, 14:30');
  assert.equal(humanTimex('2019-SU'), 'summer 2019');
  assert.equal(humanTimex('2019-Q3'), 'Q3 2019');
  assert.equal(humanTimex('PRESENT_REF'), 'now');
  assert.equal(humanTimex('201X'), 'the 2010s');
  assert.equal(humanTimex('something else'), 'something else');
});

test('human time › durations of several units, one and many, unknown amounts', () => {
  assert.equal(humanDuration('P1Y6M'), '1 year 6 months');
  assert.equal(humanDuration('P1D'), '1 day');
  assert.equal(humanDuration('PT30M'), '30 minutes');
  assert.equal(humanDuration('P2DT3H'), '2 days 3 hours');
  assert.equal(humanDuration('PXY'), 'some years');
  assert.equal(humanDuration('P'), undefined);
});

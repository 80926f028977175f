import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { dateFromUrl, findDateInText, normaliseDate } from './dates.js';

describe('clean › dates', () => {
  const table: [string, string][] = [
    ['2019-11-18', '2019-11-18'],
    ['2019-11-18T23:04:00-05:00', '2019-11-18T23:04:00-05:00'],
    ['2019-11-18 23:04:00 +0100', '2019-11-18T23:04:00+01:00'],
    ['2019-11-18T06:00:00.000Z', '2019-11-18T06:00:00Z'],
    ['Nov. 14, 2024', '2024-11-14'],
    ['November 14th, 2024', '2024-11-14'],
    ['14 November 2024', '2024-11-14'],
    ['Published: 03 Dec 2025', '2025-12-03'],
    ['Updated 10:48, Tue, Nov 19, 2019', '2019-11-19'],
    ['11/14/2024', '2024-11-14'],
    ['23.07.2025', '2025-07-23'],
    ['20191118', '2019-11-18'],
    ['Dec 17, 2025Julian K. Arni', '2025-12-17'],
  ];
  for (const [raw, iso] of table) it(`normalises "${raw}" to ${iso}`, () => assert.equal(normaliseDate(raw), iso));

  const noDates = ['', 'next Tuesday', '2,000 Iranian forces', 'Feb 30, 2020', '1234-56-78', 'version 3.5.2024a', 'page 12 of 40'];
  for (const raw of noDates) it(`finds no date in "${raw}"`, () => assert.equal(normaliseDate(raw), undefined));

  it('keeps the date as written rather than converting to UTC (late-evening US times stay on their day)', () => {
    assert.equal(normaliseDate('2019-11-18T23:04:00-05:00')?.slice(0, 10), '2019-11-18');
  });

  it('reads dates from URL paths', () => {
    assert.equal(dateFromUrl('https://www.nj.com/entertainment/2019/11/18/story.html'), '2019-11-18');
    assert.equal(dateFromUrl('https://www.theguardian.com/world/2019/nov/18/story'), '2019-11-18');
    assert.equal(dateFromUrl('https://blog.example.fr/articles/2025-12-15+Rust+GCC'), '2025-12-15');
    assert.equal(dateFromUrl('https://example.com/news/story-123456'), undefined);
    assert.equal(dateFromUrl('not a url'), undefined);
  });

  it('returns where in the text the date was found', () => {
    const found = findDateInText('By Sam Lee - Mar 27, 2024');
    assert.deepEqual(found && [found.iso, found.index], ['2024-03-27', 13]);
  });
});

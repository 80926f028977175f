import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeDoc } from '../../../test/helpers/make-doc.js';
import { createResources } from '../../pipeline/stage.js';
import type { TimeExpr } from '../../model/index.js';
import { datePosition } from './infer-anchor.js';
import { findTimes, findTimesWithAnchor, timeStage } from './index.js';

function valueOf(times: readonly TimeExpr[], expr: string): string {
  const hit = times.find((t) => t.text === expr);
  assert.ok(hit, `"${expr}" not found (found: ${times.map((t) => `"${t.text}"`).join(', ') || 'nothing'})`);
  return hit.value;
}

// 3 June 2019 is a Monday; 9 March 2019 a Saturday.
const DATELINE = 'Dam inquiry opens\nJune 3, 2019\nThe engineer in charge resigned on Friday, aides said. Repairs began last week.';
const CAPTION = 'Protesters gathered outside parliament on Saturday.\nRiot police stand guard outside parliament in Riga, March 9, 2019. (Photo: J. Ozola)\nThe crowd had been growing since Thursday.';

test('infer-anchor › a date line anchors the relative expressions of an undated article', () => {
  const { times, anchor } = findTimesWithAnchor(DATELINE, undefined);
  assert.deepEqual(anchor?.day, { year: 2019, month: 6, day: 3 });
  assert.equal(anchor?.source, 'inferred');
  assert.equal(DATELINE.slice(anchor?.evidence?.start, anchor?.evidence?.end), 'June 3, 2019');
  assert.equal(valueOf(times, 'Friday'), '2019-05-31');
  assert.equal(valueOf(times, 'last week'), '2019-W22');
  // Resolved to a calendar value, so isAnchored holds; anchor.source tells it was inferred.
  assert.ok(times.every((t) => t.isAnchored));
  assert.equal(findTimes('Published: 2 May 2021\nUpdated: 4 May 2021\nThe mayor spoke on Monday.', undefined).find((t) => t.text === 'Monday')?.value, '2021-05-03');
});

test('infer-anchor › a caption date counts when the story names its weekday', () => {
  const { times, anchor } = findTimesWithAnchor(CAPTION, undefined);
  assert.deepEqual(anchor?.day, { year: 2019, month: 3, day: 9 });
  assert.equal(valueOf(times, 'Saturday'), '2019-03-09');
  assert.equal(valueOf(times, 'Thursday'), '2019-03-07');
});

test('infer-anchor › archive captions, story dates and future dates give no anchor', () => {
  const cases = [
    // The caption's day (a Saturday) is not a day the story talks about: an archive photo.
    'The ferry operator cut two routes on Wednesday.\nA ferry leaves the harbour in Tallinn, Oct. 13, 2018. (AP Photo)',
    // The story reports a later year than the caption ("the 2019 timetable" alone would be a label, not a time).
    'The ferry operator, which was sold in 2019, cut two routes on Saturday.\nA ferry leaves the harbour in Tallinn, Oct. 13, 2018. (AP Photo)',
    // A date told in the story is background, not the news day.
    'The truce signed on May 4, 2012, collapsed on Friday, monitors said.',
    // A caption date in a future clause.
    'The summit opens on Tuesday.\nDelegates will meet in Geneva on Feb. 14, 2017. (Reuters)',
  ];
  for (const text of cases) {
    const { times, anchor } = findTimesWithAnchor(text, undefined);
    assert.equal(anchor, undefined, text);
    assert.ok(times.some((t) => !t.isAnchored && t.value.startsWith('XXXX')), text);
  }
});

test('infer-anchor › with a publication date, or with inference off, stated dates change nothing', () => {
  const published = findTimesWithAnchor(DATELINE, '2019-06-10');
  assert.equal(published.anchor?.source, 'publication');
  assert.equal(valueOf(published.times, 'Friday'), '2019-06-07');
  const off = findTimesWithAnchor(DATELINE, undefined, { inferAnchor: false });
  assert.equal(off.anchor, undefined);
  assert.equal(valueOf(off.times, 'Friday'), 'XXXX-WXX-5');
});

test('infer-anchor › captions the cleaner set apart are read too, by the stage as well', () => {
  const body = 'Riot police cleared the square on Saturday, witnesses said.';
  const caption = 'Riot police in Riga, March 9, 2019. (Photo: J. Ozola)';
  const { times, anchor } = findTimesWithAnchor(body, undefined, { captions: [caption] });
  assert.equal(anchor?.evidence?.caption, 0);
  assert.equal(valueOf(times, 'Saturday'), '2019-03-09');
  const doc = { ...makeDoc({ text: body }), captions: [{ text: caption, occurrences: 2 }] };
  assert.equal(timeStage.run(doc, { publishedAt: undefined, resources: createResources() })[0]?.value, '2019-03-09');
  assert.equal(timeStage.run(doc, { publishedAt: '2019-03-12', resources: createResources() })[0]?.value, '2019-03-09');
});

test('infer-anchor › date positions: date line, caption, story', () => {
  const at = (text: string, date: string) => datePosition(text, { start: text.indexOf(date), end: text.indexOf(date) + date.length });
  assert.equal(at('RIGA, March 9, 2019 — Police cleared the square.', 'March 9, 2019'), 'dateline');
  assert.equal(at('Police in Riga, March 9, 2019. (AP Photo/J. Ozola)\nMore text.', 'March 9, 2019'), 'caption');
  assert.equal(at('By Anna Berzina | March 9, 2019 4:32 PM\nPolice cleared the square.', 'March 9, 2019'), 'caption');
  assert.equal(at('Police cleared the square on March 9, 2019, after a week of protests.', 'March 9, 2019'), 'story');
});

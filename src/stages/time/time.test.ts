import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeDoc } from '../../../test/helpers/make-doc.js';
import { createResources } from '../../pipeline/stage.js';
import type { TimeExpr } from '../../model/index.js';
import { isoWeek, weekValue } from './calendar.js';
import { findTimes, parseReferenceDay, tenseAt, timeStage } from './index.js';

/** One expected expression: its surface text, value and (optionally) type. */
interface Case {
  readonly text: string;
  readonly expr: string;
  readonly value: string;
  readonly type?: TimeExpr['type'];
}

function check(publishedAt: string | undefined, cases: readonly Case[]): void {
  for (const c of cases) {
    const found = findTimes(c.text, publishedAt);
    const hit = found.find((t) => t.text === c.expr);
    assert.ok(hit, `"${c.expr}" not found in "${c.text}" (found: ${found.map((t) => `"${t.text}"`).join(', ') || 'nothing'})`);
    assert.equal(hit.value, c.value, `value of "${c.expr}" in "${c.text}"`);
    if (c.type) assert.equal(hit.type, c.type, `type of "${c.expr}" in "${c.text}"`);
  }
}

// Thursday 26 November 2015.
const THURSDAY = '2015-11-26';

test('time › normalises each expression kind against a Thursday publication date', () => {
  check(THURSDAY, [
    { text: 'The talks in the border town ended on Friday.', expr: 'Friday', value: '2015-11-20', type: 'DATE' },
    { text: 'The foreign ministers will meet again on Monday.', expr: 'Monday', value: '2015-11-30' },
    { text: 'Officials said on Thursday that the road had reopened.', expr: 'Thursday', value: '2015-11-26' },
    { text: 'Artillery shelled the northern villages last month.', expr: 'last month', value: '2015-10' },
    { text: 'Fighting broke out again earlier this week, residents said.', expr: 'earlier this week', value: '2015-W48' },
    { text: 'The engineer was detained more than three months ago.', expr: 'more than three months ago', value: '2015-08' },
    { text: 'The militia has held the valley since 1998.', expr: '1998', value: '1998' },
    { text: 'The first truce collapsed in March 2012.', expr: 'March 2012', value: '2012-03' },
    { text: 'Voters went to the polls on November 8, 2018, in a tense mood.', expr: 'November 8, 2018', value: '2018-11-08' },
    { text: 'The convoy reached the crossing on Nov. 17.', expr: 'Nov. 17', value: '2015-11-17' },
    { text: 'The market was hit early Tuesday by a car bomb.', expr: 'early Tuesday', value: '2015-11-24' },
    { text: 'Grain exports have doubled this year.', expr: 'this year', value: '2015' },
    { text: 'The bridge was closed two days ago after heavy rain.', expr: 'two days ago', value: '2015-11-24' },
    { text: 'The governor is in the capital now.', expr: 'now', value: 'PRESENT_REF' },
    { text: 'A verdict is expected today.', expr: 'today', value: '2015-11-26' },
    { text: 'The minister flew home yesterday.', expr: 'yesterday', value: '2015-11-25' },
    { text: 'Students plan to march again tonight.', expr: 'tonight', value: '2015-11-26TNI', type: 'TIME' },
    { text: 'Attacks on clinics have risen over the past decade.', expr: 'the past decade', value: 'P10Y', type: 'DURATION' },
    { text: 'Unemployment in the region peaked in the 1990s.', expr: 'the 1990s', value: '199' },
    { text: 'Net profit fell in the third quarter.', expr: 'the third quarter', value: '2015-Q3' },
    { text: 'Sales rose sharply in the first quarter of 2014.', expr: 'the first quarter of 2014', value: '2014-Q1' },
    { text: 'Tourism collapsed last summer.', expr: 'last summer', value: '2015-SU' },
    { text: 'The river floods in spring, farmers say.', expr: 'spring', value: '2015-SP' },
    { text: 'The siege lasted three months.', expr: 'three months', value: 'P3M', type: 'DURATION' },
    { text: 'The operation took two hours.', expr: 'two hours', value: 'PT2H', type: 'DURATION' },
    { text: 'The crossing stayed shut for 2 1/2 years.', expr: '2 1/2 years', value: 'P2Y6M', type: 'DURATION' },
    { text: 'Patrols leave the base every Monday.', expr: 'every Monday', value: 'XXXX-WXX-1', type: 'SET' },
    { text: 'The ministry publishes casualty figures daily.', expr: 'daily', value: 'P1D', type: 'SET' },
    { text: 'Curfews are enforced on Friday nights.', expr: 'Friday nights', value: 'XXXX-WXX-5TNI', type: 'SET' },
    { text: 'The clinic was shut for half an hour.', expr: 'half an hour', value: 'PT30M', type: 'DURATION' },
    { text: 'The crossing reopened on Tuesday 24 November.', expr: 'Tuesday 24 November', value: '2015-11-24' },
    { text: 'Ballots were counted on 24/11/2015 under observers.', expr: '24/11/2015', value: '2015-11-24' },
    { text: 'Rebels shelled the town in late September and again early last week.', expr: 'late September', value: '2015-09' },
    { text: 'The dispute is expected to be settled by the end of the year.', expr: 'the end of the year', value: '2015' },
    { text: 'Sales rose 4% in the year ended March 31.', expr: 'the year', value: 'P1Y', type: 'DURATION' },
    { text: 'Net income fell in the third quarter. A year earlier, the company had lost money.', expr: 'A year earlier', value: '2014-Q3' },
    { text: 'The two sides met on Nov. 3 and again the next day.', expr: 'the next day', value: '2015-11-04' },
    { text: 'The ceasefire took effect at 18:00 GMT.', expr: '18:00 GMT', value: '2015-11-26T18:00Z', type: 'TIME' },
    { text: 'In 1648 the treaty ended the war.', expr: '1648', value: '1648' },
    { text: 'The blast came at 10:35 a.m. on a busy street.', expr: '10:35 a.m.', value: '2015-11-26T10:35', type: 'TIME' },
    { text: 'The report was filed on 2015-11-02.', expr: '2015-11-02', value: '2015-11-02' },
    { text: 'The 20th century saw two world wars.', expr: 'The 20th century', value: '19' },
    { text: 'The bill passed the week before, and a year ago it had failed.', expr: 'a year ago', value: '2014' },
    { text: 'Exports fell in the year to March 2015 and again last year.', expr: 'last year', value: '2014' },
    { text: 'The strike began last week.', expr: 'last week', value: '2015-W47' },
    { text: 'Elections are due next year.', expr: 'next year', value: '2016' },
    { text: 'The exchange reopened after a long weekend, and prices will be set next week.', expr: 'next week', value: '2015-W49' },
    { text: 'He left the city in the summer of 2012.', expr: 'the summer of 2012', value: '2012-SU' },
    { text: 'The accord was signed on 8 November 2018 in Geneva.', expr: '8 November 2018', value: '2018-11-08' },
    { text: 'Shops reopened in mid-November.', expr: 'mid-November', value: '2015-11' },
  ]);
});

test('time › a month without a year takes the nearest plausible year across the year boundary', () => {
  // Sunday 3 January 2016.
  check('2016-01-03', [
    { text: 'The attack took place in December, police said.', expr: 'December', value: '2015-12' },
    { text: 'The next round of talks will be held in December.', expr: 'December', value: '2016-12' },
    { text: 'Clashes erupted on Dec. 30 near the airport.', expr: 'Dec. 30', value: '2015-12-30' },
    { text: 'The prisoners were freed on Friday.', expr: 'Friday', value: '2016-01-01' },
    { text: 'Troops arrived last month.', expr: 'last month', value: '2015-12' },
    { text: 'The budget was passed last year.', expr: 'last year', value: '2015' },
    { text: 'Fuel prices rose over Christmas.', expr: 'Christmas', value: '2015-12-25' },
  ]);
});

test('time › with no publication date and no full date in the text, relative values say so instead of guessing', () => {
  // A year or a month-day alone is no anchor: only a day + month + year is (infer-anchor.test.ts).
  const times = findTimes('The talks ended on Friday. Prices rose last month. In 2018, on November 8, voters chose. Talks resume now.', undefined);
  const by = (t: string): TimeExpr => {
    const hit = times.find((x) => x.text === t);
    assert.ok(hit, `"${t}" not found`);
    return hit;
  };
  assert.equal(by('Friday').value, 'XXXX-WXX-5');
  assert.equal(by('Friday').isAnchored, false);
  assert.equal(by('last month').value, 'XXXX-XX');
  assert.equal(by('last month').isAnchored, false);
  assert.equal(by('2018').value, '2018');
  assert.equal(by('2018').isAnchored, true);
  assert.equal(by('November 8').value, 'XXXX-11-08');
  assert.equal(by('now').value, 'PRESENT_REF');
  check(undefined, [
    { text: 'The convoy reached the crossing on Nov. 17.', expr: 'Nov. 17', value: 'XXXX-11-17' },
    { text: 'The bridge was closed two days ago.', expr: 'two days ago', value: 'XXXX-XX-XX' },
    { text: 'The budget was passed this year.', expr: 'this year', value: 'XXXX' },
  ]);
});

test('time › must not fire on names, verbs, titles and counts', () => {
  const quiet = [
    'Theresa May said the deal was done.',
    'March organisers said the route was safe.',
    'Thousands march through the capital in protest.',
    'The Sunday Times reported the leak first.',
    'The army sent 2,000 troops to the border.',
    'Police arrested 1500 people at the rally.',
    'Flight 2015 landed safely in Lagos.',
    'The striker scored 2012 points in his career.',
    'Negotiators revived the Good Friday agreement.',
    'Historians still debate the fall of Rome.',
    'A 30-year-old man was arrested.',
    'You may leave whenever you like.',
    'About three-quarters of the vote went to the ruling party.',
    'The startup was bought by Monday.com for cash.',
    'Anyone can get married on a Sunday.',
    'He always arrives at the last minute.',
    'Protesters gathered outside 1600 Pennsylvania Avenue.',
    'The final score was 2:1 after extra time.',
  ];
  for (const text of quiet) {
    const found = findTimes(text, THURSDAY);
    assert.deepEqual(found.map((t) => t.text), [], `expected nothing in "${text}"`);
  }
});

test('time › offsets point at the expression text and ids are sequential', () => {
  const text = 'On Friday, officials said the siege had lasted three months.';
  const times = findTimes(text, THURSDAY);
  assert.deepEqual(times.map((t) => t.id), ['t1', 't2']);
  for (const t of times) assert.equal(text.slice(t.start, t.end), t.text);
});

test('time › the stage reads ctx.publishedAt and assigns the times layer', () => {
  assert.equal(timeStage.name, 'time');
  assert.equal(timeStage.assigns, 'times');
  assert.deepEqual(timeStage.requires, []);
  const doc = makeDoc({ text: 'Rebels withdrew on Friday.', meta: { publishedAt: '2015-11-26' } });
  const anchored = timeStage.run(doc, { publishedAt: '2015-11-26T09:30:00Z', resources: createResources() });
  assert.equal(anchored[0]?.value, '2015-11-20');
  const unknown = timeStage.run(doc, { publishedAt: undefined, resources: createResources() });
  assert.equal(unknown[0]?.isAnchored, false);
});

test('time › tense comes from the nearest cue before the expression, else after it', () => {
  const a = 'Talks will resume on Monday, officials said.';
  assert.equal(tenseAt(a, a.indexOf('Monday'), a.indexOf('Monday') + 6), 'future');
  const b = 'On Monday, officials said the talks had failed.';
  assert.equal(tenseAt(b, 3, 9), 'past');
});

test('time › reads ISO and feed-style publication dates, and rejects impossible ones', () => {
  assert.deepEqual(parseReferenceDay('2015-11-26T23:30:00-05:00'), { year: 2015, month: 11, day: 26 });
  assert.deepEqual(parseReferenceDay('Thu, 26 Nov 2015 10:00:00 GMT'), { year: 2015, month: 11, day: 26 });
  assert.equal(parseReferenceDay('2015-02-30'), undefined);
  assert.equal(parseReferenceDay('yesterday'), undefined);
  assert.equal(parseReferenceDay(undefined), undefined);
});

test('time › ISO weeks follow the Thursday rule at year ends', () => {
  assert.deepEqual(isoWeek({ year: 2016, month: 1, day: 3 }), { year: 2015, week: 53 });
  assert.equal(weekValue({ year: 2015, month: 11, day: 26 }), '2015-W48');
  assert.equal(weekValue({ year: 2008, month: 12, day: 29 }), '2009-W01');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { absorb, chooseMergedEvent, countAlternatives, sameTrigger, startMergedEvent, windowOf, type EventObservation } from './index.js';

const ALEPPO = { name: 'Aleppo', lat: 36.2, lon: 37.16, countryCode: 'SY', gazetteerId: 'g:170063' };
const SAFIRA = { name: 'al-Safira', lat: 36.07, lon: 37.37, countryCode: 'SY' };
const LATAKIA = { name: 'Latakia', lat: 35.52, lon: 35.79, countryCode: 'SY' };

const obs = (o: Partial<EventObservation> & Pick<EventObservation, 'articleId'>): EventObservation => ({
  mentionId: 'v1',
  ploverType: 'ASSAULT',
  modality: 'asserted',
  sourceIds: ['kb:islamic-state'],
  targetIds: [],
  counts: {},
  publishedAt: '2024-11-08',
  ...o,
});

test('merge-events › windows honour granularity: day, month, ISO week, year, decade', () => {
  assert.deepEqual(windowOf('2024-11-07'), { start: '2024-11-07', end: '2024-11-07' });
  assert.deepEqual(windowOf('2024-02'), { start: '2024-02-01', end: '2024-02-29' });
  assert.deepEqual(windowOf('2024-W45'), { start: '2024-11-04', end: '2024-11-10' });
  assert.deepEqual(windowOf('2015'), { start: '2015-01-01', end: '2015-12-31' });
  assert.deepEqual(windowOf('201'), { start: '2010-01-01', end: '2019-12-31' });
  assert.equal(windowOf('P3M'), undefined);
});

test('merge-events › the same strike reported by two outlets merges, with reasons', () => {
  const first = startMergedEvent('ev1', obs({ articleId: 'a1', timeValue: '2024-11-07', place: ALEPPO }));
  const match = chooseMergedEvent([first], obs({ articleId: 'a2', timeValue: '2024-11', place: SAFIRA }));
  assert.ok(match);
  assert.ok(match.reasons.some((r) => r.startsWith('shared participant kb:islamic-state')));
  assert.ok(match.reasons.some((r) => r.includes('within 100 km')));
});

test('merge-events › different type, far-apart places, or disjoint dates never merge', () => {
  const first = startMergedEvent('ev1', obs({ articleId: 'a1', timeValue: '2024-11-07', place: ALEPPO }));
  assert.equal(chooseMergedEvent([first], obs({ articleId: 'a2', ploverType: 'PROTEST', timeValue: '2024-11-07', place: ALEPPO })), undefined);
  assert.equal(chooseMergedEvent([first], obs({ articleId: 'a2', timeValue: '2024-11-07', place: LATAKIA })), undefined, 'Latakia is 130 km from Aleppo');
  assert.equal(chooseMergedEvent([first], obs({ articleId: 'a2', timeValue: '2024-11-20', place: ALEPPO })), undefined);
});

test('merge-events › actors that share nothing are two clashes, even on the same day nearby', () => {
  const first = startMergedEvent('ev1', obs({ articleId: 'a1', timeValue: '2024-11-07', place: ALEPPO, sourceIds: ['kb:hts'], targetIds: ['country:SYR'] }));
  assert.equal(chooseMergedEvent([first], obs({ articleId: 'a2', timeValue: '2024-11-07', place: SAFIRA, sourceIds: ['kb:islamic-state'], targetIds: ['kb:sdf'] })), undefined);
});

test('merge-events › with a vague date, one shared actor is not enough; different targets never merge', () => {
  const syriaAccuses = (articleId: string, targetIds: string[], timeValue?: string) =>
    obs({ articleId, ploverType: 'ACCUSE', sourceIds: ['kb:country:SYR'], targetIds, ...(timeValue ? { timeValue } : {}) });
  const first = startMergedEvent('ev1', syriaAccuses('a1', ['kb:islamic-state']));
  assert.equal(chooseMergedEvent([first], syriaAccuses('a2', [])), undefined, 'undated, only Syria in common');
  assert.equal(chooseMergedEvent([first], syriaAccuses('a3', ['kb:country:ISR'])), undefined, 'another target');
  assert.ok(chooseMergedEvent([first], syriaAccuses('a4', ['kb:islamic-state'])), 'same source and target');
});

test('merge-events › absorbing keeps the narrower window and unites actors', () => {
  const first = startMergedEvent('ev1', obs({ articleId: 'a1', timeValue: '2024-11' }));
  const merged = absorb(first, obs({ articleId: 'a2', timeValue: '2024-11-07', targetIds: ['country:SYR'] }));
  assert.deepEqual(merged.window, { start: '2024-11-07', end: '2024-11-07' });
  assert.deepEqual(merged.targetIds, ['country:SYR']);
});

test('merge-events › conflicting death tolls are kept as alternatives with their articles', () => {
  const alternatives = countAlternatives([
    obs({ articleId: 'a1', counts: { fatalities: 11 } }),
    obs({ articleId: 'a2', counts: { fatalities: 6, injuries: 9 } }),
    obs({ articleId: 'a3', counts: { fatalities: 11 } }),
  ]);
  assert.deepEqual(alternatives, { fatalities: { '11': ['a1', 'a3'], '6': ['a2'] }, injuries: { '9': ['a2'] } });
});

test('merge-events › an event nothing dates is kept as undated and never merged', () => {
  const undated = startMergedEvent('ev1', obs({ articleId: 'a1', publishedAt: undefined }));
  assert.deepEqual(undated.window, { start: '', end: '' });
  assert.equal(chooseMergedEvent([undated], obs({ articleId: 'a2', publishedAt: undefined })), undefined);
});

test('merge-events › a country-wide place holds its cities; a sector-only actor does not tell events apart', () => {
  const SYRIA = { name: 'Syria', lat: 35, lon: 38, countryCode: 'SY', gazetteerId: 'country:SY' };
  const first = startMergedEvent('ev1', obs({ articleId: 'a1', timeValue: '2024-11-07', place: ALEPPO, sourceIds: [], targetIds: ['place:aleppo'] }));
  assert.ok(chooseMergedEvent([first], obs({ articleId: 'a2', timeValue: '2024-11-07', place: SYRIA, sourceIds: [], targetIds: ['place:aleppo', 'kb:country:SYR'] })));
  assert.ok(chooseMergedEvent([first], obs({ articleId: 'a3', timeValue: '2024-11-07', place: ALEPPO, sourceIds: ['code:---MIL'], targetIds: ['code:---CVL'] })));
  assert.equal(chooseMergedEvent([first], obs({ articleId: 'a4', timeValue: '2024-11-07', place: { ...SYRIA, countryCode: 'IQ', gazetteerId: 'country:IQ' }, targetIds: ['place:aleppo'] })), undefined);
});

test('merge-events › two reports placed only in the United States on one day are two events', () => {
  const US = { name: 'United States', lat: 39.8, lon: -98.6, countryCode: 'US', gazetteerId: 'country:US' };
  const shooting = startMergedEvent('ev1', obs({ articleId: 'a1', timeValue: '2024-11-07', place: US, sourceIds: [], targetIds: [] }));
  assert.equal(chooseMergedEvent([shooting], obs({ articleId: 'a2', timeValue: '2024-11-07', place: US, sourceIds: [], targetIds: [] })), undefined);
  const byState = startMergedEvent('ev2', obs({ articleId: 'a3', timeValue: '2024-11-07', place: US, sourceIds: ['kb:country:USA'], targetIds: [] }));
  assert.equal(chooseMergedEvent([byState], obs({ articleId: 'a4', timeValue: '2024-11-07', place: US, sourceIds: ['kb:country:USA'], targetIds: ['code:---CVL'] })), undefined, 'a state and civilians are generic actors');
});

test('merge-events › an undated report joins a dated event only when trigger and participants agree strongly', () => {
  const dated = startMergedEvent('ev1', obs({ articleId: 'a1', timeValue: '2024-11-07', place: ALEPPO, trigger: 'shell', targetIds: ['org:red crescent'] }));
  const undated = (o: Partial<EventObservation>) => obs({ articleId: 'a2', publishedAt: undefined, trigger: 'shell', ...o });
  const strong = chooseMergedEvent([dated], undated({ targetIds: ['org:red crescent'], place: ALEPPO }));
  assert.ok(strong, 'same trigger, two participants and the city');
  assert.ok(strong.reasons.includes('one report undated'));
  assert.equal(chooseMergedEvent([dated], undated({ targetIds: [] })), undefined, 'one participant is not enough without a date');
  assert.equal(chooseMergedEvent([dated], undated({ targetIds: ['org:red crescent'], place: ALEPPO, trigger: 'bomb' })), undefined, 'another trigger');
});

test('merge-events › another word for what happened is another event unless it codes as the same action', () => {
  const first = startMergedEvent('ev1', obs({ articleId: 'a1', timeValue: '2024-11-07', trigger: 'shell', cameo: '195', place: ALEPPO }));
  assert.equal(chooseMergedEvent([first], obs({ articleId: 'a2', timeValue: '2024-11-07', trigger: 'kidnap', cameo: '181', place: ALEPPO })), undefined, 'same group, city and day, other action');
  assert.ok(chooseMergedEvent([first], obs({ articleId: 'a3', timeValue: '2024-11-07', trigger: 'shelling', place: ALEPPO })), '"shelling" is "shell"');
  const bombarded = chooseMergedEvent([first], obs({ articleId: 'a4', timeValue: '2024-11-07', trigger: 'bombard', cameo: '195', place: ALEPPO }));
  assert.ok(bombarded, 'the same CAMEO action, with the group and the city');
  assert.ok(bombarded.reasons.some((r) => r.startsWith('trigger "bombard" codes as the same action (CAMEO 195)')));
  assert.equal(chooseMergedEvent([first], obs({ articleId: 'a5', timeValue: '2024-11-07', trigger: 'bombard', cameo: '195' })), undefined, 'the group alone is one piece of evidence');
});

test('merge-events › compatible types merge only with the same trigger and two pieces of evidence', () => {
  const first = startMergedEvent('ev1', obs({ articleId: 'a1', timeValue: '2024-11-07', trigger: 'shell', place: ALEPPO }));
  assert.equal(chooseMergedEvent([first], obs({ articleId: 'a4', ploverType: 'COERCE', timeValue: '2024-11-07', trigger: 'detain', place: ALEPPO })), undefined);
  const coded = chooseMergedEvent([first], obs({ articleId: 'a5', ploverType: 'COERCE', timeValue: '2024-11-07', trigger: 'shell', place: ALEPPO }));
  assert.ok(coded);
  assert.ok(coded.reasons.includes('compatible types COERCE/ASSAULT'));
  assert.ok(coded.score > 0 && coded.reasons.at(-1) === `score ${coded.score}`);
});

test('merge-events › "died", "death", "dead" and "dying" name one action; a compound keeps its head ("earthquake"/"quake")', () => {
  for (const [a, b] of [['die', 'death'], ['dead', 'die'], ['dy', 'death'], ['earthquake', 'quake'], ['firefight', 'fight'], ['shooting', 'shoot']] as const) {
    assert.ok(sameTrigger(a, b), `${a}/${b}`);
  }
  for (const [a, b] of [['kill', 'die'], ['intake', 'take'], ['gunfire', 'fire'], ['fight', 'flight']] as const) assert.ok(!sameTrigger(a, b), `${a}/${b}`);
  const quake = startMergedEvent('ev1', obs({ articleId: 'a1', ploverType: 'OCCURRENCE', timeValue: '2024-11-07', trigger: 'earthquake', sourceIds: [], place: LATAKIA }));
  const joined = chooseMergedEvent([quake], obs({ articleId: 'a2', ploverType: 'OCCURRENCE', timeValue: '2024-11-07', trigger: 'quake', sourceIds: [], place: LATAKIA }));
  assert.ok(joined?.reasons.includes('same trigger "quake"'));
});

test('merge-events › the same light or reporting verb ("said", "made") is not the same action: it needs two pieces of evidence', () => {
  const said = (articleId: string, extra: Partial<EventObservation>) =>
    obs({ articleId, ploverType: 'CONSULT', timeValue: '2024-11-07', trigger: 'say', sourceIds: ['per:jane doe'], ...extra });
  const first = startMergedEvent('ev1', said('a1', {}));
  assert.equal(chooseMergedEvent([first], said('a2', {})), undefined, 'one speaker saying something on one day is not one statement');
  assert.ok(chooseMergedEvent([first], said('a3', { targetIds: ['org:city council'] })) === undefined, 'a target the first report does not name adds nothing shared');
  const both = startMergedEvent('ev2', said('a4', { targetIds: ['org:city council'] }));
  assert.ok(chooseMergedEvent([both], said('a5', { targetIds: ['org:city council'] })), 'the same speaker and the same addressee');
});

test('merge-events › a report dated only by its publication needs more than the same city and trigger', () => {
  const SAN_DIEGO = { name: 'San Diego', lat: 32.72, lon: -117.16, countryCode: 'US', gazetteerId: 'gn:5391811' };
  const arrest = (articleId: string, extra: Partial<EventObservation>) =>
    obs({ articleId, ploverType: 'COERCE', trigger: 'arrest', publishedAt: '2024-11-08', sourceIds: [], place: SAN_DIEGO, ...extra });
  const first = startMergedEvent('ev1', arrest('a1', { targetIds: ['per:vincent jackson'] }));
  assert.equal(chooseMergedEvent([first], arrest('a2', {})), undefined, 'two arrests in one city within days are common');
  assert.ok(chooseMergedEvent([first], arrest('a3', { timeValue: '2024-11-07' })), 'a date of its own makes the same city enough');
  assert.ok(chooseMergedEvent([first], arrest('a4', { targetIds: ['per:vincent jackson'] })), 'the same person arrested');
  const cityOnly = startMergedEvent('ev2', arrest('a5', {}));
  assert.ok(chooseMergedEvent([cityOnly], arrest('a6', {})), 'two reports that name the same and nothing else agree on everything they name');
});

test('merge-events › an everyday synonym ("murdered" / "killed") is a similar action: it needs two pieces of evidence', () => {
  const killing = (articleId: string, trigger: string, extra: Partial<EventObservation>) =>
    obs({ articleId, trigger, timeValue: '2024-11-07', sourceIds: [], targetIds: ['per:john roe'], ...extra });
  const first = startMergedEvent('ev1', killing('a1', 'kill', { place: ALEPPO }));
  assert.equal(chooseMergedEvent([first], killing('a2', 'murder', {})), undefined, 'the victim alone');
  const both = chooseMergedEvent([first], killing('a3', 'murder', { place: ALEPPO }));
  assert.ok(both, 'the victim and the city');
  assert.equal(chooseMergedEvent([first], killing('a4', 'kidnap', { place: ALEPPO })), undefined, 'not a synonym');
});

test('merge-events › a trigger is read as its verb: "-ation" nouns meet their "-ate" verbs, stray quotes and irregular pasts are dropped', () => {
  for (const [a, b] of [['violation', 'violate'], ['assassination', 'assassinate'], ['"riot"', 'riot'], ["die'", 'death'], ['stole', 'steal'], ['shook', 'shake'], ['fled', 'flee'],
    ['confesses', 'confess'], ['swimming', 'swim'], ['stopped', 'stop'], ['killing', 'kill'], ['play-off', 'playoff']] as const) {
    assert.ok(sameTrigger(a, b), `${a}/${b}`);
  }
  for (const [a, b] of [['creation', 'crate'], ['nation', 'note'], ['stole', 'stall'], ['"riot"', 'rate'], ['confess', 'con'], ['swimming', 'swing']] as const) assert.ok(!sameTrigger(a, b), `${a}/${b}`);
});

test('merge-events › news synonyms ("heist" / "robbery", "outage" / "disruption") are similar actions: two pieces of evidence', () => {
  const JEWELLER = 'org:van dijk jewellers';
  const heist = (articleId: string, trigger: string, extra: Partial<EventObservation>) =>
    obs({ articleId, ploverType: 'OCCURRENCE', trigger, timeValue: '2024-11-07', sourceIds: [], targetIds: [JEWELLER], ...extra });
  const first = startMergedEvent('ev1', heist('a1', 'heist', { place: LATAKIA }));
  assert.ok(chooseMergedEvent([first], heist('a2', 'robbery', { place: LATAKIA })), 'the shop and the city');
  assert.equal(chooseMergedEvent([first], heist('a3', 'robbery', {})), undefined, 'the shop alone');
  assert.equal(chooseMergedEvent([first], heist('a4', 'fire', { place: LATAKIA })), undefined, 'a fire at the same shop is another event');
  const outage = startMergedEvent('ev2', heist('a5', 'outage', { targetIds: ['org:seaband cable'], place: LATAKIA }));
  assert.ok(chooseMergedEvent([outage], heist('a6', 'disruption', { targetIds: ['org:seaband cable'], place: LATAKIA })));
  const raid = startMergedEvent('ev3', heist('a7', 'raid', { targetIds: ['org:harbour depot'], place: LATAKIA }));
  assert.ok(chooseMergedEvent([raid], heist('a8', 'bust', { targetIds: ['org:harbour depot'], place: LATAKIA })), 'a police raid is a bust');
  assert.equal(chooseMergedEvent([raid], heist('a9', 'robbery', { targetIds: ['org:harbour depot'], place: LATAKIA })), undefined, 'a raid is not a robbery');
});

test('merge-events › two words under a CAMEO root code ("not specified below") are not similar; under a specific code they are', () => {
  const QESHM = { name: 'Qeshm', lat: 26.95, lon: 56.27, countryCode: 'IR', gazetteerId: 'gn:127319' };
  const quake = (articleId: string, trigger: string, cameo: string) =>
    obs({ articleId, trigger, cameo, timeValue: '2024-11-07', sourceIds: [], targetIds: ['org:laft village council'], place: QESHM });
  const hit = startMergedEvent('ev1', quake('a1', 'hit', '190'));
  assert.equal(chooseMergedEvent([hit], quake('a2', 'kill', '190')), undefined, 'the quake that hit and the people it killed are two events');
  const shelled = startMergedEvent('ev2', quake('a3', 'shell', '195'));
  assert.ok(chooseMergedEvent([shelled], quake('a4', 'bombard', '195')), 'both filed under aerial weapons');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventReport } from '../corroborate/index.js';
import type { EventObservation } from '../merge-events/index.js';
import type { ObservedEvent } from '../observe/index.js';
import { createMemoryCorpus, linkArticle, mergeEventsByUser, replaceObservationPlaces, splitObservationByUser, unlinkArticle, type CorpusTx } from './index.js';

// "Tigris Guardians Brigade fired rockets at Baghdad airport on Sunday", as outlets report it.
const attack = (articleId: string, outlet: string, o: Partial<EventObservation> = {}): ObservedEvent => ({
  observation: {
    articleId, mentionId: 'v1', ploverType: 'ASSAULT', modality: 'asserted', sourceIds: ['org:tigris guardians brigade'], targetIds: ['place:baghdad-airport'],
    counts: {}, timeValue: '2024-11-10', publishedAt: '2024-11-11', ...o,
  },
  reports: [{ articleId, syndicationGroup: articleId, outlet, chain: [], stance: 'asserted' } satisfies EventReport],
  evidence: { start: 0, end: 60 },
});

const signature = new Uint32Array(128).fill(7);
const copyOf = (group: string, ...of: string[]) => ({ signature, bandKeys: ['band-1'], group, duplicates: of.map((articleId) => ({ articleId, similarity: 0.9 })) });

/** The port with a count of the calls made through it. */
function counting(tx: CorpusTx): { tx: CorpusTx; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const wrapped = Object.fromEntries(Object.entries(tx).map(([name, fn]) => [name, (...args: unknown[]) => {
    calls.set(name, (calls.get(name) ?? 0) + 1);
    return (fn as (...a: unknown[]) => unknown)(...args);
  }])) as unknown as CorpusTx;
  return { tx: wrapped, calls };
}

test('cross-article › two outlets reporting the same attack make one corroborated event', async () => {
  const { tx, state } = createMemoryCorpus();
  await linkArticle(tx, { articleId: 'a1', events: [attack('a1', 'Meridian News Agency')] });
  await linkArticle(tx, { articleId: 'a2', events: [attack('a2', 'Kyiv Courier')] });
  assert.equal(state.events.size, 1);
  const [event] = state.events.values();
  assert.equal(event!.status, 'corroborated');
  assert.equal(event!.reportCount, 2);
  const joined = state.observations.get('a2\u0000v1')!;
  assert.ok(joined.score > 0, 'a join records its score');
  assert.ok(joined.reasons.some((r) => r.includes('org:tigris guardians brigade')));
});

test('cross-article › an event lives while one observation of it is left, and goes with the last one', async () => {
  const { tx, state } = createMemoryCorpus();
  await linkArticle(tx, { articleId: 'a1', events: [attack('a1', 'Meridian News Agency')] });
  await linkArticle(tx, { articleId: 'a2', events: [attack('a2', 'Kyiv Courier')] });
  const [id] = state.events.keys();
  await unlinkArticle(tx, 'a1');
  assert.ok(state.events.has(id!), 'the other outlet still observes it');
  assert.equal(state.events.get(id!)!.status, 'single-source');
  assert.equal(state.events.get(id!)!.reportCount, 1);
  await unlinkArticle(tx, 'a2');
  assert.equal(state.events.size, 0);
  assert.equal(state.reports.length, 0);
});

test('cross-article › a wire copy counts as the same origin, and joining its group rewrites no other member', async () => {
  const { tx: inner, state } = createMemoryCorpus();
  await linkArticle(inner, { articleId: 'w1', syndication: copyOf('w1'), events: [attack('w1', 'Meridian News Agency')] });
  await linkArticle(inner, { articleId: 'c1', syndication: copyOf('w1', 'w1'), events: [attack('c1', 'Gulf Courier')] });
  const { tx, calls } = counting(inner);
  await linkArticle(tx, { articleId: 'c2', syndication: copyOf('w1', 'w1', 'c1'), events: [attack('c2', 'Lagos Ledger')] });
  const [event] = state.events.values();
  assert.equal(event!.status, 'single-source');
  assert.match(event!.explanation, /2 repeats not counted/);
  assert.equal(calls.get('renameGroup') ?? 0, 0, 'no group rewritten');
  assert.equal(calls.get('eventsReportedByGroup') ?? 0, 0, 'no event of the group re-decided beyond its own');
  assert.equal(calls.get('writeStatus'), 1);
});

test('cross-article › a copy that bridges two groups unites them and re-decides their events', async () => {
  const { tx, state } = createMemoryCorpus();
  await linkArticle(tx, { articleId: 'a1', syndication: { ...copyOf('a1'), bandKeys: ['band-a'] }, events: [attack('a1', 'Meridian News Agency')] });
  await linkArticle(tx, { articleId: 'b1', syndication: { ...copyOf('b1'), bandKeys: ['band-b'] }, events: [attack('b1', 'Kyiv Courier')] });
  assert.equal([...state.events.values()][0]!.status, 'corroborated', 'two groups, two origins');
  await linkArticle(tx, { articleId: 'x1', syndication: { ...copyOf('a1', 'a1', 'b1'), bandKeys: ['band-a', 'band-b'] }, events: [] });
  assert.equal(state.groups.get('b1'), 'a1');
  assert.equal([...state.events.values()][0]!.status, 'single-source', 'copies of one text are one origin');
});

test('cross-article › a copy saved by another writer after the caller looked is found inside the transaction', async () => {
  const { tx, state } = createMemoryCorpus();
  await linkArticle(tx, { articleId: 'w1', syndication: copyOf('w1'), events: [] });
  await linkArticle(tx, { articleId: 'c1', syndication: copyOf('c1'), events: [] });
  assert.equal(state.groups.get('c1'), 'w1');
  assert.equal(state.copyLinks.get('c1\u0000w1'), 1);
});

test('cross-article › a year-long window is found from a dated report; a decade is never looked up', async () => {
  const { tx, state } = createMemoryCorpus();
  await linkArticle(tx, { articleId: 'a1', events: [attack('a1', 'Meridian News Agency', { timeValue: '2024', publishedAt: '2025-02-01' })] });
  await linkArticle(tx, { articleId: 'a2', events: [attack('a2', 'Kyiv Courier', { timeValue: '2024-11-10' })] });
  assert.equal(state.events.size, 1, 'the 2024 report holds 10 November');
  const { tx: counted, calls } = counting(tx);
  await linkArticle(counted, { articleId: 'a3', events: [attack('a3', 'Andes Post', { timeValue: '202', publishedAt: '2025-02-01' })] });
  assert.equal(calls.get('candidates') ?? 0, 0);
  assert.equal(state.events.size, 2);
});

test('cross-article › a user merge joins events the rules keep apart, and holds when an article is linked again', async () => {
  const { tx, state } = createMemoryCorpus();
  await linkArticle(tx, { articleId: 'a1', events: [attack('a1', 'Meridian News Agency')] });
  await linkArticle(tx, { articleId: 'a2', events: [attack('a2', 'Kyiv Courier', { timeValue: '2024-12-20' })] });
  const [early, late] = [...state.events.keys()].sort();
  await mergeEventsByUser(tx, early!, late!);
  assert.deepEqual([...state.events.keys()], [early]);
  await unlinkArticle(tx, 'a2');
  await linkArticle(tx, { articleId: 'a2', events: [attack('a2', 'Kyiv Courier', { timeValue: '2024-12-20' })] });
  assert.equal(state.events.size, 1);
  assert.deepEqual(state.observations.get('a2\u0000v1')!.reasons, ['merged by the user']);
});

test('cross-article › a user split keeps an observation apart from its former event, even when the rules would merge it', async () => {
  const { tx, state } = createMemoryCorpus();
  await linkArticle(tx, { articleId: 'a1', events: [attack('a1', 'Meridian News Agency')] });
  await linkArticle(tx, { articleId: 'a2', events: [attack('a2', 'Kyiv Courier')] });
  const [id] = state.events.keys();
  const apart = await splitObservationByUser(tx, id!, { articleId: 'a2', mentionId: 'v1' });
  assert.equal(state.events.size, 2);
  assert.equal(state.events.get(id!)!.status, 'single-source');
  await unlinkArticle(tx, 'a2');
  await linkArticle(tx, { articleId: 'a2', events: [attack('a2', 'Kyiv Courier')] });
  assert.equal(state.events.size, 2);
  assert.notEqual(state.observations.get('a2\u0000v1')!.eventId, id);
  await assert.rejects(splitObservationByUser(tx, id!, { articleId: 'a2', mentionId: 'v1' }), /has no observation/);
  assert.ok(apart);
});

test('cross-article › a split event is recomputed from its own observation, and the event it leaves loses what it brought', async () => {
  const { tx, state } = createMemoryCorpus();
  const BAGHDAD = { name: 'Baghdad', lat: 33.34, lon: 44.4, countryCode: 'IQ', gazetteerId: 'gn:98182' };
  await linkArticle(tx, { articleId: 'a1', events: [attack('a1', 'Meridian News Agency', { trigger: 'fire', place: BAGHDAD })] });
  // A second outlet names another unit too and dates the attack to the day only.
  await linkArticle(tx, { articleId: 'a2', events: [attack('a2', 'Kyiv Courier', { trigger: 'fire', sourceIds: ['org:tigris guardians brigade', 'org:harbour battalion'], timeValue: '2024-11', publishedAt: '2024-12-02' })] });
  const [id] = state.events.keys();
  assert.ok(state.events.get(id!)!.summary.sourceIds.includes('org:harbour battalion'));
  const apart = await splitObservationByUser(tx, id!, { articleId: 'a2', mentionId: 'v1' });
  const left = state.events.get(id!)!.summary;
  const split = state.events.get(apart)!.summary;
  assert.deepEqual(left.sourceIds, ['org:tigris guardians brigade'], 'the unit only the split report named leaves with it');
  assert.deepEqual(left.window, { start: '2024-11-10', end: '2024-11-10' });
  assert.deepEqual(left.place, BAGHDAD);
  assert.deepEqual(split.sourceIds, ['org:tigris guardians brigade', 'org:harbour battalion']);
  assert.deepEqual(split.window, { start: '2024-11-01', end: '2024-11-30' }, 'its own month, not the day of the event it left');
  assert.equal(split.place, undefined, 'its own report named no place: none copied from the event it left');
  assert.deepEqual(split.triggers, ['fire']);
});

test('cross-article › an article placed again moves its observations and its events to the new place; the other reports keep theirs', async () => {
  const { tx, state } = createMemoryCorpus();
  // A local weekly's report of the attack names only "Marion County", unplaced until its outlet's region is known.
  const MARION_FL = { name: 'Marion County', lat: 29.21, lon: -82.06, countryCode: 'US', gazetteerId: 'admin2:US.FL.083', precision: 'province' };
  const OCALA = { name: 'Ocala', lat: 29.19, lon: -82.14, countryCode: 'US', gazetteerId: 'gn:4167147', precision: 'city' };
  await linkArticle(tx, { articleId: 'a1', events: [attack('a1', 'County Ledger', { trigger: 'fire' })] });
  const [id] = state.events.keys();
  assert.equal(state.events.get(id!)!.summary.place, undefined);
  assert.deepEqual(await replaceObservationPlaces(tx, 'a1', new Map([['v1', MARION_FL]])), [id]);
  assert.deepEqual(state.events.get(id!)!.summary.place, MARION_FL);
  assert.deepEqual(state.observations.get('a1\u0000v1')!.observation.place, MARION_FL);
  assert.deepEqual(await replaceObservationPlaces(tx, 'a1', new Map([['v1', MARION_FL]])), [], 'the same places again change nothing');
  // A second outlet reports it from the city: the finer place wins, and placing the weekly again does not undo it.
  await linkArticle(tx, { articleId: 'a2', events: [attack('a2', 'Ocala Star', { trigger: 'fire', place: OCALA })] });
  assert.deepEqual(state.events.get(id!)!.summary.place, OCALA);
  assert.deepEqual(await replaceObservationPlaces(tx, 'a1', new Map([['v1', undefined]])), []);
  assert.deepEqual(state.events.get(id!)!.summary.place, OCALA);
  assert.equal(state.observations.get('a1\u0000v1')!.observation.place, undefined);
});

// A wire story (written for this test) and two pages that reuse three of its paragraphs word for word.
const ROCKETS = [
  'Rockets struck the cargo terminal of Baghdad airport before dawn on Sunday, damaging two parked aircraft and a fuel truck, airport officials said.',
  'The Tigris Guardians Brigade said in a statement posted online that its fighters had fired the rockets from farmland south of the city.',
  'Security forces sealed the roads around the airport for several hours and searched orchards near the highway for the launch site.',
  'No one was hurt in the attack, the third on the airport this month, according to a spokesman for the civil aviation authority.',
].join('\n\n');
const ROCKETS_REUSED = ['Flights were delayed at Baghdad airport on Sunday after an overnight attack, the carrier told passengers.', ...ROCKETS.split('\n\n').slice(1)].join('\n\n');

test('cross-article › text reuse is aligned only between articles that report events: a link with one that reports none is never read', async () => {
  const { tx, state } = createMemoryCorpus();
  await linkArticle(tx, { articleId: 'wire', events: [attack('wire', 'Meridian News Agency')], text: ROCKETS });
  // A digest page reusing the story but reporting no event: its keys are kept, it is aligned with nothing.
  await linkArticle(tx, { articleId: 'digest', events: [], text: ROCKETS_REUSED });
  assert.ok(state.passages.has('digest'), 'its passage keys are stored, so the candidates of later articles stay the same');
  assert.equal(state.textReuse.length, 0, 'no link is aligned with a page that reports nothing');
  await linkArticle(tx, { articleId: 'copy', events: [attack('copy', 'Gulf Courier')], text: ROCKETS_REUSED });
  const pairs = state.textReuse.map((l) => `${l.articleId}>${l.otherId}`).sort();
  assert.deepEqual(pairs, ['copy>wire', 'wire>copy'], 'the copy and the wire story are linked; the digest, which reports nothing, is not');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linkEntities } from '../../src/corpus/link-entities/index.js';
import { observeEvents } from '../../src/corpus/observe/index.js';
import type { Claim, Doc, DocEntity, EventMention, Source } from '../../src/model/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { SyndicationLinks } from '../../src/store/store.js';
import { makeDoc } from '../helpers/make-doc.js';

// Hand-built annotated articles: the layers under test are written here, not produced by earlier stages.
const MILITIA: DocEntity = { id: 'e1', name: 'Tigris Guardians Brigade', type: 'ORG', kind: 'armed-group', mentionIds: [], aliases: [], roles: [], references: [] };
const AIRPORT_ATTACK = (text: string, extra: Partial<EventMention> = {}): EventMention => ({
  id: 'v1',
  evidence: { start: 0, end: text.indexOf('.') + 1 },
  trigger: { start: text.indexOf('fired'), end: text.indexOf('fired') + 5 },
  ploverType: 'ASSAULT',
  contexts: [],
  cameo: '190',
  sources: [{ start: 0, end: 24, text: 'Tigris Guardians Brigade', entityId: 'e1' }],
  targets: [],
  counts: { fatalities: 1 },
  modality: 'asserted',
  timeId: 't1',
  ...extra,
});

function article(text: string, outlet: string, publishedAt: string, layers: { claims?: Claim[]; event?: Partial<EventMention> } = {}): Doc {
  return makeDoc({
    text,
    meta: { outlet, publishedAt, source: `${outlet}.txt` },
    layers: {
      entities: [MILITIA],
      times: [{ id: 't1', start: 0, end: 0, text: 'Sunday', type: 'DATE', value: '2024-11-10', granularity: 'day', isAnchored: true }],
      events: [AIRPORT_ATTACK(text, layers.event)],
      claims: layers.claims ?? [],
    },
  });
}

const denial = (text: string): Claim => {
  const speaker: Source = { kind: 'person', name: 'Nasser Kanaani', role: 'spokesman' };
  return { id: 'c1', evidence: { start: 0, end: text.length }, content: { start: 0, end: text.length }, isDirectQuote: false, chain: [speaker], stance: 'denied', isHedged: false, eventIds: ['v1'] };
};

async function save(store: ReturnType<typeof openSqliteStore>, doc: Doc, syndication?: SyndicationLinks) {
  const entities = linkEntities(doc.layers.entities ?? [], new Map());
  const group = syndication?.group ?? doc.id;
  return store.saveArticle(doc, 'test@1', { entities, events: observeEvents(doc, entities, group), ...(syndication ? { syndication } : {}) });
}

const WIRE = 'Tigris Guardians Brigade fired rockets at the airport on Sunday, killing a guard.';
const COPY = 'Tigris Guardians Brigade fired rockets at the airport on Sunday, killing a guard, police said.';
const DENIAL = 'Tigris Guardians Brigade fired no rockets, a spokesman said, denying the report.';

test('corpus merge › a syndicated pair is one origin; a denial makes the event contested; re-saving changes nothing', async () => {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  const wire = article(WIRE, 'Meridian News Agency', '2024-11-11');
  await save(store, wire);
  const copy = article(COPY, 'Gulf Courier', '2024-11-11');
  await save(store, copy, { signature: new Uint32Array([1, 2, 3]), bandKeys: ['b1'], group: wire.id, duplicates: [{ articleId: wire.id, similarity: 0.9 }] });

  let [event] = await store.listEvents();
  assert.equal((await store.listEvents()).length, 1, 'both reports merged into one event');
  assert.equal(event!.articleCount, 2);
  assert.equal(event!.status, 'single-source');
  assert.match(event!.explanation, /^1 independent origin \(Meridian News Agency\); 1 repeat not counted$/);
  assert.equal(event!.datePrecision, 'day');

  await save(store, article(DENIAL, 'Tehran Daily', '2024-11-14', { claims: [denial(DENIAL)] }));
  [event] = await store.listEvents();
  assert.equal(event!.status, 'contested');
  assert.match(event!.explanation, /denied by Nasser Kanaani/);

  const detail = await store.getEvent(event!.id);
  assert.equal(detail!.observations.length, 3);
  assert.equal(detail!.observations[0]!.evidence.text, WIRE);
  assert.deepEqual(detail!.countAlternatives, { fatalities: { '1': [wire.id, copy.id, detail!.observations[2]!.articleId] } });

  assert.equal(await save(store, copy), 'duplicate');
  assert.equal((await store.listEvents()).length, 1);
  assert.equal((await store.listEvents())[0]!.reportCount, 3, 're-saving the same article adds no report');
  await store.close();
});

test('corpus merge › two independent outlets corroborate; events filter by entity and date range', async () => {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  await save(store, article(WIRE, 'Meridian News Agency', '2024-11-11'));
  await save(store, article('Tigris Guardians Brigade fired two rockets at Baghdad airport on Sunday.', 'Kyiv Courier', '2024-11-12'));
  const [militia] = await store.listEntities({ search: 'Tigris' });
  const [event] = await store.listEvents({ entityId: militia!.id });
  assert.equal(event?.status, 'corroborated');
  assert.equal(event?.assertingOrigins, 2);
  assert.equal((await store.listEvents({ from: '2024-12-01' })).length, 0);
  assert.equal((await store.listEvents({ to: '2024-11-10', from: '2024-11-10' })).length, 1);
  await store.close();
});

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { openStore } from '../store/open-store.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/store.js';
import { HOSTILE_MARKUP, seedFixtureStore } from '../../test/helpers/api-fixture.js';
import { createApi } from './create-api.js';
import { openApiDocument } from './openapi.js';

let store: Store;
let ids: Awaited<ReturnType<typeof seedFixtureStore>>;
let app: ReturnType<typeof createApi>;
const logged: unknown[] = [];

// The same suite runs on PostgreSQL from create-api.postgres.test.ts (which sets DOSSIER_API_TEST_DB to a schema URL).
const testDb = process.env['DOSSIER_API_TEST_DB'];

before(async () => {
  store = testDb ? await openStore(testDb) : openSqliteStore(':memory:');
  await store.migrate();
  ids = await seedFixtureStore(store);
  app = createApi({ store, logError: (error) => logged.push(error) });
});
after(async () => {
  await store.close();
});

// Responses are loosely typed on purpose: tests read the JSON as a client would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
async function get(path: string, status = 200): Promise<Json> {
  const res = await app.request(path);
  const body = await res.json();
  assert.equal(res.status, status, `${path}: ${JSON.stringify(body)}`);
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  return body;
}
function assertError(body: Json, code: string, message?: RegExp): void {
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message, 'string');
  if (message) assert.match(body.error.message, message);
}

describe('api › articles', () => {
  test('lists a page and says whether more follow', async () => {
    const page = await get('/api/articles?limit=2');
    assert.equal(page.items.length, 2);
    assert.equal(page.hasMore, true);
    assert.equal(page.total, 3);
    const rest = await get('/api/articles?limit=2&offset=2');
    assert.equal(rest.items.length, 1);
    assert.equal(rest.hasMore, false);
  });

  test('rejects bad page parameters with a 400 that quotes the value', async () => {
    assertError(await get('/api/articles?limit=101', 400), 'E_USAGE', /"limit".*1 to 100.*"101"/);
    assertError(await get('/api/articles?limit=0', 400), 'E_USAGE', /limit/);
    assertError(await get('/api/articles?limit=abc', 400), 'E_USAGE', /"abc"/);
    assertError(await get('/api/articles?offset=-1', 400), 'E_USAGE', /offset/);
    assertError(await get('/api/articles?limit=2.5', 400), 'E_USAGE', /2\.5/);
    assertError(await get('/api/articles?page=2', 400), 'E_USAGE', /unknown parameter "page"/);
  });

  test('returns one article with body, paragraphs, comments apart and every stored layer as spans', async () => {
    const article = await get(`/api/articles/${ids.rocket}`);
    assert.equal(article.id, ids.rocket);
    assert.equal(article.title, 'Rockets hit Baghdad airport');
    assert.ok(article.paragraphs.length >= 1);
    assert.deepEqual(Object.keys(article.layers).sort(), ['claims', 'entities', 'events', 'mentions', 'places', 'times']);
    for (const m of article.layers.mentions) assert.equal(article.body.slice(m.start, m.end), m.text);
    const haddad = article.layers.entities.find((e: Json) => e.name === 'Qasim Haddad');
    const link = article.entityLinks.find((l: Json) => l.docEntityId === haddad.id);
    assert.deepEqual({ ...link, reason: typeof link.reason }, { docEntityId: haddad.id, entityId: 'per:kasim hadad', name: haddad.name, reason: 'string' }, 'the link saved at ingest');
    assert.ok(link.reason.length > 0);
  });

  test('finds an article by a unique id prefix', async () => {
    assert.equal((await get(`/api/articles/${ids.convoy.slice(0, 8)}`)).id, ids.convoy);
  });

  test('answers 404 with a JSON error for an unknown or malformed id', async () => {
    assertError(await get('/api/articles/ffffffffffffffff', 404), 'E_NOT_FOUND', /ffffffffffffffff/);
    assertError(await get('/api/articles/not-an-id', 404), 'E_NOT_FOUND');
  });

  test('returns markup in an article as data: the JSON string carries it verbatim, never rendered', async () => {
    const res = await app.request(`/api/articles/${ids.hostile}`);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    const article = await res.json() as Json;
    assert.ok(article.body.includes(HOSTILE_MARKUP));
    assert.ok(article.title.includes('<script>'));
    assert.ok(article.comments[0].text.includes('onerror='));
  });
});

describe('api › search', () => {
  test('finds articles with the matching words marked in snippet parts', async () => {
    const page = await get('/api/search?q=drone');
    assert.equal(page.query, 'drone');
    assert.equal(page.items.length, 1);
    assert.equal(page.items[0].id, ids.convoy);
    const hits = page.items[0].snippet.filter((p: Json) => p.isHit).map((p: Json) => p.text.toLowerCase());
    assert.deepEqual(hits, ['drone']);
    assert.equal(page.items[0].snippet.map((p: Json) => p.text).join('').includes('['), false);
    assert.equal(page.items[0].passage, undefined, 'the parts replace the raw passage');
  });

  test('pages through hits and says when more follow', async () => {
    const first = await get('/api/search?q=Haddad&limit=2');
    assert.equal(first.items.length, 2);
    assert.equal(first.hasMore, true);
    const second = await get('/api/search?q=Haddad&limit=2&offset=2');
    assert.equal(second.items.length, 1);
    assert.equal(second.hasMore, false);
  });

  test('takes FTS syntax characters as plain words, not as errors', async () => {
    const page = await get(`/api/search?q=${encodeURIComponent('"Baghdad airport" (* ^')}`);
    assert.deepEqual(page.items.map((h: Json) => h.id), [ids.rocket]);
    assert.deepEqual((await get(`/api/search?q=${encodeURIComponent('( ) * ^ :')}`)).items, []);
  });

  test('requires q or a filter, and caps its length', async () => {
    assertError(await get('/api/search', 400), 'E_USAGE', /give "q".*or at least one filter \(entity, type, status, place, country, outlet, from, to\)/);
    assertError(await get('/api/search?q=%20%20', 400), 'E_USAGE', /give "q"/);
    assertError(await get(`/api/search?q=${'a'.repeat(501)}`, 400), 'E_USAGE', /longer than 500/);
    assertError(await get('/api/search?q=x&limit=1000', 400), 'E_USAGE', /limit/);
  });
});

describe('api › search filters and facets', () => {
  test('filters by entity, event type and status, place, country, outlet and dates, with or without words', async () => {
    const found = async (query: string) => (await get(`/api/search?${query}`)).items.map((h: Json) => h.id);
    assert.deepEqual(await found('country=SY'), [ids.convoy]);
    assert.deepEqual(await found('country=Syria'), [ids.convoy], 'a country by name');
    assert.deepEqual(await found('country=irq'), [ids.rocket, ids.hostile], 'by alpha-3, newest first');
    assert.deepEqual(await found('place=gn:170654'), [ids.convoy], 'a place by gazetteer id');
    assert.deepEqual(await found('place=aleppo'), [ids.convoy], 'a place by name');
    assert.deepEqual(await found('type=assault'), [ids.convoy, ids.rocket]);
    assert.deepEqual(await found('type=ASSAULT&status=denied'), [ids.rocket], 'one event with both');
    assert.deepEqual(await found('outlet=gulf%20courier'), [ids.convoy]);
    assert.deepEqual(await found('from=2026-01-06&to=2026-01-06'), [ids.rocket]);
    assert.deepEqual(await found(`entity=${encodeURIComponent('Tigris Guardians Brigade')}`), [ids.convoy, ids.rocket], 'an entity by name');
    assert.deepEqual(await found('q=Baghdad&country=IQ&from=2026-01-06'), [ids.rocket], 'words and filters');
    const page = await get('/api/search?q=Haddad&outlet=Gulf%20Courier');
    assert.deepEqual(page.filters, { outlet: 'Gulf Courier' });
    assert.ok(page.items[0].snippet.some((p: Json) => p.isHit));
    const listing = await get('/api/search?country=SY');
    assert.equal(listing.query, '');
    assert.ok(listing.items[0].snippet.every((p: Json) => !p.isHit), 'a listing marks no words');
    assertError(await get('/api/search?country=Atlantis', 404), 'E_NOT_FOUND', /Atlantis/);
    assertError(await get('/api/search?entity=nobody', 404), 'E_NOT_FOUND', /nobody/);
    assertError(await get('/api/search?status=maybe', 400), 'E_USAGE', /"status".*"maybe"/);
    assertError(await get('/api/search?from=last%20week', 400), 'E_USAGE', /"from" must be a date/);
    assertError(await get('/api/search?q=x&colour=red', 400), 'E_USAGE', /unknown parameter "colour"/);
  });

  test('facets list outlets, event types and countries with their names, most frequent first', async () => {
    const facets = await get('/api/search/facets');
    assert.deepEqual(facets.eventTypes, [{ value: 'ASSAULT', count: 2 }]);
    assert.deepEqual(facets.countries, [{ value: 'IQ', count: 2, name: 'Iraq' }, { value: 'SY', count: 1, name: 'Syria' }]);
    assert.equal(facets.outlets.length, 3);
  });
});

describe('api › claims', () => {
  test('lists claims with chain, stance, evidence and events, filtered', async () => {
    const all = await get('/api/claims');
    assert.equal(all.total, 1);
    const [claim] = all.items;
    assert.equal(claim.id, `${ids.rocket}:c1`);
    assert.equal(claim.stance, 'denied');
    assert.equal(claim.cue.text, 'denied');
    assert.equal(claim.content.text, 'any role');
    assert.match(claim.evidence.text, /^Brig\. Gen\. Qasim Haddad/);
    assert.deepEqual(claim.chain.map((s: Json) => [s.kind, s.name]), [['outlet', 'The Northern Ledger'], ['person', 'Qasim Haddad']]);
    assert.equal(claim.chain[1].entityId, 'per:kasim hadad', 'the speaker is linked to his canonical entity');
    assert.deepEqual(claim.events.map((e: Json) => [e.ploverType, e.status]), [['ASSAULT', 'denied']]);
    assert.equal((await get(`/api/claims?entity=${encodeURIComponent('Qasim Haddad')}`)).total, 1);
    assert.equal((await get('/api/claims?stance=asserted')).total, 0);
    assert.equal((await get('/api/claims?anonymous=false')).total, 1);
    assert.equal((await get('/api/claims?anonymous=true')).total, 0);
    assert.equal((await get(`/api/claims?event=${encodeURIComponent(claim.events[0].id)}`)).total, 1);
    assert.equal((await get(`/api/claims?article=${ids.convoy}`)).total, 0);
    assert.equal((await get('/api/claims?outlet=the%20northern%20ledger&from=2026-01&to=2026-01')).total, 1);
    assertError(await get('/api/claims?stance=shouted', 400), 'E_USAGE', /asserted, confirmed, denied, not-acknowledged, speculated.*"shouted"/);
    assertError(await get('/api/claims?anonymous=perhaps', 400), 'E_USAGE', /"anonymous" must be true or false, got "perhaps"/);
    assert.equal(claim.kind, 'assertion');
    assert.equal((await get('/api/claims?kind=desire,evaluation')).total, 0, 'a denial is a statement of fact, not a wish or a judgement');
    assert.equal((await get('/api/claims?kind=all')).total, 1);
    assert.equal((await get('/api/claims?kind=assertion&stance=denied')).total, 1);
    assertError(await get('/api/claims?kind=opinion', 400), 'E_USAGE', /kind" "opinion": expected assertion, desire, evaluation/);
    assertError(await get('/api/claims?entity=nobody', 404), 'E_NOT_FOUND', /nobody/);
  });

  test('one claim by id, with its responses; 404 for an unknown or malformed id', async () => {
    const claim = await get(`/api/claims/${encodeURIComponent(`${ids.rocket}:c1`)}`);
    assert.equal(claim.stance, 'denied');
    assert.deepEqual(claim.responses, []);
    assertError(await get(`/api/claims/${ids.rocket}:c9`, 404), 'E_NOT_FOUND', /c9/);
    assertError(await get('/api/claims/nonsense', 404), 'E_NOT_FOUND');
  });
});

describe('api › entities', () => {
  test('lists entities most mentioned first, filtered by type and name', async () => {
    const all = await get('/api/entities');
    assert.equal(all.items[0].name, 'Qasim Haddad');
    const orgs = await get('/api/entities?type=org');
    assert.deepEqual(orgs.items.map((e: Json) => e.name), ['Tigris Guardians Brigade']);
    const byName = await get('/api/entities?q=alep');
    assert.deepEqual(byName.items.map((e: Json) => e.name), ['Aleppo']);
    assertError(await get('/api/entities?type=PERSON', 400), 'E_USAGE', /PER, ORG, LOC, MISC.*"PERSON"/);
  });

  test('returns one entity with aliases, roles and their sentence, articles and mentions by outlet', async () => {
    const entity = await get(`/api/entities/${encodeURIComponent('per:kasim hadad')}`);
    assert.equal(entity.name, 'Qasim Haddad');
    assert.ok(entity.aliases.some((a: Json) => a.alias === 'Haddad'));
    assert.equal(entity.roles.length, 1);
    assert.equal(entity.roles[0].title, 'commander');
    assert.match(entity.roles[0].evidence.text, /^Brig\. Gen\. Qasim Haddad, commander of the Tigris Guardians Brigade, denied any role\.$/);
    assert.equal(entity.articles.total, 3);
    assert.equal(entity.articles.items.length, 3);
    assert.equal(entity.mentionsByOutlet['The Northern Ledger'], 2);
  });

  test('finds an entity by exact name and pages its articles', async () => {
    const entity = await get('/api/entities/Qasim%20Haddad?limit=1&offset=1');
    assert.equal(entity.id, 'per:kasim hadad');
    assert.equal(entity.articles.items.length, 1);
    assert.equal(entity.articles.hasMore, true);
  });

  test('answers 404 for an unknown entity', async () => {
    assertError(await get('/api/entities/per%3Anobody', 404), 'E_NOT_FOUND', /per:nobody/);
  });
});

describe('api › events', () => {
  test('lists merged events in time order with status and independent origins', async () => {
    const page = await get('/api/events');
    assert.deepEqual(page.items.map((e: Json) => e.summary), ['A drone hit an aid convoy near Aleppo.', 'Rockets struck Baghdad airport on Tuesday.']);
    const rocket = page.items[1];
    assert.equal(rocket.status, 'denied');
    assert.match(rocket.explanation, /denied by Qasim Haddad/);
    assert.equal(rocket.place.name, 'Baghdad');
    assert.equal(page.total, 2);
    const second = await get('/api/events?limit=1&offset=1');
    assert.deepEqual([second.items.length, second.total, second.hasMore], [1, 2, false]);
  });

  test('filters events by status, type, dates and words', async () => {
    assert.deepEqual((await get('/api/events?status=denied')).items.map((e: Json) => e.place.name), ['Baghdad']);
    assert.equal((await get('/api/events?type=CONSULT')).items.length, 0);
    // Date filters keep events whose window overlaps: the convoy strike is only known to be 29 Dec–9 Jan.
    assert.deepEqual((await get('/api/events?from=2026-01-06&to=2026-01-06')).items.map((e: Json) => e.place.name), ['Aleppo', 'Baghdad']);
    assert.deepEqual((await get('/api/events?from=2026-01-10')).items, []);
    assert.deepEqual((await get('/api/events?to=2025-12')).items.map((e: Json) => e.place.name), ['Aleppo']);
    assert.deepEqual((await get('/api/events?q=drone')).items.map((e: Json) => e.place.name), ['Aleppo']);
    assertError(await get('/api/events?status=true', 400), 'E_USAGE', /single-source, corroborated, contested, denied/);
    assertError(await get('/api/events?from=yesterday', 400), 'E_USAGE', /"from" must be a date.*"yesterday"/);
    assertError(await get('/api/events?from=2026-13-01', 400), 'E_USAGE', /from/);
  });

  test('one event traces each observation to its sentence and each report to its source chain', async () => {
    const [, listed] = (await get('/api/events')).items;
    const event = await get(`/api/events/${encodeURIComponent(listed.id)}`);
    const article = await get(`/api/articles/${ids.rocket}`);
    const obs = event.observations[0];
    assert.equal(obs.articleId, ids.rocket);
    assert.equal(article.body.slice(obs.evidence.start, obs.evidence.end), 'Rockets struck Baghdad airport on Tuesday.');
    assert.equal(obs.evidence.text, 'Rockets struck Baghdad airport on Tuesday.');
    assert.deepEqual(event.reports[0].chain.map((s: Json) => s.name), ['The Northern Ledger', 'Qasim Haddad']);
    assert.equal(event.reports[0].stance, 'denied');
    assertError(await get('/api/events/ev-nothing', 404), 'E_NOT_FOUND', /ev-nothing/);
  });

  test('counts events by type over time, with the filters of exports', async () => {
    const trends = await get('/api/events/trends?period=month');
    assert.equal(trends.period, 'month');
    assert.equal(trends.total, 2);
    assert.equal(trends.periods.reduce((n: number, p: Json) => n + p.total, 0) + trends.undated + trends.before + trends.after, 2);
    assert.deepEqual((await get('/api/events/trends?period=month&q=drone')).total, 1);
    assert.equal((await get('/api/events/trends?status=denied')).total, 1);
    assertError(await get('/api/events/trends?period=week', 400), 'E_USAGE', /"week"/);
    assertError(await get('/api/events/trends?entity=nobody%20at%20all', 404), 'E_NOT_FOUND', /nobody at all/);
    assertError(await get('/api/events/trends?colour=red', 400), 'E_USAGE', /colour/);
  });
});

describe('api › stats and cross-article views', () => {
  test('stats count what the store holds', async () => {
    const stats = await get('/api/stats');
    assert.equal(stats.articles, 3);
    assert.ok(stats.entities >= 5);
  });

  test('graph links entities named in the same article, weighted by articles', async () => {
    const brigade = (await get('/api/entities?type=ORG')).items[0].id;
    const graph = await get('/api/graph');
    assert.equal(graph.scannedArticles, 3);
    assert.equal(graph.isPartial, false);
    const edge = graph.edges.find((e: Json) => [e.source, e.target].sort().join('|') === [brigade, 'per:kasim hadad'].sort().join('|'));
    assert.equal(edge.weight, 2);
    const ego = await get(`/api/graph?entity=${encodeURIComponent(brigade)}`);
    assert.equal(ego.scannedArticles, 2);
    assertError(await get('/api/graph?entity=nobody', 404), 'E_NOT_FOUND');
    assertError(await get('/api/graph?maxNodes=1', 400), 'E_USAGE', /maxNodes/);
  });

  test('graph takes maxEvents from 0 (co-occurrence only) to 200, and quotes a bad value', async () => {
    const graph = await get('/api/graph?maxEvents=0');
    assert.ok(graph.nodes.every((n: Json) => n.kind === 'entity'));
    assert.ok(graph.edges.every((e: Json) => e.kind === 'co-occurrence'));
    assert.equal(typeof graph.eventsTotal, 'number');
    assertError(await get('/api/graph?maxEvents=201', 400), 'E_USAGE', /maxEvents.*"201"/);
    assertError(await get('/api/graph?maxEvents=many', 400), 'E_USAGE', /maxEvents.*"many"/);
  });

  test('map groups resolved places over the whole corpus with article counts and their newest articles, or one entity\'s', async () => {
    const map = await get('/api/map');
    const baghdad = map.points.find((p: Json) => p.name === 'Baghdad');
    assert.equal(baghdad.articleCount, 2);
    assert.equal(baghdad.countryCode, 'IQ');
    assert.deepEqual(baghdad.articles.map((a: Json) => a.id), [ids.rocket, ids.hostile], 'newest first');
    assert.deepEqual(map.events.map((e: Json) => [e.placeName, e.status]).sort(), [['Aleppo', 'single-source'], ['Baghdad', 'denied']]);
    assert.equal(map.scannedArticles, 3);
    assert.equal(map.isPartial, false);
    const his = await get(`/api/map?entity=${encodeURIComponent('Tigris Guardians Brigade')}`);
    assert.deepEqual(his.points.map((p: Json) => p.name).sort(), ['Aleppo', 'Baghdad', 'Damascus']);
    assert.equal(his.scannedArticles, 2);
    assertError(await get('/api/map?entity=nobody', 404), 'E_NOT_FOUND', /nobody/);
  });

  test('map clusters: an extent with few events sends them; its cells list them a page at a time; bad extents and cells are 400s (issue 18)', async () => {
    const map = await get('/api/map');
    assert.equal(map.eventsLocated, 2);
    assert.ok(map.extent.south <= 33.4 && map.extent.north >= 36.1 && map.extent.west <= 37.2 && map.extent.east >= 44.3, JSON.stringify(map.extent));
    const world = await get('/api/map/clusters?zoom=0');
    assert.equal(world.located, 2);
    assert.deepEqual(world.events.map((e: Json) => e.placeName).sort(), ['Aleppo', 'Baghdad'], 'two events: sent as they are');
    assert.deepEqual(world.clusters, []);
    // Baghdad (33.3 N, 44.4 E) alone in the box; Aleppo (36.2 N, 37.2 E) outside it.
    const iraq = await get('/api/map/clusters?zoom=3&bbox=40,29,48,35');
    assert.deepEqual(iraq.events.map((e: Json) => e.placeName), ['Baghdad']);
    assert.equal(iraq.cellDegrees, 2);
    // Baghdad's cell at 16°: row floor((33.3 + 90) / 16) = 7, column floor((44.4 + 180) / 16) = 14.
    const page = await get('/api/map/events?zoom=0&cells=7:14&limit=1');
    assert.deepEqual([page.total, page.items.map((e: Json) => e.placeName), page.hasMore], [1, ['Baghdad'], false]);
    assert.equal((await get('/api/map/events?zoom=0&cells=7:14,7:13')).total, 2, 'Aleppo is in the next cell west');
    const brigade = encodeURIComponent('Tigris Guardians Brigade');
    assert.equal((await get(`/api/map/events?zoom=0&cells=7:14,7:13&entity=${brigade}`)).total, (await get(`/api/map?entity=${brigade}`)).eventsLocated, 'an entity\'s cells hold its events only');
    assertError(await get('/api/map/clusters?bbox=50,0,40,10', 400), 'E_USAGE', /west,south,east,north/);
    assertError(await get('/api/map/clusters?bbox=a,b,c,d', 400), 'E_USAGE', /"a,b,c,d"/);
    assertError(await get('/api/map/clusters?zoom=11', 400), 'E_USAGE', /zoom/);
    assertError(await get('/api/map/events?zoom=0', 400), 'E_USAGE', /cells/);
    assertError(await get('/api/map/events?zoom=0&cells=7-14', 400), 'E_USAGE', /row:col/);
    assertError(await get('/api/map/clusters?entity=nobody', 404), 'E_NOT_FOUND', /nobody/);
  });

  /** Every item of a timeline, year by year then the undated events, as the web view pages through them. */
  const wholeTimeline = async (params: string): Promise<{ items: Json[] }> => {
    const first = await get(`/api/timeline?zoom=year${params}`);
    const items: Json[] = [];
    for (const at of [...new Set(first.periods.map((d: Json) => String(d.date).slice(0, 4)))] as string[]) items.push(...(await get(`/api/timeline?zoom=year&at=${at}${params}`)).items);
    if (first.undatedEvents) items.push(...(await get(`/api/timeline?at=undated${params}`)).items);
    return { items };
  };

  test('timeline: one page of one period, with the counts per date of the whole scope', async () => {
    const first = await get('/api/timeline?zoom=year');
    assert.equal(first.at, '2026', 'the latest year by default');
    assert.ok(first.items.length >= 1 && first.items.every((i: Json) => String(i.date).startsWith('2026')));
    assert.equal(first.total, first.items.length);
    assert.ok(first.periods.some((d: Json) => String(d.date).startsWith('2025')), 'the counts cover the other years too');
    const paged = await get('/api/timeline?zoom=year&at=2026&limit=1&offset=1');
    assert.deepEqual([paged.items.length, paged.total, paged.offset], [1, first.total, 1]);
    assert.deepEqual(paged.items[0], first.items[1]);
    assertError(await get('/api/timeline?limit=0', 400), 'E_USAGE', /limit/);
    assertError(await get('/api/timeline?maxArticles=10', 400), 'E_USAGE', /maxArticles/);
  });

  test('timeline lists articles oldest first, with an entity\'s dated roles', async () => {
    const all = await wholeTimeline('');
    assert.deepEqual(all.items.filter((i: Json) => i.kind === 'article').map((i: Json) => i.articleId), [ids.hostile, ids.rocket, ids.convoy]);
    const events = all.items.filter((i: Json) => i.kind === 'event');
    assert.deepEqual(events.map((i: Json) => [i.date, i.event.status, i.event.placeName]), [['2025-12-29', 'single-source', 'Aleppo'], ['2026-01-06', 'denied', 'Baghdad']]);
    const one = await wholeTimeline(`&entity=${encodeURIComponent('per:kasim hadad')}`);
    assert.deepEqual(one.items[0], { kind: 'role', date: '2019', label: 'commander, Tigris Guardians Brigade', articleId: ids.rocket, outlet: null });
    assert.equal(one.items.filter((i: Json) => i.kind === 'event').length, 0, 'no event names him as an actor');
  });

  test('timeline filters by words and dates', async () => {
    const byWords = await wholeTimeline('&q=drone');
    assert.deepEqual(byWords.items.map((i: Json) => [i.kind, i.articleId ?? i.event.placeName]), [['event', 'Aleppo'], ['article', ids.convoy]]);
    const byDate = await wholeTimeline('&from=2026-01-06&to=2026-01-07');
    assert.deepEqual(byDate.items.map((i: Json) => [i.kind, i.articleId ?? i.event.placeName]), [['event', 'Aleppo'], ['event', 'Baghdad'], ['article', ids.rocket]]);
    const hisRoles = await wholeTimeline(`&entity=${encodeURIComponent('Qasim Haddad')}&from=2020`);
    assert.equal(hisRoles.items.filter((i: Json) => i.kind === 'role').length, 0, 'his role began in 2019');
    assertError(await get('/api/timeline?to=soon', 400), 'E_USAGE', /"to" must be a date/);
  });
});

describe('api › errors and description', () => {
  test('unknown routes answer a JSON 404', async () => {
    assertError(await get('/api/nothing', 404), 'E_NOT_FOUND', /GET \/api\/nothing/);
  });

  test('a failing store answers a 500 without its SQL, and the error is logged', async () => {
    const broken = openSqliteStore(':memory:');
    await broken.migrate();
    await broken.close();
    const log: unknown[] = [];
    const res = await createApi({ store: broken, logError: (e) => log.push(e) }).request('/api/stats');
    assert.equal(res.status, 500);
    const body = await res.json() as Json;
    assert.equal(body.error.code, 'E_STORE');
    assert.doesNotMatch(body.error.message, /SELECT/);
    assert.equal(log.length, 1);
  });

  test('openapi.json describes every route and only routes that exist', async () => {
    const doc = await get('/openapi.json');
    assert.equal(doc.openapi, '3.1.0');
    const described = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)).sort();
    const routed = [...new Set(app.routes.filter((r) => r.method !== 'ALL' && r.path !== '/*').map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`))].sort();
    assert.deepEqual(described, routed);
    assert.deepEqual(doc, openApiDocument());
  });

  test('every $ref in openapi.json resolves', async () => {
    const doc = await get('/openapi.json');
    const refs = JSON.stringify(doc).match(/"#\/components\/[^"]+"/g) ?? [];
    for (const ref of refs) {
      const target = ref.slice(3, -1).split('/').reduce((node: Json, key: string) => node?.[key], doc);
      assert.ok(target, `${ref} does not resolve`);
    }
  });
});

describe('api › briefs and exports', () => {
  test('serves an entity brief as JSON with its contested claims', async () => {
    const brief = await get(`/api/entities/${encodeURIComponent('Qasim Haddad')}/brief?format=json`);
    assert.equal(brief.entity.name, 'Qasim Haddad');
    assert.deepEqual(brief.contestedClaims.map((c: Json) => [c.stance, c.content.text]), [['denied', 'any role']]);
    assert.ok(Array.isArray(brief.events));
    assert.deepEqual(brief.related.map((r: Json) => r.name), ['Tigris Guardians Brigade'], 'actors apart from places');
    assert.deepEqual(brief.places.map((p: Json) => p.name).sort(), ['Aleppo', 'Baghdad', 'Damascus']);
  });

  test('serves an entity brief as escaped HTML and as Markdown', async () => {
    const [entity] = (await get('/api/entities?limit=1')).items;
    const html = await app.request(`/api/entities/${encodeURIComponent(entity.id)}/brief`);
    assert.equal(html.status, 200);
    assert.match(html.headers.get('content-type') ?? '', /text\/html/);
    const page = await html.text();
    assert.match(page, /<h2>Timeline<\/h2>/);
    assert.doesNotMatch(page, /<script/i);
    // Our own policy must not block the brief's one inline style sheet (it did: the printed brief lost its layout),
    // and no other page gets that allowance.
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? '';
    const styleHash = `'sha256-${createHash('sha256').update(style, 'utf8').digest('base64')}'`;
    assert.match(html.headers.get('content-security-policy') ?? '', new RegExp(`style-src 'self' ${styleHash.replace(/[+/]/g, '\\$&')}`));
    const other = await app.request('/api/stats');
    assert.doesNotMatch(other.headers.get('content-security-policy') ?? '', /sha256-/);
    const md = await app.request(`/api/entities/${encodeURIComponent(entity.id)}/brief?format=md`);
    assert.match(await md.text(), /^# /);
    assertError(await get(`/api/entities/${encodeURIComponent(entity.id)}/brief?format=pdf`, 400), 'E_USAGE', /"pdf"/);
  });

  test('exports the store as CSV, GraphML and FollowTheMoney, and refuses an unknown format', async () => {
    const csv = await app.request('/api/exports/events.csv');
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    assert.match((await csv.text()).split('\r\n')[0]!, /^event_id,date_start,date_end/);
    const graphml = await app.request('/api/exports/graphml');
    assert.match(await graphml.text(), /<graphml/);
    const ftm = await app.request('/api/exports/ftm.jsonl');
    for (const line of (await ftm.text()).trim().split('\n').filter(Boolean)) assert.ok(JSON.parse(line).schema);
    assertError(await get('/api/exports/xlsx', 400), 'E_USAGE', /unknown export format "xlsx"/);
  });

  test('names every download with its extension and writes GDELT records with 61 fields and no header', async () => {
    const gexf = await app.request('/api/exports/gexf');
    assert.equal(gexf.headers.get('content-disposition'), 'attachment; filename="dossier-events.gexf"');
    assert.match(gexf.headers.get('content-type') ?? '', /^application\/gexf\+xml/);
    assert.match(await gexf.text(), /<gexf /);
    const graphml = await app.request('/api/exports/graphml');
    assert.equal(graphml.headers.get('content-disposition'), 'attachment; filename="dossier-events.graphml"');
    const gdelt = await app.request('/api/exports/gdelt.tsv');
    assert.equal(gdelt.headers.get('content-disposition'), 'attachment; filename="dossier-gdelt.tsv"');
    const lines = (await gdelt.text()).split('\n').filter(Boolean);
    assert.ok(lines.length > 0);
    for (const line of lines) assert.equal(line.split('\t').length, 61);
    assert.doesNotMatch(lines[0]!, /^GLOBALEVENTID/);
  });

  test('exports only the selected events: by type, status, entity, dates and words, and refuses bad filters', async () => {
    const rows = async (path: string) => (await (await app.request(path)).text()).trim().split('\r\n').slice(1).filter(Boolean);
    const events = (await get('/api/events?limit=100')).items as Json[];
    assert.ok(events.length > 1, 'the fixture corpus has several events');
    const type = events[0].ploverType as string;
    const ofType = await rows(`/api/exports/events.csv?type=${type}`);
    assert.equal(ofType.length, events.filter((e) => e.ploverType === type).length);
    assert.ok(ofType.every((line) => line.split(',')[4] === type));
    const status = events[0].status as string;
    assert.equal((await rows(`/api/exports/events.csv?status=${status}`)).length, events.filter((e) => e.status === status).length);
    assert.equal((await rows('/api/exports/events.csv?from=2100-01-01')).length, 0, 'nothing after the corpus');
    const haddad = encodeURIComponent('Qasim Haddad');
    const takesPart = events.filter((e) => [...e.sourceIds, ...e.targetIds].some((id: string) => id.includes('haddad'))).length;
    assert.equal((await rows(`/api/exports/events.csv?entity=${haddad}`)).length, takesPart, 'only the events he takes part in');
    const allClaims = await rows('/api/exports/claims.csv');
    const hisArticles = new Set(((await get(`/api/entities/${haddad}?limit=100`)).articles.items as Json[]).map((a) => a.articleId));
    const hisClaims = await rows(`/api/exports/claims.csv?entity=${haddad}`);
    assert.ok(hisClaims.length > 0 && hisClaims.length <= allClaims.length);
    assert.ok(hisClaims.every((line) => hisArticles.has(line.split(',')[0])));
    assert.equal((await rows('/api/exports/claims.csv?q=zzyzxnotaword')).length, 0);
    assertError(await get('/api/exports/events.csv?from=2024-99-99', 400), 'E_USAGE', /date like/);
    assertError(await get('/api/exports/events.csv?type=PARADE', 400), 'E_USAGE', /unknown event type "PARADE"/);
    assertError(await get('/api/exports/events.csv?status=rumoured', 400), 'E_USAGE', /unknown status/);
    assertError(await get('/api/exports/events.csv?entity=Nobody%20Atall', 404), 'E_NOT_FOUND');
    assertError(await get('/api/exports/events.csv?colour=red', 400), 'E_USAGE');
  });

  test('exports what the search page shows: events reported in the articles its outlet, country, place and publication dates pick', async () => {
    const ids = async (path: string) => (await (await app.request(path)).text()).trim().split('\r\n').slice(1).filter(Boolean).map((line) => line.split(',')[0]).sort();
    const rows = (await get('/api/events?limit=100')).items as Json[];
    const reportedIn = new Map<string, Set<string>>();
    for (const row of rows) reportedIn.set(row.id, new Set(((await get(`/api/events/${encodeURIComponent(row.id)}`)).observations as Json[]).map((o) => o.articleId as string)));
    // The page's articles for the same filters, and the events any of them reports.
    const expected = async (filters: string) => {
      const hits = new Set(((await get(`/api/search?${filters}&limit=100`)).items as Json[]).map((h) => h.id as string));
      return [...reportedIn].filter(([, articles]) => [...articles].some((a) => hits.has(a))).map(([id]) => id).sort();
    };
    const cases = ['outlet=The%20Northern%20Ledger', 'country=SY', 'place=Baghdad', 'from=2026-01-07&to=2026-01-31'];
    for (const filters of cases) {
      const exported = await ids(`/api/exports/events.csv?${filters.replace('from=', 'published_from=').replace('to=', 'published_to=')}`);
      assert.deepEqual(exported, await expected(filters), filters);
    }
    assert.ok((await expected('outlet=The%20Northern%20Ledger')).length > 0 && (await expected('country=SY')).length > 0, 'the cases select something');
    assert.notDeepEqual(await expected('outlet=The%20Northern%20Ledger'), await expected('country=SY'), 'and not the same thing');
    const claimRows = async (path: string) => (await (await app.request(path)).text()).trim().split('\r\n').slice(1).filter(Boolean);
    const ledger = await claimRows('/api/exports/claims.csv?outlet=The%20Northern%20Ledger');
    assert.equal(ledger.length, (await claimRows('/api/exports/claims.csv')).filter((line) => line.split(',')[1] === 'The Northern Ledger').length);
    assert.ok(ledger.length > 0);
    assert.equal((await claimRows('/api/exports/claims.csv?published_from=2027')).length, 0, 'nothing published after the corpus');
    assertError(await get('/api/exports/events.csv?published_to=2026-13', 400), 'E_USAGE', /--published-to must be a date/);
    assertError(await get('/api/exports/events.csv?country=Narnia', 404), 'E_NOT_FOUND', /Narnia/);
  });
});

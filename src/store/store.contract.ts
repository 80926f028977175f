/**
 * The one contract suite every store adapter passes (Hono's runTest for its routers, Drizzle's tests()
 * per driver): sqlite/sqlite-store.test.ts runs it always, postgres/postgres-store.test.ts when
 * DATABASE_URL is set. Adapter-specific behaviour gets its own test beside the adapter, never a fork here.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { articleId, CLAIM_KINDS, type Claim, type Doc, type Mention, type PlaceRef } from '../model/index.js';
import { linkEntities, type EntityLink } from '../corpus/link-entities/index.js';
import { observeEvents } from '../corpus/observe/index.js';
import type { ArticleFilter, ClaimQuery, MapEventRow, SyndicationLinks } from './store.js';
import { makeDoc } from '../../test/helpers/make-doc.js';
import { attackArticle, COPY, denialClaim, DENIAL, WIRE } from '../../test/helpers/annotated-corpus.js';
import { seedGeneratedStore } from '../../test/helpers/generated-store.js';
import type { Store } from './store.js';
import { runSavedSearchContract } from './saved-searches.contract.js';
import { runEntityOverrideContract } from './entity-overrides.contract.js';

/** A fresh, empty, not yet migrated store, and the means to open a second handle on the same database. */
export interface StoreFixture {
  readonly store: Store;
  /** Opens another handle (its own connection or pool) on the same database, for concurrency tests. */
  openPeer(): Promise<Store>;
  /** Closes the store and removes everything the fixture created. */
  dispose(): Promise<void>;
}

/** Adapter tuning the contract exercises with small values (the same code paths on small data). */
export interface StoreTuning {
  readonly rankTier?: number;
}

export interface StoreContractOptions {
  /** When set, every contract test is skipped with this reason printed (e.g. no DATABASE_URL). */
  readonly skipReason?: string | undefined;
  /** Tests run at once; each has its own fresh store, so a networked adapter can overlap their round trips. */
  readonly concurrency?: number;
}

const PIPELINE = 'clean@1,tokenize@1,ner@1';
const NEWER_PIPELINE = 'clean@1,tokenize@1,ner@2';

const GOMA = `M23 rebels attacked a supply convoy near Goma on Tuesday, the army said.

"The convoy was carrying food and medicine," said Colonel Guillaume Ndjike, a spokesman for the armed forces.`;
const KYIV = `Air-raid sirens sounded across Kyiv overnight as drones struck power stations.

City officials said repair crews restored electricity to most districts by morning.`;

/**
 * Registers the contract tests for one adapter under `describe(name)`.
 * @example runStoreContract('sqlite', async () => ({ store: openSqliteStore(path), openPeer: …, dispose: … }))
 */
export function runStoreContract(name: string, makeStore: (options?: StoreTuning) => Promise<StoreFixture>, options: StoreContractOptions = {}): void {
  const skip = options.skipReason ?? false;

  /** Runs body against a fresh migrated store, always disposing of it. */
  const withStore = async (body: (store: Store, fixture: StoreFixture) => Promise<void>, tuning?: StoreTuning): Promise<void> => {
    const fixture = await makeStore(tuning);
    try {
      await fixture.store.migrate();
      await body(fixture.store, fixture);
    } finally {
      await fixture.dispose();
    }
  };

  describe(`store contract: ${name}`, { skip, concurrency: options.concurrency ?? 1 }, () => {
    // Saved searches, the article feed and notes (migration 11).
    runSavedSearchContract(withStore);

    test('migrate is idempotent and reports the schema version', async () => {
      const fixture = await makeStore();
      try {
        const first = await fixture.store.migrate();
        assert.ok(first >= 1, `schema version ${first}`);
        assert.equal(await fixture.store.migrate(), first);
        assert.equal((await fixture.store.stats()).schemaVersion, first);
      } finally {
        await fixture.dispose();
      }
    });

    test('two handles migrating a new database at once both succeed', async () => {
      const fixture = await makeStore();
      const peer = await fixture.openPeer();
      try {
        const [a, b] = await Promise.all([fixture.store.migrate(), peer.migrate()]);
        assert.equal(a, b);
      } finally {
        await peer.close();
        await fixture.dispose();
      }
    });

    test('saves a new article as inserted and the same one again as duplicate, recording the extra source', async () => {
      await withStore(async (store) => {
        const doc = article(GOMA, { source: 'feeds/a.html' });
        assert.equal(await store.hasArticle(doc.id), false);
        assert.equal(await store.saveArticle(doc, PIPELINE), 'inserted');
        assert.equal(await store.hasArticle(doc.id), true);
        assert.equal(await store.saveArticle(doc, PIPELINE), 'duplicate');
        assert.equal(await store.saveArticle(article(GOMA, { source: 'mirror/b.html' }), PIPELINE), 'duplicate');
        const stored = await store.getArticle(doc.id);
        assert.deepEqual(stored?.sources, ['feeds/a.html', 'mirror/b.html']);
        assert.equal(stored?.source, 'feeds/a.html', 'the first source stays the primary one');
        assert.equal((await store.stats()).articles, 1);
      });
    });

    test('a changed pipeline signature updates the article and replaces its layers', async () => {
      await withStore(async (store) => {
        const old = article(GOMA, { mentions: [mention(GOMA, 'M23', 'ORG', 'm1'), mention(GOMA, 'Goma', 'LOC', 'm2')] });
        assert.equal(await store.saveArticle(old, PIPELINE), 'inserted');
        const newer = article(GOMA, { mentions: [mention(GOMA, 'Guillaume Ndjike', 'PER', 'm1')] });
        assert.equal(await store.saveArticle(newer, NEWER_PIPELINE), 'updated');
        const stored = await store.getArticle(old.id);
        assert.equal(stored?.pipeline, NEWER_PIPELINE);
        assert.deepEqual(stored?.layers['mentions'], newer.layers.mentions);
        assert.equal((await store.stats()).mentions, 1, 'old mentions are gone');
        assert.equal(await store.saveArticle(newer, NEWER_PIPELINE), 'duplicate');
      });
    });

    test('an input saved with a fingerprint is unchanged only for the same hash and run key, while its article keeps that pipeline', async () => {
      await withStore(async (store) => {
        const doc = article(GOMA, { source: 'feeds/a.html' });
        const input = { inputHash: 'h1', runKey: 'run-1' };
        assert.equal(await store.isInputUnchanged('feeds/a.html', input), false, 'never seen');
        assert.equal(await store.saveArticle(doc, PIPELINE, {}, input), 'inserted');
        assert.equal(await store.isInputUnchanged('feeds/a.html', input), true);
        assert.equal(await store.isInputUnchanged('feeds/a.html', { ...input, inputHash: 'h2' }), false, 'content changed');
        assert.equal(await store.isInputUnchanged('feeds/a.html', { ...input, runKey: 'run-2' }), false, 'pipeline or genres changed');
        assert.equal(await store.isInputUnchanged('mirror/b.html', input), false, 'another source');
        // A second source of the same body re-annotated by a newer pipeline: the first source's read is stale.
        assert.equal(await store.saveArticle(article(GOMA, { source: 'mirror/b.html' }), NEWER_PIPELINE, {}, { inputHash: 'h3', runKey: 'run-2' }), 'updated');
        assert.equal(await store.isInputUnchanged('feeds/a.html', input), false, 'the article no longer holds what that read saved');
        assert.equal(await store.isInputUnchanged('mirror/b.html', { inputHash: 'h3', runKey: 'run-2' }), true);
        // Saved again without a fingerprint (an API caller), the row keeps what it knew.
        assert.equal(await store.saveArticle(article(GOMA, { source: 'mirror/b.html' }), NEWER_PIPELINE), 'duplicate');
        assert.equal(await store.isInputUnchanged('mirror/b.html', { inputHash: 'h3', runKey: 'run-2' }), true);
      });
    });

    test('round-trips metadata, paragraphs, comments, captions and boilerplate', async () => {
      await withStore(async (store) => {
        const doc: Doc = {
          ...article(GOMA, { source: 'x.html', title: 'Rebels attack convoy', outlet: 'Kivu Times', url: 'https://kivu.example/convoy', publishedAt: '2024-03-05' }),
          comments: [{ author: 'reader1', text: 'Terrible news.' }, { text: 'Agreed.', replyTo: 0 }],
          captions: [{ text: 'Trucks near Goma.', credit: 'AFP', occurrences: 2 }],
          boilerplate: ['Share on Facebook', 'Subscribe'],
        };
        await store.saveArticle(doc, PIPELINE);
        const stored = await store.getArticle(doc.id);
        assert.ok(stored);
        assert.equal(stored.body, GOMA);
        assert.equal(stored.title, 'Rebels attack convoy');
        assert.equal(stored.outlet, 'Kivu Times');
        assert.equal(stored.url, 'https://kivu.example/convoy');
        assert.equal(stored.publishedAt, '2024-03-05');
        assert.equal(stored.byline, null);
        assert.equal(stored.language, 'en');
        assert.equal(stored.format, 'html');
        assert.deepEqual(stored.paragraphs, doc.paragraphs);
        assert.deepEqual(stored.comments, doc.comments);
        assert.deepEqual(stored.captions, doc.captions);
        assert.deepEqual(stored.boilerplate, doc.boilerplate);
        assert.ok(!Number.isNaN(Date.parse(stored.ingestedAt)), `ingestedAt "${stored.ingestedAt}" is a date`);
      });
    });

    test('getArticles reads many articles as getArticle reads each, in the order asked, with only the layers asked for', async () => {
      await withStore(async (store) => {
        const goma = article(GOMA, { source: 'feeds/a.html', mentions: [mention(GOMA, 'M23', 'ORG', 'm1'), mention(GOMA, 'Goma', 'LOC', 'm2')] });
        const kyiv = makeDoc({ text: KYIV, meta: { outlet: 'Kyiv Courier', publishedAt: '2024-12-01', source: 'kyiv.txt' } });
        await store.saveArticle(goma, PIPELINE);
        await store.saveArticle(article(GOMA, { source: 'mirror/b.html' }), PIPELINE);
        await store.saveArticle(kyiv, PIPELINE);
        const [one, two] = [await store.getArticle(kyiv.id), await store.getArticle(goma.id)];
        assert.deepEqual(await store.getArticles([kyiv.id, 'f'.repeat(64), goma.id, kyiv.id]), [one, two], 'unknown ids left out, each id once');
        const bare = await store.getArticles([goma.id], { layers: [] });
        assert.deepEqual(bare, [{ ...two!, layers: {} }]);
        assert.deepEqual(bare[0]!.sources, ['feeds/a.html', 'mirror/b.html']);
        assert.deepEqual((await store.getArticles([goma.id], { layers: ['mentions'] }))[0]!.layers, { mentions: two!.layers['mentions'] });
        assert.deepEqual(await store.getArticles([]), []);
      });
    });

    test('articleIdsFromHost finds the articles of one host, whatever the scheme, port or query, and no look-alike host; a relink with places replaces the places layer and rows', async () => {
      await withStore(async (store) => {
        const story = (n: number, url?: string) => makeDoc({ text: `Council story ${n}: the county board met on Tuesday in Gainesville to vote on the bus routes.`, meta: { source: `s${n}.html`, ...(url ? { url } : {}) } });
        const ours = [story(1, 'https://www.alligator.org/news/1'), story(2, 'http://WWW.Alligator.org:8080/news?p=2'), story(3, 'https://www.alligator.org')];
        const others = [story(4, 'https://www.alligator.org.example/news/4'), story(5, 'https://alligator.org/news/5'), story(6, 'https://news.example/?from=www.alligator.org'), story(7)];
        for (const doc of [...ours, ...others]) await store.saveArticle(doc, PIPELINE);
        assert.deepEqual(await store.articleIdsFromHost('www.alligator.org'), ours.map((d) => d.id).sort());
        assert.deepEqual(await store.articleIdsFromHost("www.alligator.org' OR '1'='1"), []);
        const doc = ours[0]!;
        const at = doc.text.indexOf('Gainesville');
        const places: PlaceRef[] = [{ id: 'pl1', start: at, end: at + 11, text: 'Gainesville', isResolved: true, name: 'Gainesville', lat: 29.65, lon: -82.32, countryCode: 'US', admin1: 'Florida', precision: 'city', gazetteerId: 'gn:4156404' }];
        await store.relinkArticleEntities(doc.id, [], places);
        assert.deepEqual((await store.getArticle(doc.id))?.layers['places'], places);
        assert.deepEqual((await store.listPlaces()).places.map((p) => [p.name, p.countryCode, p.articleCount]), [['Gainesville', 'US', 1]]);
      });
    });

    test('gets an article by full id and by unique prefix, and nothing for an ambiguous, unknown or malformed one', async () => {
      await withStore(async (store) => {
        const [a, b] = twoBodiesSharingIdPrefix(4);
        await store.saveArticle(article(a), PIPELINE);
        await store.saveArticle(article(b), PIPELINE);
        const id = articleId(a);
        assert.equal((await store.getArticle(id))?.id, id);
        assert.equal((await store.getArticle(id.slice(0, 8)))?.id, id);
        assert.equal((await store.getArticle(id.slice(0, 8).toUpperCase()))?.id, id);
        assert.equal(await store.getArticle(id.slice(0, 4)), undefined, 'prefix shared by two articles');
        assert.equal(await store.getArticle(id.replace(/^./, (c) => (c === 'f' ? 'e' : 'f'))), undefined, 'unknown id');
        assert.equal(await store.getArticle("a1b2' OR '1'='1"), undefined);
        assert.equal(await store.getArticle('a%'), undefined);
      });
    });

    test('lists articles in insertion order, page by page', async () => {
      await withStore(async (store) => {
        const docs = Array.from({ length: 5 }, (_, i) => article(`Article number ${i}: a report about event ${i * 7}.`, { source: `in/${i}.txt` }));
        for (const doc of docs) await store.saveArticle(doc, PIPELINE);
        const pages = [
          await store.listArticles({ limit: 2, offset: 0 }),
          await store.listArticles({ limit: 2, offset: 2 }),
          await store.listArticles({ limit: 2, offset: 4 }),
        ];
        assert.deepEqual(pages.map((p) => p.length), [2, 2, 1]);
        assert.deepEqual(pages.flat().map((s) => s.id), docs.map((d) => d.id));
        const first = pages[0]![0]!;
        assert.equal(first.source, 'in/0.txt');
        assert.equal(first.bodyChars, docs[0]!.text.length);
        assert.equal(first.language, 'en');
        assert.deepEqual(await store.listArticles({ limit: 2, offset: 10 }), []);
        assert.equal((await store.listArticles()).length, 5, 'default page holds all five');
        assert.equal(await store.countArticles(), 5);
        await store.saveArticle(docs[0]!, PIPELINE);
        assert.equal(await store.countArticles(), 5, 'a duplicate is not counted twice');
      });
    });

    test('full-text search finds words, phrases and prefixes, with hits in [ ] in the snippet', async () => {
      await withStore(async (store) => {
        const goma = article(GOMA, { title: 'Convoy attacked near Goma', outlet: 'Kivu Times', publishedAt: '2024-03-05' });
        await store.saveArticle(goma, PIPELINE);
        await store.saveArticle(article(KYIV, { title: 'Drones strike Kyiv' }), PIPELINE);

        const hits = await store.search({ text: 'convoy' });
        assert.equal(hits.length, 1);
        const hit = hits[0]!;
        assert.equal(hit.id, goma.id);
        assert.equal(hit.title, 'Convoy attacked near Goma');
        assert.equal(hit.outlet, 'Kivu Times');
        assert.equal(hit.publishedAt, '2024-03-05');
        assert.match(hit.snippet, /\[convoy\]/i);
        assert.ok(hit.passage.hits.length >= 1);
        assert.ok(hit.passage.hits.every((h) => /^convoy$/i.test(hit.passage.text.slice(h.start, h.end))), JSON.stringify(hit.passage));
        assert.ok(!/[\uE000\uE001]/.test(hit.passage.text + hit.snippet), 'no highlighter marker left in the text');
        assert.ok(Number.isFinite(hit.score));

        assert.deepEqual((await store.search({ text: '"power stations"' })).map((h) => h.title), ['Drones strike Kyiv']);
        assert.deepEqual((await store.search({ text: 'electric*' })).map((h) => h.title), ['Drones strike Kyiv']);
        assert.deepEqual((await store.search({ text: 'convoy Kyiv' })).length, 0, 'terms are ANDed');
        assert.deepEqual((await store.search({ text: 'convoy OR drones' })).length, 2);
        assert.deepEqual((await store.search({ text: 'said NOT convoy' })).map((h) => h.title), ['Drones strike Kyiv']);
        assert.deepEqual(await store.search({ text: 'hurricane' }), []);
        assert.deepEqual(await store.search({ text: '' }), []);
        assert.equal((await store.search({ text: 'said', limit: 1 })).length, 1);
        assert.equal((await store.search({ text: 'said', limit: 1, offset: 1 })).length, 1);
        assert.equal((await store.search({ text: 'said', limit: 1, offset: 2 })).length, 0);
      });
    });

    test('places: resolved places with article and mention counts, their newest articles, unresolved mentions; by entity', async () => {
      await withStore(async (store) => {
        const wire = attackArticle(WIRE, 'Meridian News Agency', '2024-11-11');
        await saveWithEvents(store, wire);
        const denial = attackArticle(DENIAL, 'Tehran Daily', '2024-11-14', { place: false });
        await saveWithEvents(store, denial);
        const kyivPlace = { id: 'p1', start: 0, end: 0, text: 'Kyiv', isResolved: true, name: 'Kyiv', lat: 50.45, lon: 30.52, countryCode: 'UA', precision: 'city' as const, gazetteerId: 'geonames:703448' };
        const other = makeDoc({ text: KYIV, meta: { outlet: 'Kyiv Courier', publishedAt: '2024-12-01', title: 'Sirens in Kyiv' },
          layers: { places: [kyivPlace, { ...kyivPlace, id: 'p2' }, { id: 'p3', start: 0, end: 0, text: 'Nowhereville', isResolved: false }] } });
        await store.saveArticle(other, PIPELINE);

        const overview = await store.listPlaces();
        assert.deepEqual(overview.places.map((p) => [p.key, p.name, p.countryCode, p.articleCount, p.mentionCount, p.precision]),
          [['name:baghdad', 'Baghdad', 'IQ', 2, 2, 'city'], ['geonames:703448', 'Kyiv', 'UA', 1, 2, 'city']]);
        assert.deepEqual(overview.places[0]!.articles.map((a) => a.id), [denial.id, wire.id], 'newest first');
        assert.equal(overview.places[1]!.lat, 50.45);
        assert.equal(overview.unresolvedMentions, 1);
        assert.equal((await store.listPlaces({ limit: 1 })).places.length, 1);
        const sampled = await store.listPlaces({ sampledPlaces: 1 });
        assert.deepEqual(sampled.places.map((p) => [p.name, p.articleCount, p.articles.length]), [['Baghdad', 2, 2], ['Kyiv', 1, 0]], 'only the most named place carries its articles');
        assert.deepEqual((await store.listPlaces({ sampledPlaces: 0 })).places.map((p) => p.articles.length), [0, 0]);
        const [militia] = await store.listEntities({ search: 'Tigris' });
        const theirs = await store.listPlaces({ entityId: militia!.id });
        assert.deepEqual(theirs.places.map((p) => p.name), ['Baghdad']);
        assert.deepEqual((await store.listPlaces({ entityId: militia!.id, sampledPlaces: 0 })).places.map((p) => [p.name, p.articles.length]), [['Baghdad', 0]]);
        assert.equal(theirs.unresolvedMentions, 0);
        assert.deepEqual(await store.listPlaces({ entityId: 'nobody' }), { places: [], unresolvedMentions: 0 });
      });
    });

    test('a phrase search marks the phrase in the snippet, not its words where they stand apart', async () => {
      await withStore(async (store) => {
        const text = 'The group said an armed convoy had passed the bridge before dawn. Hours later the armed group withdrew from the town, residents said.';
        await store.saveArticle(article(text), PIPELINE);
        const [hit] = await store.search({ text: '"armed group"' });
        assert.ok(hit, 'the phrase is found');
        assert.deepEqual(hit.passage.hits.map((h) => hit.passage.text.slice(h.start, h.end)), ['armed group'], JSON.stringify(hit.passage));
      });
    });

    test('a query matching more than a rank tier is ranked tier by tier, newest tier first; pages list every match once', async () => {
      await withStore(async (store) => {
        // Five articles stored in this order; "flood" is repeated more in some, which relevance ranks higher.
        const bodies = ['flood once, river high.', 'flood flood flood, roads shut.', 'flood warning for the valley.', 'flood flood, bridges closed.', 'flood flood flood flood, town cut off.'];
        const ids: string[] = [];
        for (const [i, text] of bodies.entries()) {
          const doc = article(text, { source: `f${i}.txt` });
          ids.push(doc.id);
          await store.saveArticle(doc, PIPELINE);
        }
        const all = (await store.search({ text: 'flood', limit: 10 })).map((h) => ids.indexOf(h.id));
        // Tier 1 = the two newest (4, 3), tier 2 = (2, 1), tier 3 = (0); by relevance inside each.
        assert.deepEqual(all, [4, 3, 1, 2, 0]);
        for (const size of [1, 2, 3]) {
          const paged: number[] = [];
          for (let offset = 0; offset < 6; offset += size) paged.push(...(await store.search({ text: 'flood', limit: size, offset })).map((h) => ids.indexOf(h.id)));
          assert.deepEqual(paged, all, `pages of ${size} join up to the full list`);
        }
        assert.deepEqual((await store.search({ text: '"flood flood flood"', limit: 10 })).map((h) => ids.indexOf(h.id)), [4, 1], 'two matches: one tier, plain relevance order');
        assert.equal((await store.search({ text: 'flood', filter: { from: '2000' } })).length, 0, 'filters apply inside tiers');
      }, { rankTier: 2 });
    });

    test('each hit\'s snippet comes from its own article', async () => {
      await withStore(async (store) => {
        const texts = ['The first rocket hit an empty car park near the gate.', 'Prosecutors said the rocket was launched from a truck.', 'Officials denied that a rocket had been fired at all.'];
        for (const [i, text] of texts.entries()) await store.saveArticle(article(text, { source: `r${i}.txt` }), PIPELINE);
        const hits = await store.search({ text: 'rocket' });
        assert.equal(hits.length, 3);
        for (const hit of hits) {
          const body = (await store.getArticle(hit.id))!.body;
          assert.ok(body.includes(hit.passage.text.replace(/^…|…$/g, '')), `snippet "${hit.passage.text}" is not from its article "${body}"`);
        }
      });
    });

    test('a long article\'s snippet shows its hit wherever it is, also when the word first appears inside a longer one', async () => {
      await withStore(async (store) => {
        const filler = [
          'Aid agencies said they supported the families who had reported damage to their homes after the storm.',
          'The district council met on Monday to discuss repairs to the water network and the main road.',
          'Residents described long queues at the only open bakery, where flour was running short again.',
        ];
        const paragraphs = Array.from({ length: 30 }, (_, i) => filler[i % 3]!);
        // 'port' occurs early inside 'supported' and 'reported'; as a word only near the end.
        const late = `${paragraphs.join(' ')} Late on Friday a cargo ship finally docked at the port of Berbera with fuel.`;
        const early = `The port of Berbera reopened on Tuesday. ${paragraphs.join(' ')}`;
        await store.saveArticle(article(late, { source: 'late.txt' }), PIPELINE);
        await store.saveArticle(article(early, { source: 'early.txt' }), PIPELINE);
        const hits = await store.search({ text: 'port' });
        assert.equal(hits.length, 2);
        for (const hit of hits) {
          const body = (await store.getArticle(hit.id))!.body;
          assert.ok(/\[port\]/i.test(hit.snippet), `snippet "${hit.snippet}" marks the hit`);
          assert.deepEqual(hit.passage.hits.map((h) => hit.passage.text.slice(h.start, h.end).toLowerCase()), ['port']);
          for (const part of hit.passage.text.split(' … ')) assert.ok(body.includes(part.replace(/^…|…$/g, '')), `snippet part "${part}" is not from its article`);
        }
        const [berbera] = await store.search({ text: '"cargo ship"' });
        assert.match(berbera?.snippet ?? '', /\[cargo\]\s*\[ship\]|\[cargo ship\]/i, 'a phrase far into the article');
      });
    });

    test('search hits in a passage with brackets of its own are given by offset, never confused with the text', async () => {
      await withStore(async (store) => {
        await store.saveArticle(article('The [convoy] was attacked [again] near Goma, officials said.'), PIPELINE);
        const [hit] = await store.search({ text: 'convoy' });
        assert.ok(hit);
        assert.deepEqual(hit.passage.hits.map((h) => hit.passage.text.slice(h.start, h.end)), ['convoy']);
        assert.ok(hit.passage.text.includes('[again]'), hit.passage.text);
      });
    });

    test('search pages are ranked and stable: the pages of a query join up to its full list', async () => {
      await withStore(async (store) => {
        for (let i = 0; i < 7; i++) await store.saveArticle(article(`Report ${i}: the convoy ${'convoy '.repeat(i)}reached the town.`), PIPELINE);
        const all = (await store.search({ text: 'convoy', limit: 50 })).map((h) => h.id);
        assert.equal(all.length, 7);
        const paged = [...await store.search({ text: 'convoy', limit: 3 }), ...await store.search({ text: 'convoy', limit: 3, offset: 3 }), ...await store.search({ text: 'convoy', limit: 3, offset: 6 })];
        assert.deepEqual(paged.map((h) => h.id), all);
        assert.ok(paged.every((h, i) => i === 0 || paged[i - 1]!.score >= h.score), 'best first');
      });
    });

    test('search input with full-text syntax characters never throws', async () => {
      await withStore(async (store) => {
        await store.saveArticle(article(GOMA), PIPELINE);
        const inputs = ['"', '"convoy', 'convoy"', '(', ')', '*', '**', 'AND', 'OR', 'NOT', 'OR OR', 'convoy AND', 'NOT convoy', 'a & b | !c', '!!convoy',
          'convoy:*', "con'voy", "'", '-', '--', '^convoy', 'NEAR(convoy Goma)', 'title:convoy', '{convoy}', '[convoy]', '\\', '<->', 'a <-> b', ':', '%', '_', 'é*', '\u0000'];
        for (const text of inputs) {
          const hits = await store.search({ text });
          assert.ok(Array.isArray(hits), `search ${JSON.stringify(text)}`);
        }
        assert.equal((await store.search({ text: 'convoy:*' })).length, 1, 'punctuation around a word is ignored');
      });
    });

    test('stats count articles, sources, mentions, languages and outlets', async () => {
      await withStore(async (store) => {
        const empty = await store.stats();
        assert.deepEqual([empty.articles, empty.sources, empty.mentions], [0, 0, 0]);
        await store.saveArticle(article(GOMA, { outlet: 'Kivu Times', source: 'a.html', mentions: [mention(GOMA, 'M23', 'ORG', 'm1'), mention(GOMA, 'Goma', 'LOC', 'm2')] }), PIPELINE);
        await store.saveArticle(article(GOMA, { outlet: 'Kivu Times', source: 'b.html' }), PIPELINE);
        await store.saveArticle(article(KYIV, { outlet: 'Kyiv Post', source: 'c.html' }), PIPELINE);
        await store.saveArticle(article('Le conseil municipal a voté le budget mardi soir.', { language: 'fr', source: 'd.txt' }), 'clean@1');
        const stats = await store.stats();
        assert.equal(stats.articles, 3);
        assert.equal(stats.sources, 4, 'the Goma article came from two files');
        assert.equal(stats.mentions, 2);
        assert.deepEqual(stats.byLanguage, { en: 2, fr: 1 });
        assert.deepEqual(stats.byOutlet, { 'Kivu Times': 1, 'Kyiv Post': 1, '(unknown)': 1 });
      });
    });

    test('stores mentions with their offsets and returns the mentions layer', async () => {
      await withStore(async (store) => {
        const mentions = [mention(GOMA, 'M23', 'ORG', 'm1'), mention(GOMA, 'Goma', 'LOC', 'm2'), mention(GOMA, 'Guillaume Ndjike', 'PER', 'm3')];
        const doc = article(GOMA, { mentions });
        await store.saveArticle(doc, PIPELINE);
        const stored = await store.getArticle(doc.id);
        assert.deepEqual(stored?.layers['mentions'], mentions);
        assert.equal((await store.stats()).mentions, 3);
        for (const m of mentions) assert.equal(GOMA.slice(m.start, m.end), m.text);
      });
    });

    test('an article body with a NUL character is stored without error and keeps its length', async () => {
      await withStore(async (store) => {
        const text = `${GOMA}\u0000 trailing bytes after a NUL.`;
        const doc = article(text, { title: 'nul\u0000title', mentions: [mention(text, 'Goma', 'LOC', 'm1')] });
        assert.equal(await store.saveArticle(doc, PIPELINE), 'inserted');
        const stored = await store.getArticle(doc.id);
        assert.equal(stored?.body.length, text.length, 'offsets into the body stay valid');
      });
    });

    test('two handles saving the same article at once store one row; one inserts, the rest are duplicates', async () => {
      await withStore(async (store, fixture) => {
        const peer = await fixture.openPeer();
        try {
          const doc = article(GOMA, { mentions: [mention(GOMA, 'M23', 'ORG', 'm1')] });
          const writes = Array.from({ length: 8 }, (_, i) => (i % 2 ? peer : store).saveArticle({ ...doc, meta: { ...doc.meta, source: `worker-${i % 2}/file-${i}.html` } }, PIPELINE));
          const outcomes = await Promise.all(writes);
          assert.equal(outcomes.filter((o) => o === 'inserted').length, 1, `outcomes: ${outcomes.join(', ')}`);
          assert.equal(outcomes.filter((o) => o === 'duplicate').length, 7);
          const stats = await store.stats();
          assert.equal(stats.articles, 1);
          assert.equal(stats.sources, 8, 'every source path is recorded');
          assert.equal(stats.mentions, 1);

          const newer = article(GOMA, { mentions: [mention(GOMA, 'Goma', 'LOC', 'm1'), mention(GOMA, 'M23', 'ORG', 'm2')] });
          const upgrades = await Promise.all([store.saveArticle(newer, NEWER_PIPELINE), peer.saveArticle(newer, NEWER_PIPELINE)]);
          assert.deepEqual([...upgrades].sort(), ['duplicate', 'updated']);
          assert.equal((await peer.stats()).mentions, 2);
        } finally {
          await peer.close();
        }
      });
    });

    test('saves entity links with the article and answers entity queries', async () => {
      await withStore(async (store) => {
        const goma = article(GOMA, { outlet: 'Kivu Times', publishedAt: '2024-03-05' });
        const ndjike = entityLink('e1', 'per:guillaume ndjike', 'Guillaume Ndjike', 'PER', {
          aliases: ['Guillaume Ndjike', 'Ndjike'], mentionCount: 2, surnameKey: 'ndjike', country: 'COD',
          roles: [{ title: 'spokesman', organisation: 'armed forces', evidence: { start: GOMA.indexOf('a spokesman'), end: GOMA.indexOf('a spokesman') + 11 } }],
        });
        const m23 = entityLink('e2', 'kb:m23', 'M23', 'ORG', { kbId: 'm23', aliases: ['M23', 'March 23 Movement'], mentionCount: 3 });
        assert.equal(await store.saveArticle(goma, PIPELINE, { entities: [ndjike, m23] }), 'inserted');
        await store.saveArticle(article(KYIV, { outlet: 'Kyiv Post' }), PIPELINE, { entities: [entityLink('e1', 'kb:m23', 'M23', 'ORG', { kbId: 'm23' })] });

        assert.equal((await store.stats()).entities, 2);
        const all = await store.listEntities();
        assert.deepEqual(all.map((e) => [e.id, e.articleCount, e.mentionCount]), [['kb:m23', 2, 4], ['per:guillaume ndjike', 1, 2]]);
        assert.deepEqual((await store.listEntities({ type: 'PER' })).map((e) => e.id), ['per:guillaume ndjike']);
        assert.deepEqual((await store.listEntities({ search: 'march 23' })).map((e) => e.id), ['kb:m23'], 'search looks at aliases, ignoring case');
        assert.deepEqual((await store.listEntities({ search: 'NDJ' })).map((e) => e.id), ['per:guillaume ndjike'], 'from any word start');
        assert.deepEqual((await store.listEntities({ search: 'guillaume  nd' })).map((e) => e.id), ['per:guillaume ndjike'], 'across words, spaces normalised');
        assert.deepEqual((await store.listEntities({ search: 'djike' })).map((e) => e.id), [], 'not from inside a word');
        assert.deepEqual((await store.listEntities({ search: 'm', type: 'PER' })).map((e) => e.id), [], 'search and type together');
        assert.deepEqual(await store.listEntities({ search: '  ' }), []);
        assert.deepEqual((await store.listEntities({ limit: 1, offset: 1 })).map((e) => e.id), ['per:guillaume ndjike']);

        const person = await store.getEntity('per:guillaume ndjike');
        assert.ok(person);
        assert.equal(person.country, 'COD');
        assert.deepEqual(person.aliases.map((a) => a.alias).sort(), ['Guillaume Ndjike', 'Ndjike']);
        assert.deepEqual(person.roles.map((r) => [r.title, r.organisation, r.articleId]), [['spokesman', 'armed forces', goma.id]]);
        assert.deepEqual(person.articles.map((a) => [a.articleId, a.outlet, a.mentionCount, a.reason]), [[goma.id, 'Kivu Times', 2, 'test link']]);
        assert.deepEqual(person.mentionsByOutlet, { 'Kivu Times': 2 });
        assert.equal(person.articlesTotal, 1);

        const links = await store.articleEntityLinks(goma.id);
        assert.deepEqual(links, [
          { docEntityId: 'e1', entityId: 'per:guillaume ndjike', name: 'Guillaume Ndjike', reason: 'test link' },
          { docEntityId: 'e2', entityId: 'kb:m23', name: 'M23', reason: 'test link' },
        ]);
        assert.deepEqual(await store.articleEntityLinks('0000'), []);
        assert.equal((await store.getEntity('NDJIKE'))?.id, 'per:guillaume ndjike', 'by alias, ignoring case');
        assert.equal((await store.getEntity('march 23 movement'))?.id, 'kb:m23');
        assert.equal(await store.getEntity('nobody'), undefined);
        // findEntity finds what getEntity finds (by id, name or alias, ignoring case), with none of its details.
        const { aliases: _aliases, roles: _roles, articles: _articles, articlesTotal: _total, mentionsByOutlet: _outlets, ...canonical } = person;
        assert.deepEqual(await store.findEntity('per:guillaume ndjike'), canonical);
        assert.deepEqual(await store.findEntity('NDJIKE'), canonical, 'by alias, ignoring case');
        assert.equal((await store.findEntity('march 23 movement'))?.id, 'kb:m23');
        assert.equal((await store.findEntity('m23'))?.id, 'kb:m23', 'by name, ignoring case');
        assert.equal(await store.findEntity('nobody'), undefined);

        const known = await store.findPeopleBySurname(['ndjike', 'smith']);
        assert.deepEqual(known.get('ndjike')?.map((k) => [k.id, k.name, k.country, k.isSurnameOnly]), [['per:guillaume ndjike', 'Guillaume Ndjike', 'COD', false]]);
        assert.deepEqual(known.get('smith') ?? [], []);
      });
    });

    test('entity types by name: the per/org/loc/misc entities of a name key that articles still link (issue 16)', async () => {
      await withStore(async (store) => {
        await store.saveArticle(article(GOMA), PIPELINE, { entities: [entityLink('e1', 'org:lantern guard', 'Lantern Guard', 'ORG', { mentionCount: 4 }), entityLink('e2', 'per:lantern guard', 'Lantern Guard', 'PER')] });
        await store.saveArticle(article(KYIV), PIPELINE, { entities: [entityLink('e1', 'org:lantern guard', 'Lantern Guard', 'ORG', { mentionCount: 2 }), entityLink('e2', 'kb:m23', 'M23', 'ORG', { kbId: 'm23' })] });
        const types = await store.entityTypesByName(['lantern guard', 'm23', 'nobody']);
        assert.deepEqual(types.get('lantern guard'), [{ type: 'ORG', mentions: 6, articles: 2 }, { type: 'PER', mentions: 1, articles: 1 }]);
        assert.deepEqual(types.get('m23'), [], 'knowledge-base entities are not counted by name');
        assert.deepEqual(types.get('nobody'), []);
        assert.deepEqual(await store.entityTypesByName([]), new Map());
      });
    });

    test('an updated article replaces its entity links; a duplicate leaves them alone', async () => {
      await withStore(async (store) => {
        const doc = article(GOMA);
        await store.saveArticle(doc, PIPELINE, { entities: [entityLink('e1', 'org:m23', 'M23', 'ORG')] });
        assert.equal(await store.saveArticle(doc, PIPELINE, { entities: [entityLink('e1', 'loc:goma', 'Goma', 'LOC')] }), 'duplicate');
        assert.deepEqual((await store.listEntities()).map((e) => e.id), ['org:m23']);
        assert.equal(await store.saveArticle(doc, NEWER_PIPELINE, { entities: [entityLink('e1', 'loc:goma', 'Goma', 'LOC', { mentionCount: 3 })] }), 'updated');
        assert.deepEqual((await store.listEntities()).map((e) => [e.id, e.articleCount, e.mentionCount]), [['loc:goma', 1, 3]], 'an entity no article links any more is not listed');
        assert.equal((await store.stats()).entities, 1);
        assert.deepEqual((await store.getEntity('org:m23'))?.articles, [], 'the old entity keeps its row, with no article');
        assert.equal((await store.getEntity('org:m23'))?.articleCount, 0);
        assert.deepEqual((await store.articleEntityLinks(doc.id)).map((l) => l.entityId), ['loc:goma']);
      });
    });

    test('two handles saving articles that share entities, in opposite order, both succeed', async () => {
      await withStore(async (store, fixture) => {
        const peer = await fixture.openPeer();
        try {
          const links = (ids: string[]) => ids.map((id, i) => entityLink(`e${i}`, id, id.slice(4), 'ORG'));
          const ids = Array.from({ length: 12 }, (_, i) => `org:group-${String(i).padStart(2, '0')}`);
          const writes = Array.from({ length: 6 }, (_, i) => {
            const order = i % 2 ? [...ids].reverse() : ids;
            return (i % 2 ? peer : store).saveArticle(article(`${GOMA} Report ${i}.`), PIPELINE, { entities: links(order) });
          });
          assert.deepEqual(await Promise.all(writes), Array(6).fill('inserted'));
          const entities = await store.listEntities({ limit: 50 });
          assert.equal(entities.length, 12);
          assert.ok(entities.every((e) => e.articleCount === 6), 'every article links every entity');
          assert.ok(entities.every((e) => e.mentionCount === 6), 'counts kept by concurrent writers add up');
          const pairs = await store.listCooccurrences({ limit: 100 });
          assert.equal(pairs.length, 66);
          assert.ok(pairs.every((p) => p.articles === 6));
        } finally {
          await peer.close();
        }
      });
    });

    test('co-occurrences count the articles two entities share', async () => {
      await withStore(async (store) => {
        await store.saveArticle(article(GOMA), PIPELINE, { entities: [entityLink('e1', 'org:m23', 'M23', 'ORG'), entityLink('e2', 'loc:goma', 'Goma', 'LOC')] });
        await store.saveArticle(article(`${GOMA} More.`), PIPELINE, { entities: [entityLink('e1', 'org:m23', 'M23', 'ORG'), entityLink('e2', 'loc:goma', 'Goma', 'LOC'), entityLink('e3', 'per:ndjike', 'Ndjike', 'PER')] });
        const goma = { aName: 'Goma', aType: 'LOC' };
        assert.deepEqual(await store.listCooccurrences(), [
          { a: 'loc:goma', b: 'org:m23', articles: 2, ...goma, bName: 'M23', bType: 'ORG' },
          { a: 'loc:goma', b: 'per:ndjike', articles: 1, ...goma, bName: 'Ndjike', bType: 'PER' },
          { a: 'org:m23', b: 'per:ndjike', articles: 1, aName: 'M23', aType: 'ORG', bName: 'Ndjike', bType: 'PER' },
        ]);
        assert.deepEqual((await store.listCooccurrences({ minArticles: 2 })).map((p) => [p.a, p.b, p.articles]), [['loc:goma', 'org:m23', 2]]);
        assert.deepEqual((await store.listCooccurrences({ entityId: 'per:ndjike' })).length, 2);
        assert.deepEqual((await store.listCooccurrences({ among: ['org:m23', 'per:ndjike'] })).map((p) => [p.a, p.b]), [['org:m23', 'per:ndjike']]);
        assert.deepEqual(await store.listCooccurrences({ among: [] }), []);
        assert.equal((await store.listCooccurrences({ limit: 1 })).length, 1);
      });
    });

    test('co-occurrences follow updates: an updated article takes back its pairs, a duplicate changes nothing', async () => {
      await withStore(async (store) => {
        const first = article(GOMA);
        const pair = [entityLink('e1', 'org:m23', 'M23', 'ORG'), entityLink('e2', 'loc:goma', 'Goma', 'LOC')];
        await store.saveArticle(first, PIPELINE, { entities: pair });
        await store.saveArticle(article(`${GOMA} More.`), PIPELINE, { entities: pair });
        await store.saveArticle(first, PIPELINE, { entities: pair });
        assert.deepEqual((await store.listCooccurrences()).map((p) => [p.a, p.b, p.articles]), [['loc:goma', 'org:m23', 2]]);
        await store.saveArticle(first, NEWER_PIPELINE, { entities: [entityLink('e1', 'org:m23', 'M23', 'ORG'), entityLink('e2', 'per:ndjike', 'Ndjike', 'PER')] });
        assert.deepEqual((await store.listCooccurrences()).map((p) => [p.a, p.b, p.articles]), [['loc:goma', 'org:m23', 1], ['org:m23', 'per:ndjike', 1]]);
        await store.saveArticle(first, PIPELINE, { entities: [] });
        assert.deepEqual((await store.listCooccurrences()).map((p) => [p.a, p.b, p.articles]), [['loc:goma', 'org:m23', 1]], 'a pair no article names any more is gone');
      });
    });

    test('an article with many entities pairs only its 30 most mentioned; two links to one entity count once', async () => {
      await withStore(async (store) => {
        const links = Array.from({ length: 40 }, (_, i) => entityLink(`e${i}`, `org:g${String(i).padStart(2, '0')}`, `Group ${i}`, 'ORG', { mentionCount: 40 - i }));
        links.push(entityLink('e40', 'org:g00', 'G0', 'ORG', { mentionCount: 5 }));
        await store.saveArticle(article(GOMA), PIPELINE, { entities: links });
        const pairs = await store.listCooccurrences({ limit: 1000 });
        assert.equal(pairs.length, (30 * 29) / 2);
        assert.ok(pairs.every((p) => p.a < 'org:g30' && p.b < 'org:g30'), 'only the 30 most mentioned');
        const g0 = await store.getEntity('org:g00');
        assert.deepEqual([g0?.articleCount, g0?.mentionCount], [1, 45]);
      });
    });

    test('an entity page returns a page of its articles, with the total and mentions by outlet over all of them', async () => {
      await withStore(async (store) => {
        const docs = Array.from({ length: 5 }, (_, i) => article(`${GOMA} Report ${i}.`, { outlet: i < 3 ? 'Kivu Times' : 'Radio Okapi', publishedAt: `2024-03-0${5 - i}` }));
        for (const doc of docs) await store.saveArticle(doc, PIPELINE, { entities: [entityLink('e1', 'org:m23', 'M23', 'ORG', { mentionCount: 2 })] });
        const all = await store.getEntity('org:m23');
        assert.deepEqual(all?.articles.map((a) => a.articleId), [...docs].reverse().map((d) => d.id), 'oldest first, every article by default');
        const page = await store.getEntity('M23', { articlesLimit: 2, articlesOffset: 1 });
        assert.deepEqual(page?.articles.map((a) => a.articleId), all?.articles.slice(1, 3).map((a) => a.articleId));
        assert.equal(page?.articlesTotal, 5);
        assert.deepEqual(page?.mentionsByOutlet, { 'Kivu Times': 6, 'Radio Okapi': 4 });
        assert.deepEqual((await store.getEntity('org:m23', { articlesLimit: 2, articlesOffset: 10 }))?.articles, []);
      });
    });

    test('an entity page counts aliases (most used first), orders roles by date and puts articles without an outlet under (unknown)', async () => {
      await withStore(async (store) => {
        const spokesman = GOMA.indexOf('a spokesman');
        const docs = [
          article(`${GOMA} Update one.`, { outlet: 'Kivu Times', publishedAt: '2024-03-07' }),
          article(`${GOMA} Update two.`, { publishedAt: '2024-03-06' }),
          article(`${GOMA} Update three.`, { outlet: 'Radio Okapi', publishedAt: '2024-03-05' }),
        ];
        const roles = [
          { title: 'spokesman', organisation: 'armed forces', from: '2024-02', evidence: { start: spokesman, end: spokesman + 11 } },
          { title: 'colonel', evidence: { start: spokesman, end: spokesman + 11 } },
          { title: 'spokesman', organisation: 'armed forces', from: '2023-11', evidence: { start: spokesman, end: spokesman + 11 } },
        ];
        for (const [i, doc] of docs.entries()) {
          await store.saveArticle(doc, PIPELINE, { entities: [entityLink('e1', 'per:guillaume ndjike', 'Guillaume Ndjike', 'PER', {
            aliases: i === 0 ? ['Guillaume Ndjike', 'Ndjike'] : ['Ndjike'], mentionCount: i + 1, roles: [roles[i]!],
          })] });
        }
        const person = await store.getEntity('Ndjike');
        assert.deepEqual(person?.aliases, [{ alias: 'Ndjike', count: 3 }, { alias: 'Guillaume Ndjike', count: 1 }]);
        // A role with no date sorts by its article's date (2024-03-06), after the dated ones.
        assert.deepEqual(person?.roles.map((r) => [r.title, r.organisation, r.from, r.to, r.articleId, r.start, r.end]), [
          ['spokesman', 'armed forces', '2023-11', null, docs[2]!.id, spokesman, spokesman + 11],
          ['spokesman', 'armed forces', '2024-02', null, docs[0]!.id, spokesman, spokesman + 11],
          ['colonel', null, null, null, docs[1]!.id, spokesman, spokesman + 11],
        ]);
        assert.deepEqual(person?.articles, [
          { articleId: docs[2]!.id, title: null, outlet: 'Radio Okapi', publishedAt: '2024-03-05', mentionCount: 3, reason: 'test link' },
          { articleId: docs[1]!.id, title: null, outlet: null, publishedAt: '2024-03-06', mentionCount: 2, reason: 'test link' },
          { articleId: docs[0]!.id, title: null, outlet: 'Kivu Times', publishedAt: '2024-03-07', mentionCount: 1, reason: 'test link' },
        ]);
        assert.deepEqual(person?.mentionsByOutlet, { 'Kivu Times': 1, '(unknown)': 2, 'Radio Okapi': 3 });
      });
    });

    test('dictionaries are saved, replaced by file, and listed', async () => {
      await withStore(async (store) => {
        await store.saveDictionary({ file: 'dict/actors.txt', kind: 'actors', text: 'TIGRIS_GUARDIANS\n', entries: 1 });
        await store.saveDictionary({ file: 'dict/verbs.txt', kind: 'verbs', text: '--- FIRE [190] ---\n', entries: 1 });
        await store.saveDictionary({ file: 'dict/actors.txt', kind: 'actors', text: 'TIGRIS_GUARDIANS\nSAHEL_FRONT\n', entries: 2 });
        const list = await store.listDictionaries();
        assert.deepEqual(list.map((d) => [d.file, d.kind, d.entries]).sort(), [['dict/actors.txt', 'actors', 2], ['dict/verbs.txt', 'verbs', 1]]);
        assert.equal(list.find((d) => d.file === 'dict/actors.txt')?.text, 'TIGRIS_GUARDIANS\nSAHEL_FRONT\n');
        assert.ok(list.every((d) => !Number.isNaN(Date.parse(d.importedAt))));
      });
    });

    test('events: a cut copy (no near-duplicate group) is one origin with its original, whichever is saved first', async () => {
      // The original's paragraphs after its lead, of which the copy keeps three and adds its own closing line.
      const rest = [
        'Police said the guard was standing at the outer checkpoint when the first rocket landed in the car park.',
        'Two more rockets fell in an empty field beside the perimeter wall, an airport official told reporters.',
        'Flights were suspended for about three hours while army engineers searched the runways for unexploded ordnance.',
      ];
      const original = `${WIRE}\n\n${rest.join('\n\n')}\n\nThe airport has been targeted four times this year.`;
      const cut = `${WIRE}\n\n${rest.join('\n\n')}\n\nRead more on our Iraq page.`;
      for (const first of ['original', 'cut']) {
        await withStore(async (store) => {
          const docs = { original: eventArticle(original, 'Meridian News Agency', '2024-11-11'), cut: eventArticle(cut, 'Gulf Courier', '2024-11-11') };
          for (const name of first === 'original' ? ['original', 'cut'] as const : ['cut', 'original'] as const) await saveWithEvents(store, docs[name]);
          const [event] = await store.listEvents();
          assert.equal((await store.listEvents()).length, 1);
          assert.equal(event!.status, 'single-source', `${first} first`);
          assert.match(event!.explanation, /^1 independent origin .*Gulf Courier reuses Meridian News Agency's text/);
        });
      }
    });

    test('events: a syndicated pair is one origin, a denial contests it, re-saving changes nothing', async () => {
      await withStore(async (store) => {
        const wire = eventArticle(WIRE, 'Meridian News Agency', '2024-11-11');
        await saveWithEvents(store, wire);
        const copy = eventArticle(COPY, 'Gulf Courier', '2024-11-11');
        await saveWithEvents(store, copy, { signature: new Uint32Array([1, 2, 3]), bandKeys: ['b1'], group: wire.id, duplicates: [{ articleId: wire.id, similarity: 0.9 }] });

        let [event] = await store.listEvents();
        assert.equal((await store.listEvents()).length, 1, 'both reports merged into one event');
        assert.equal(event!.articleCount, 2);
        assert.equal(event!.status, 'single-source');
        assert.match(event!.explanation, /^1 independent origin \(Meridian News Agency\); 1 repeat not counted$/);
        assert.equal(event!.datePrecision, 'day');
        assert.equal((await store.stats()).syndicationGroups, 1);
        assert.deepEqual((await store.findSyndicationCandidates(['b1'])).map((c) => [c.articleId, c.group, [...c.signature]]), [[copy.id, wire.id, [1, 2, 3]]]);

        await saveWithEvents(store, eventArticle(DENIAL, 'Tehran Daily', '2024-11-14', { claims: [denialOf(DENIAL)] }));
        [event] = await store.listEvents();
        assert.equal(event!.status, 'contested');
        assert.match(event!.explanation, /denied by Nasser Kanaani/);

        const detail = await store.getEvent(event!.id);
        assert.equal(detail!.observations.length, 3);
        assert.equal(detail!.observations[0]!.evidence.text, WIRE);
        assert.deepEqual(detail!.countAlternatives, { fatalities: { '1': [wire.id, copy.id, detail!.observations[2]!.articleId] } });
        assert.deepEqual(detail!.actors.map((a) => [a.name, a.role]), [['Tigris Guardians Brigade', 'source']]);
        assert.equal(await store.getEvent('ev-none'), undefined);

        assert.equal(await saveWithEvents(store, copy), 'duplicate');
        assert.equal((await store.listEvents()).length, 1);
        assert.equal((await store.listEvents())[0]!.reportCount, 3, 're-saving the same article adds no report');
        assert.equal((await store.stats()).events, 1);
      });
    });

    test('events: getEvents reads many events as getEvent reads each, in the order asked, leaving unknown ids out', async () => {
      await withStore(async (store) => {
        const wire = eventArticle(WIRE, 'Meridian News Agency', '2024-11-11');
        await saveWithEvents(store, wire);
        await saveWithEvents(store, eventArticle(COPY, 'Gulf Courier', '2024-11-11'), { signature: new Uint32Array([1, 2, 3]), bandKeys: ['b1'], group: wire.id, duplicates: [{ articleId: wire.id, similarity: 0.9 }] });
        await saveWithEvents(store, datedTo(eventArticle('Tigris Guardians Brigade fired two rockets at Baghdad airport on Friday.', 'Kyiv Courier', '2023-02-04'), '2023-02-03'));
        await saveWithEvents(store, eventArticle(DENIAL, 'Tehran Daily', '2024-11-14', { claims: [denialOf(DENIAL)] }));
        const ids = (await store.listEvents()).map((e) => e.id);
        assert.ok(ids.length >= 2, `${ids.length} events`);
        const one = await Promise.all(ids.map(async (id) => (await store.getEvent(id))!));
        assert.ok(one.some((e) => e.observations.length > 1 && e.reports.length > 1 && e.actors.length > 0), 'an event with several observations, reports and actors');
        const asked = [ids.at(-1)!, 'ev-none', ...ids.slice(0, -1), ids[0]!];
        assert.deepEqual(await store.getEvents(asked), [one.at(-1)!, ...one.slice(0, -1)], 'as getEvent, in the order asked, each once');
        assert.deepEqual(await store.getEvents([]), []);
        assert.deepEqual(await store.getEvents(['ev-none']), []);
      });
    });

    test('revision moves when this handle or another commits a change, and holds while only reads happen (issue 18)', async () => {
      await withStore(async (store, fixture) => {
        const peer = await fixture.openPeer();
        try {
          const start = await store.revision();
          await store.stats();
          await peer.listEvents();
          assert.equal(await store.revision(), start, 'reads do not move it');
          const search = await peer.saveSearch({ name: 'Airport', text: 'airport', filters: {}, createdBy: null });
          const searched = await store.revision();
          assert.notEqual(searched, start, 'a saved search written by another handle');
          await saveWithEvents(store, eventArticle(WIRE, 'Meridian News Agency', '2024-11-11'));
          const saved = await store.revision();
          assert.notEqual(saved, searched, 'a save through this handle');
          assert.equal(await peer.migrate(), (await store.stats()).schemaVersion);
          assert.equal(await store.revision(), saved, 'a migrate with nothing to apply is not a change');
          await peer.markSearchSeen(search.id, await peer.feedHead());
          const seen = await store.revision();
          assert.notEqual(seen, saved, 'marked seen by another handle');
          const [event] = await store.listEvents();
          const [entity] = await store.listEntities();
          await peer.addEntityOverride({ kind: 'rename', entityId: entity!.id, name: 'Tigris Guards', previous: entity!.name, decidedBy: 'test', decidedAt: '2024-11-12T00:00:00Z' });
          const corrected = await store.revision();
          assert.notEqual(corrected, seen, 'a correction recorded by another handle');
          await saveWithEvents(peer, eventArticle(COPY, 'Gulf Courier', '2024-11-11'));
          assert.notEqual(await store.revision(), corrected, 'an article saved by another handle');
          assert.equal((await store.getEvent(event!.id))?.id, event!.id);
        } finally {
          await peer.close();
        }
      });
    });

    test('events: the summary and every observation sentence keep their first letters after emoji earlier in the body (issue 18)', async () => {
      await withStore(async (store) => {
        // Two astral characters before the sentence: SQL counts them as one character each, JavaScript as two.
        const text = `📷🎥 Pictures from the scene. ${WIRE}`;
        const doc = eventArticle(text, 'Meridian News Agency', '2024-11-11');
        const start = text.indexOf(WIRE);
        const events = doc.layers.events!.map((e) => ({ ...e, evidence: { start, end: start + WIRE.length } }));
        await saveWithEvents(store, { ...doc, layers: { ...doc.layers, events } });
        const [event] = await store.listEvents();
        assert.equal(event!.summary, WIRE);
        const detail = (await store.getEvent(event!.id))!;
        assert.equal(detail.summary, WIRE);
        assert.deepEqual(detail.observations[0]!.evidence, { start, end: start + WIRE.length, text: WIRE });
      });
    });

    test('events: an observation\'s evidence is cut by UTF-16 offsets after emoji earlier in the body, as the export reads it', async () => {
      await withStore(async (store) => {
        // SQL's substr counts 📷 as one character where the offsets count two: the cut slid by one letter per emoji.
        const text = `📷🎥 Pictures from the scene. ${WIRE} More to follow.`;
        const doc = eventArticle(text, 'Meridian News Agency', '2024-11-11');
        const start = text.indexOf(WIRE);
        const events = doc.layers.events!.map((e) => ({ ...e, evidence: { start, end: start + WIRE.length } }));
        await saveWithEvents(store, { ...doc, layers: { ...doc.layers, events } });
        const [event] = await store.listEvents();
        assert.equal((await store.getEvent(event!.id))!.observations[0]!.evidence.text, WIRE);
        assert.equal((await store.getEvents([event!.id]))[0]!.observations[0]!.evidence.text, WIRE);
      });
    });

    test('events: isLocated lists and counts only the events with coordinates (the map)', async () => {
      await withStore(async (store) => {
        await saveWithEvents(store, datedTo(eventArticle(COPY, 'Gulf Courier', '2023-01-05'), '2023-01-04'));
        await saveWithEvents(store, attackArticle(WIRE, 'Meridian News Agency', '2024-11-11'));
        assert.equal((await store.listEvents()).length, 2);
        const located = await store.listEvents({ isLocated: true });
        assert.deepEqual(located.map((e) => [e.place?.name, e.place?.lat]), [['Baghdad', 33.34]]);
        assert.equal(await store.countEvents({ isLocated: true }), 1);
      });
    });

    test('events: listMapEvents reads every located event in one call, most reported first, cut at its limit, for an entity too', async () => {
      await withStore(async (store) => {
        await seedGeneratedStore(store, 60);
        const located = await store.countEvents({ isLocated: true });
        assert.ok(located >= 60, `${located} located events`);
        const all = await store.listMapEvents({}, 5000);
        assert.equal(all.length, located, 'every one in one read');
        assert.ok(all.every((e) => Number.isFinite(e.place.lat) && Number.isFinite(e.place.lon) && e.place.name && e.summary), 'coordinates and a summary each');
        const listed = new Map((await store.listEvents({ limit: 500 })).map((e) => [e.id, e]));
        assert.ok(all.every((e) => listed.get(e.id)?.summary === e.summary && listed.get(e.id)?.status === e.status), 'the same summary and status as listEvents');
        const key = (e: MapEventRow) => [-e.reportCount, e.windowStart, e.id] as const;
        for (let i = 1; i < all.length; i++) {
          const [a, b] = [key(all[i - 1]!), key(all[i]!)];
          assert.ok(a[0] < b[0] || (a[0] === b[0] && (a[1] > b[1] || (a[1] === b[1] && a[2] < b[2]))), `order at ${i}: ${JSON.stringify([a, b])}`);
        }
        assert.deepEqual((await store.listMapEvents({ limit: 1, offset: 5 }, 3)).map((e) => e.id), all.slice(0, 3).map((e) => e.id), 'its own limit; the query\'s paging is ignored');
        const actor = listed.get(all[0]!.id)!.sourceIds[0]!;
        const theirs = await store.listMapEvents({ entityId: actor }, 5000);
        assert.ok(theirs.length >= 1 && theirs.length < all.length && theirs.every((e) => [...listed.get(e.id)!.sourceIds, ...listed.get(e.id)!.targetIds].includes(actor)));
        assert.equal(theirs.length, await store.countEvents({ entityId: actor, isLocated: true }));
      });
    });

    test('events and claims: listEventKeys and listClaimLinks read what listEvents and listClaims list, in their order and paging, without text (issue 18)', async () => {
      await withStore(async (store) => {
        await seedGeneratedStore(store, 60);
        const events = await store.listEvents({ limit: 500 });
        assert.ok(events.length >= 60, `${events.length} events`);
        const key = (e: { id: string; ploverType: string; windowStart: string; sourceIds: readonly string[]; targetIds: readonly string[]; reportCount: number; assertingOrigins: number }) =>
          ({ id: e.id, ploverType: e.ploverType, windowStart: e.windowStart, sourceIds: [...e.sourceIds], targetIds: [...e.targetIds], reportCount: e.reportCount, assertingOrigins: e.assertingOrigins });
        assert.deepEqual((await store.listEventKeys({ limit: 5000 })).map(key), events.map(key), 'every event, in time order');
        assert.deepEqual((await store.listEventKeys({ limit: 7, offset: 11 })).map(key), events.slice(11, 18).map(key), 'paged as listEvents');
        const actor = events[0]!.sourceIds[0]!;
        assert.deepEqual((await store.listEventKeys({ entityId: actor, limit: 5000 })).map((e) => e.id), (await store.listEvents({ entityId: actor, limit: 500 })).map((e) => e.id), 'filtered as listEvents');
        // A few events by id, in time order; unknown ids are no events.
        const picked = [events[40]!.id, events[3]!.id, 'no-such-event'];
        assert.deepEqual((await store.listEvents({ ids: picked, limit: 10 })).map((e) => e.id), [events[3]!.id, events[40]!.id]);
        assert.equal(await store.countEvents({ ids: picked }), 2);
        assert.deepEqual(await store.listEvents({ ids: [] }), [], 'no ids, no events');
        // Counts per day, all types together: the per-type counts summed.
        const perType = new Map<string, number>();
        for (const c of await store.countEventsByPeriod({}, 'day')) perType.set(c.period, (perType.get(c.period) ?? 0) + c.events);
        const together = await store.countEventsByPeriod({}, 'day', { byType: false });
        assert.deepEqual(together.map((c) => [c.period, c.events]), [...perType].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
        assert.ok(together.every((c) => c.ploverType === '') && together.length > 20, `${together.length} days`);

        const claims = await store.listClaims({ limit: 500 });
        assert.ok(claims.length >= 30, `${claims.length} claims`);
        const links = claims.map((c) => ({ id: c.id, chainEntityIds: c.chain.map((s) => s.entityId), entityIds: [...c.entityIds] }));
        assert.deepEqual(await store.listClaimLinks({ limit: 5000 }), links, 'every claim, in listClaims order');
        assert.deepEqual(await store.listClaimLinks({ limit: 5, offset: 7 }), links.slice(7, 12), 'paged as listClaims');
        const about = links.find((c) => c.entityIds.length)!.entityIds[0]!;
        assert.deepEqual((await store.listClaimLinks({ entityId: about, limit: 5000 })).map((c) => c.id), (await store.listClaims({ entityId: about, limit: 500 })).map((c) => c.id), 'filtered as listClaims');
      });
    });

    test('events: listMapCells counts every located event in its grid cell, by type and place, within an area and for an entity (issue 18)', async () => {
      await withStore(async (store) => {
        await seedGeneratedStore(store, 60);
        const all = await store.listMapEvents({}, 5000);
        const cellOf = (e: MapEventRow, d: number) => `${Math.floor((e.place.lat + 90) / d)}:${Math.floor((e.place.lon + 180) / d)}`;
        for (const d of [16, 2, 0.25]) {
          const cells = await store.listMapCells({}, d);
          assert.equal(cells.reduce((sum, c) => sum + c.events, 0), all.length, `every located event in one cell of ${d}°`);
          const expected = new Map<string, MapEventRow[]>();
          for (const e of all) expected.set(cellOf(e, d), [...(expected.get(cellOf(e, d)) ?? []), e]);
          assert.deepEqual(cells.map((c) => `${c.row}:${c.col}`), [...expected.keys()].sort((a, b) => {
            const [ra, ca] = a.split(':').map(Number) as [number, number];
            const [rb, cb] = b.split(':').map(Number) as [number, number];
            return ra - rb || ca - cb;
          }), 'cells by row, then column');
          for (const c of cells) {
            const members = expected.get(`${c.row}:${c.col}`)!;
            assert.equal(c.events, members.length);
            assert.ok(Math.abs(c.lat - members.reduce((s, e) => s + e.place.lat, 0) / members.length) < 1e-9, 'its mean latitude');
            assert.equal(c.types.reduce((s, t) => s + t.events, 0), c.events, 'its types add up');
            const names = new Map<string, number>();
            for (const e of members) names.set(e.place.name, (names.get(e.place.name) ?? 0) + 1);
            const commonest = [...names].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3).map(([name, events]) => ({ name, events }));
            assert.deepEqual(c.places, commonest, 'its commonest places, ties by name');
            assert.equal(c.placeCount, names.size);
          }
        }
        // Cells of one grid, read back: exactly their events, a page at a time, with the same count.
        const cells = await store.listMapCells({}, 2);
        const busiest = [...cells].sort((a, b) => b.events - a.events).slice(0, 2);
        const keys = busiest.map((c) => [c.row, c.col] as const);
        const inCells = await store.listMapEvents({ cells: { cellDegrees: 2, keys } }, 5000);
        assert.equal(inCells.length, busiest[0]!.events + busiest[1]!.events);
        assert.ok(inCells.every((e) => keys.some(([r, c]) => cellOf(e, 2) === `${r}:${c}`)));
        assert.equal(await store.countEvents({ cells: { cellDegrees: 2, keys } }), inCells.length);
        const paged = [...await store.listMapEvents({ cells: { cellDegrees: 2, keys } }, 5, 0), ...await store.listMapEvents({ cells: { cellDegrees: 2, keys } }, 5, 5)];
        assert.deepEqual(paged.map((e) => e.id), inCells.slice(0, 10).map((e) => e.id), 'paged by offset in the map order');
        assert.deepEqual(await store.listMapEvents({ cells: { cellDegrees: 2, keys: [] } }, 10), [], 'no cells, no events');
        // An area keeps the events inside it, bounds included.
        const iraq = { south: 29, west: 38.5, north: 37.5, east: 48.5 };
        const inside = all.filter((e) => e.place.lat >= iraq.south && e.place.lat <= iraq.north && e.place.lon >= iraq.west && e.place.lon <= iraq.east);
        assert.ok(inside.length >= 1 && inside.length < all.length);
        assert.equal((await store.listMapCells({ area: iraq }, 16)).reduce((s, c) => s + c.events, 0), inside.length);
        assert.deepEqual((await store.listMapEvents({ area: iraq }, 5000)).map((e) => e.id), inside.map((e) => e.id));
        // An entity's cells count its events only.
        const listed = await store.listEvents({ limit: 500 });
        const actor = listed.find((e) => e.place?.lat != null)!.sourceIds[0]!;
        assert.equal((await store.listMapCells({ entityId: actor }, 16)).reduce((s, c) => s + c.events, 0), await store.countEvents({ entityId: actor, isLocated: true }));
        await assert.rejects(store.listMapCells({}, 0), /more than 0/);
      });
    });

    test('events: an event nothing dates is kept, listed last as undated, and never merged', async () => {
      await withStore(async (store) => {
        const dated = eventArticle(WIRE, 'Meridian News Agency', '2024-11-11');
        await saveWithEvents(store, dated);
        const undatedDoc = (text: string): Doc => {
          const doc = eventArticle(text, 'Undated Wire', '');
          return { ...doc, layers: { ...doc.layers, times: [] } };
        };
        await saveWithEvents(store, undatedDoc(COPY));
        await saveWithEvents(store, undatedDoc(DENIAL));
        const events = await store.listEvents();
        assert.equal(events.length, 3, 'undated reports do not merge, with the dated one or each other');
        assert.deepEqual(events.map((e) => e.datePrecision), ['day', 'unknown', 'unknown']);
        assert.equal((await store.listEvents({ from: '2024-01-01' })).length, 1, 'a date filter leaves undated events out');
        const type = events[0]!.ploverType;
        assert.deepEqual(await store.countEventsByPeriod({}, 'month'), [{ period: '', ploverType: type, events: 2 }, { period: '2024-11', ploverType: type, events: 1 }], 'undated events are counted under ""');
      });
    });

    test('timeline reads: events bounded by where their window starts, articles oldest first and counted by period', async () => {
      await withStore(async (store) => {
        await saveWithEvents(store, datedTo(eventArticle(COPY, 'Gulf Courier', '2023-01-05'), '2023-01-04'));
        await saveWithEvents(store, attackArticle(WIRE, 'Meridian News Agency', '2024-11-11'));
        const undated = eventArticle(DENIAL, 'Undated Wire', '');
        await saveWithEvents(store, { ...undated, layers: { ...undated.layers, times: [] } });
        assert.equal((await store.listEvents()).length, 3);
        assert.deepEqual((await store.listEvents({ startFrom: '2023', startTo: '2023\uffff' })).map((e) => e.windowStart), ['2023-01-04']);
        assert.deepEqual((await store.listEvents({ startFrom: '2024-11-10' })).map((e) => e.windowStart), ['2024-11-10']);
        assert.equal(await store.countEvents({ startFrom: '0' }), 2, 'a start bound leaves undated events out');
        assert.deepEqual((await store.listEvents({ startTo: '' })).map((e) => e.windowStart), [''], "startTo '' keeps the undated events alone");

        const oldest = await store.search({ filter: { from: '2023' }, isOldestFirst: true, withSnippets: false });
        assert.deepEqual(oldest.map((h) => h.outlet), ['Gulf Courier', 'Meridian News Agency']);
        assert.deepEqual((await store.search({ filter: { from: '2023' }, withSnippets: false })).map((h) => h.outlet), ['Meridian News Agency', 'Gulf Courier'], 'newest first by default');
        assert.deepEqual((await store.search({ filter: { from: '2023' }, isOldestFirst: true, limit: 1, offset: 1 })).map((h) => h.outlet), ['Meridian News Agency']);

        assert.deepEqual(await store.countArticlesByPeriod({}, 'month'), [{ period: '', articles: 1 }, { period: '2023-01', articles: 1 }, { period: '2024-11', articles: 1 }], 'undated articles under ""');
        assert.deepEqual(await store.countArticlesByPeriod({ from: '2024' }, 'day'), [{ period: '2024-11-11', articles: 1 }]);
        assert.deepEqual(await store.countArticlesByPeriod({ outlet: 'gulf courier' }, 'year'), [{ period: '2023', articles: 1 }]);
      });
    });

    test('events: two independent outlets corroborate; events filter by entity and date range', async () => {
      await withStore(async (store) => {
        await saveWithEvents(store, eventArticle(WIRE, 'Meridian News Agency', '2024-11-11'));
        await saveWithEvents(store, eventArticle('Tigris Guardians Brigade fired two rockets at Baghdad airport on Sunday.', 'Kyiv Courier', '2024-11-12'));
        const [militia] = await store.listEntities({ search: 'Tigris' });
        const [event] = await store.listEvents({ entityId: militia!.id });
        assert.equal(event?.status, 'corroborated');
        assert.equal(event?.assertingOrigins, 2);
        const [first, joined] = (await store.getEvent(event!.id))!.observations;
        assert.deepEqual([first!.reasons, first!.score], [['first report'], 0]);
        assert.ok(joined!.score > 0, 'the join is stored with its score');
        assert.ok(joined!.reasons.some((r) => r.startsWith('shared participant')), joined!.reasons.join('; '));
        assert.ok(joined!.reasons.includes(`score ${joined!.score}`));
        assert.equal((await store.listEvents({ from: '2024-12-01' })).length, 0);
        assert.equal((await store.listEvents({ to: '2024-11-10', from: '2024-11-10' })).length, 1);
        assert.equal((await store.listEvents({ status: 'denied' })).length, 0);
        assert.equal(await store.countEvents(), 1);
        assert.equal(await store.countEvents({ entityId: militia!.id, limit: 0 }), 1, 'limit and offset are ignored');
        assert.equal(await store.countEvents({ status: 'denied' }), 0);
        const [observed] = await store.search({ text: 'Baghdad' });
        assert.equal(await store.countEvents({ articleIds: [observed!.id] }), 1);
        assert.equal((await store.listEvents({ articleIds: [observed!.id] })).length, 1);
        assert.equal(await store.countEvents({ articleIds: [] }), 0);
        const byDay = await store.countEventsByPeriod({ entityId: militia!.id }, 'day');
        assert.deepEqual(byDay, [{ period: '2024-11-10', ploverType: event!.ploverType, events: 1 }]);
        assert.deepEqual((await store.countEventsByPeriod({}, 'year')).map((c) => [c.period, c.events]), [['2024', 1]]);
        assert.deepEqual(await store.countEventsByPeriod({ status: 'denied' }, 'month'), []);
        assert.deepEqual(await store.countEventsByPeriod({ status: 'denied' }, 'month', { byType: false }), []);
      });
    });

    test('claims: stored as rows with chain, stance, entities and events; filtered, counted and answered', async () => {
      await withStore(async (store) => {
        const wire = withClaims(attackArticle(WIRE, 'Meridian News Agency', '2024-11-11'), [anonymousClaim(WIRE)]);
        await saveWithEvents(store, wire);
        const denial = withClaims(attackArticle(DENIAL, 'Tehran Daily', '2024-11-14', { place: false }), [reportClaim(DENIAL), { ...denialOf(DENIAL), id: 'c2', respondsToClaimId: 'c1' }]);
        await saveWithEvents(store, denial);
        const [militia] = await store.listEntities({ search: 'Tigris' });

        const all = await store.listClaims();
        assert.deepEqual(all.map((c) => [c.id, c.stance, c.isAnonymous]), [[`${wire.id}:c1`, 'asserted', true], [`${denial.id}:c1`, 'asserted', false], [`${denial.id}:c2`, 'denied', false]]);
        const first = all[0]!;
        assert.equal(first.outlet, 'Meridian News Agency');
        assert.equal(first.publishedAt, '2024-11-11');
        assert.equal(first.evidence.text, WIRE);
        assert.equal(first.content.text, WIRE.slice(0, WIRE.indexOf(',')));
        assert.equal(first.cue, null);
        assert.deepEqual(first.chain.map((s) => [s.kind, s.name, s.role, s.count]), [['outlet', 'Meridian News Agency', null, null], ['anonymous', 'security officials', 'official', 'multiple']]);
        assert.deepEqual(first.entityIds, [militia!.id], 'the militia is named in what is claimed');
        const [event] = await store.listEvents();
        assert.deepEqual(first.events, [{ id: event!.id, ploverType: 'ASSAULT', status: 'contested' }], 'the event with its status now');

        assert.equal(await store.countClaims(), 3);
        assert.equal(await store.countClaims({ stance: 'denied', limit: 1 }), 1, 'limit is ignored by the count');
        assert.deepEqual((await store.listClaims({ isAnonymous: true })).map((c) => c.id), [first.id]);
        assert.equal((await store.listClaims({ isAnonymous: false })).length, 2);
        assert.equal((await store.listClaims({ entityId: militia!.id })).length, 3);
        assert.deepEqual((await store.listClaims({ outlet: 'tehran daily' })).map((c) => c.articleId), [denial.id, denial.id], 'outlet in any case');
        assert.deepEqual((await store.listClaims({ from: '2024-11-12' })).map((c) => c.articleId), [denial.id, denial.id]);
        assert.deepEqual((await store.listClaims({ to: '2024-11-11' })).map((c) => c.articleId), [wire.id]);
        assert.equal((await store.listClaims({ articleId: wire.id })).length, 1);
        assert.equal((await store.listClaims({ eventId: event!.id })).length, 3, 'every claim carrying the event');
        assert.equal((await store.listClaims({ eventId: 'ev-none' })).length, 0);
        assert.deepEqual((await store.listClaims({ limit: 1, offset: 1 })).map((c) => c.id), [`${denial.id}:c1`]);

        const answered = await store.getClaim(`${denial.id}:c1`);
        assert.deepEqual(answered?.responses.map((c) => [c.id, c.stance, c.respondsTo]), [[`${denial.id}:c2`, 'denied', `${denial.id}:c1`]]);
        assert.equal(await store.getClaim(`${denial.id}:c9`), undefined);
        assert.equal(await store.getClaim('not a claim id'), undefined);

        assert.equal(await saveWithEvents(store, wire), 'duplicate');
        assert.equal(await store.countClaims(), 3, 're-saving adds no claim');
      });
    });

    test('claims: an updated article replaces its claim rows', async () => {
      await withStore(async (store) => {
        const doc = withClaims(attackArticle(WIRE, 'Meridian News Agency', '2024-11-11'), [anonymousClaim(WIRE), { ...anonymousClaim(WIRE), id: 'c2' }]);
        await store.saveArticle(doc, PIPELINE);
        assert.equal(await store.countClaims(), 2);
        await store.saveArticle(withClaims(doc, [anonymousClaim(WIRE)]), NEWER_PIPELINE);
        assert.deepEqual((await store.listClaims()).map((c) => c.id), [`${doc.id}:c1`]);
      });
    });

    test('claims: every kind is a row; the list keeps assertions unless asked for wishes and judgements', async () => {
      await withStore(async (store) => {
        const wish: Claim = { ...anonymousClaim(WIRE), id: 'c2', kind: 'desire', eventIds: [] };
        const judgement: Claim = { ...anonymousClaim(WIRE), id: 'c3', kind: 'evaluation', eventIds: [] };
        const doc = withClaims(attackArticle(WIRE, 'Meridian News Agency', '2024-11-11'), [anonymousClaim(WIRE), wish, judgement]);
        await store.saveArticle(doc, PIPELINE);
        const kinds = async (query: ClaimQuery) => (await store.listClaims(query)).map((c) => [c.id.slice(doc.id.length + 1), c.kind]);
        assert.deepEqual(await kinds({}), [['c1', 'assertion']], 'assertions only by default');
        assert.equal(await store.countClaims(), 1);
        assert.deepEqual(await kinds({ kinds: [] }), [['c1', 'assertion']], 'no kind given: assertions');
        assert.deepEqual(await kinds({ kinds: ['desire'] }), [['c2', 'desire']]);
        assert.deepEqual(await kinds({ kinds: ['evaluation', 'assertion'] }), [['c1', 'assertion'], ['c3', 'evaluation']], 'in article order');
        assert.deepEqual(await kinds({ kinds: CLAIM_KINDS, limit: 1, offset: 2 }), [['c3', 'evaluation']]);
        assert.equal(await store.countClaims({ kinds: CLAIM_KINDS }), 3);
        assert.equal(await store.countClaims({ kinds: ['desire'], isAnonymous: true, articleId: doc.id }), 1, 'with the other filters');
        assert.equal(await store.countClaims({ kinds: ['evaluation'], stance: 'denied' }), 0);
        assert.equal((await store.getClaim(`${doc.id}:c2`))?.kind, 'desire', 'a wish is found by its id');

        assert.equal(await store.saveArticle(doc, PIPELINE), 'duplicate');
        assert.equal(await store.countClaims({ kinds: CLAIM_KINDS }), 3, 're-saving adds no claim');
        // Re-annotated: the wish is now read as an assertion, the judgement is gone.
        await store.saveArticle(withClaims(doc, [anonymousClaim(WIRE), { ...wish, kind: 'assertion' }]), NEWER_PIPELINE);
        assert.deepEqual(await kinds({ kinds: CLAIM_KINDS }), [['c1', 'assertion'], ['c2', 'assertion']]);
        const stored = (await store.getArticle(doc.id))?.layers['claims'] as Claim[] | undefined;
        assert.deepEqual(stored?.map((c) => c.kind ?? 'assertion'), ['assertion', 'assertion'], 'the layer and the rows agree');
      });
    });

    test('search filters: entity, event type and status, place, country, outlet and dates, with or without words', async () => {
      await withStore(async (store) => {
        const wire = attackArticle(WIRE, 'Meridian News Agency', '2024-11-11');
        await saveWithEvents(store, wire);
        const denial = attackArticle(DENIAL, 'Tehran Daily', '2024-11-14', { claims: [denialOf(DENIAL)], place: false });
        await saveWithEvents(store, denial);
        const other = makeDoc({ text: KYIV, meta: { outlet: 'Kyiv Courier', publishedAt: '2024-12-01', title: 'Sirens in Kyiv' },
          layers: { places: [{ id: 'p1', start: 0, end: 0, text: 'Kyiv', isResolved: true, name: 'Kyiv', lat: 50.45, lon: 30.52, countryCode: 'UA', precision: 'city', gazetteerId: 'geonames:703448' }] } });
        await store.saveArticle(other, PIPELINE);
        const [militia] = await store.listEntities({ search: 'Tigris' });
        const ids = async (filter: ArticleFilter, text?: string) => (await store.search({ ...(text ? { text } : {}), filter })).map((h) => h.id);

        assert.deepEqual(await ids({}), [other.id, denial.id, wire.id], 'no words: every article, newest first');
        assert.deepEqual(await ids({ entityId: militia!.id }), [denial.id, wire.id]);
        assert.deepEqual((await store.search({ filter: { entityId: militia!.id }, isOldestFirst: true })).map((h) => h.id), [wire.id, denial.id], 'an entity, oldest first');
        assert.deepEqual((await store.search({ filter: { entityId: militia!.id }, limit: 1, offset: 1 })).map((h) => h.id), [wire.id], "an entity's second page");
        assert.deepEqual(await ids({ entityId: militia!.id, from: '2024-11-12' }), [denial.id], 'an entity and dates');
        assert.deepEqual(await ids({ entityId: militia!.id, outlet: 'meridian news agency' }), [wire.id], 'an entity and an outlet');
        assert.deepEqual(await ids({ ploverType: 'ASSAULT' }), [denial.id, wire.id]);
        assert.deepEqual(await ids({ ploverType: 'ASSAULT', status: 'contested' }), [denial.id, wire.id]);
        assert.deepEqual(await ids({ status: 'corroborated' }), []);
        assert.deepEqual(await ids({ place: 'baghdad' }), [denial.id, wire.id], 'a place by name, any case');
        assert.deepEqual(await ids({ place: 'geonames:703448' }), [other.id], 'a place by gazetteer id');
        assert.deepEqual(await ids({ country: 'IQ' }), [denial.id, wire.id]);
        assert.deepEqual(await ids({ country: 'UA' }), [other.id]);
        assert.deepEqual(await ids({ outlet: 'tehran daily' }), [denial.id]);
        assert.deepEqual(await ids({ from: '2024-11-12', to: '2024-11' }), [denial.id], 'to is inclusive at its precision');
        assert.deepEqual(await ids({ from: '2024-12' }), [other.id]);
        assert.deepEqual((await ids({ entityId: militia!.id }, 'rockets')).sort(), [denial.id, wire.id].sort(), 'words and filters together');
        assert.deepEqual(await ids({ outlet: 'Kyiv Courier' }, 'rockets'), []);
        assert.deepEqual(await ids({ country: 'IQ' }, 'guard'), [wire.id]);
        const [listed] = await store.search({ filter: { outlet: 'Kyiv Courier' } });
        assert.equal(listed?.passage.hits.length, 0, 'a listing has no hits to mark');
        assert.ok(listed && KYIV.replace(/\s+/g, ' ').startsWith(listed.passage.text.replace(/…$/, '')), 'its snippet is the opening of the article');
        assert.deepEqual((await store.search({ filter: {}, limit: 1, offset: 1 })).map((h) => h.id), [denial.id]);

        const facets = await store.searchFacets();
        assert.deepEqual(facets.outlets, [{ value: 'Kyiv Courier', count: 1 }, { value: 'Meridian News Agency', count: 1 }, { value: 'Tehran Daily', count: 1 }]);
        assert.deepEqual(facets.eventTypes, [{ value: 'ASSAULT', count: 1 }]);
        assert.deepEqual(facets.countries, [{ value: 'IQ', count: 2 }, { value: 'UA', count: 1 }]);
      });
    });

    test('events: a user merge and a user split hold, and are kept when an article is re-ingested', async () => {
      await withStore(async (store) => {
        // The militia's attacks of 10 November and 20 December: the rules keep them apart.
        const november = eventArticle(WIRE, 'Meridian News Agency', '2024-11-11');
        const december = datedTo(eventArticle('Tigris Guardians Brigade fired two rockets at Baghdad airport on Friday.', 'Kyiv Courier', '2024-12-21'), '2024-12-20');
        await saveWithEvents(store, november);
        await saveWithEvents(store, december);
        const [first, second] = await store.listEvents();
        assert.ok(first && second, 'two events');
        await store.mergeEvents(first.id, second.id);
        let events = await store.listEvents();
        assert.deepEqual(events.map((e) => [e.id, e.articleCount, e.status]), [[first.id, 2, 'corroborated']]);
        const moved = (await store.getEvent(first.id))!.observations.find((o) => o.articleId === december.id)!;
        assert.deepEqual(moved.reasons, ['merged by the user']);
        assert.equal(await store.getEvent(second.id), undefined);
        await assert.rejects(store.mergeEvents(first.id, 'ev-none'), /no merged event ev-none/);

        assert.equal(await saveWithEvents(store, december, undefined, { pipeline: 'test@2' }), 'updated');
        events = await store.listEvents();
        assert.deepEqual(events.map((e) => e.articleCount), [2], 're-ingested, still merged');

        const split = await store.splitEvent(events[0]!.id, { articleId: december.id, mentionId: moved.mentionId });
        assert.equal((await store.listEvents()).length, 2);
        assert.deepEqual((await store.getEvent(split))!.observations.map((o) => [o.articleId, o.reasons]), [[december.id, ['split off by the user']]]);
        // Each event is recomputed from its own observations, not copied: the split one keeps its own date.
        assert.deepEqual([(await store.getEvent(split))!.windowStart, (await store.getEvent(events[0]!.id))!.windowStart], ['2024-12-20', '2024-11-10']);
        await assert.rejects(store.splitEvent(split, { articleId: december.id, mentionId: moved.mentionId }), /nothing to split/);

        // The same date now: the rules alone would merge them, the user's split keeps them apart.
        assert.equal(await saveWithEvents(store, datedTo(december, '2024-11-10'), undefined, { pipeline: 'test@3' }), 'updated');
        assert.equal((await store.listEvents()).length, 2, 're-ingested, still split');
      });
    });

    test('events: reports of one event saved by two handles at once merge into one event', async () => {
      await withStore(async (store, fixture) => {
        const peer = await fixture.openPeer();
        try {
          const outlets = ['Meridian News Agency', 'Kyiv Courier', 'Gulf Courier', 'Tehran Daily', 'Lagos Ledger', 'Andes Post'];
          const docs = outlets.map((outlet, i) => eventArticle(`Tigris Guardians Brigade fired rockets at the airport on Sunday, report ${i} said.`, outlet, '2024-11-11'));
          // Entity links left out: their row locks would serialise these writers by accident and hide a merge race.
          const outcomes = await Promise.all(docs.map((doc, i) => saveWithEvents(i % 2 ? peer : store, doc, undefined, { isEntityLinkSaved: false })));
          assert.deepEqual(outcomes, Array(6).fill('inserted'));
          const events = await store.listEvents();
          assert.equal(events.length, 1, `one merged event, not ${events.length}`);
          assert.equal(events[0]!.articleCount, 6);
          assert.equal(events[0]!.reportCount, 6);
          assert.equal(events[0]!.assertingOrigins, 6, 'corroboration reflects every report, whichever handle saved it');
        } finally {
          await peer.close();
        }
      });
    });

    // Entity corrections (migration 10): their tests live in entity-overrides.contract.ts.
    runEntityOverrideContract({ withStore, article, entityLink, saveWithEvents: (store, doc) => saveWithEvents(store, doc), eventArticle: () => eventArticle(WIRE, 'Meridian News Agency', '2024-11-11') });
  });
}

// The event tests use the hand-built annotated articles of test/helpers/annotated-corpus.ts (no place, so only
// the militia and the date decide merges).
const eventArticle = (text: string, outlet: string, publishedAt: string, layers: { claims?: Claim[] } = {}): Doc =>
  attackArticle(text, outlet, publishedAt, { ...layers, place: false });
const denialOf = denialClaim;

/** The same article with its event dated to another day (its body, and so its id, unchanged). */
const datedTo = (doc: Doc, value: string): Doc => ({ ...doc, layers: { ...doc.layers, times: (doc.layers.times ?? []).map((t) => ({ ...t, value })) } });

/** The same article with other claims (its body, and so its id, unchanged). */
const withClaims = (doc: Doc, claims: Claim[]): Doc => ({ ...doc, layers: { ...doc.layers, claims } });

/** "<text up to the first comma>, … security officials told Meridian News Agency": an outlet relaying unnamed officials. */
function anonymousClaim(text: string): Claim {
  const cut = text.indexOf(',');
  return {
    id: 'c1', evidence: { start: 0, end: text.length }, content: { start: 0, end: cut }, isDirectQuote: false,
    chain: [{ kind: 'outlet', name: 'Meridian News Agency' }, { kind: 'anonymous', name: 'security officials', role: 'official', count: 'multiple' }],
    stance: 'asserted', isHedged: false, eventIds: ['v1'],
  };
}

/** The report a denial answers, attributed to the outlet that first carried it. */
function reportClaim(text: string): Claim {
  return {
    id: 'c1', evidence: { start: 0, end: text.length }, content: { start: 0, end: text.indexOf(',') }, isDirectQuote: false,
    chain: [{ kind: 'outlet', name: 'Meridian News Agency' }], stance: 'asserted', isHedged: false, eventIds: ['v1'],
  };
}

/** Saves like ingest does: entity links and event observations computed, then one transaction. */
async function saveWithEvents(store: Store, doc: Doc, syndication?: SyndicationLinks, options: { isEntityLinkSaved?: boolean; pipeline?: string } = {}) {
  const entities = linkEntities(doc.layers.entities ?? [], new Map());
  const group = syndication?.group ?? doc.id;
  const events = observeEvents(doc, entities, group);
  return store.saveArticle(doc, options.pipeline ?? 'test@1', { ...(options.isEntityLinkSaved === false ? {} : { entities }), events, ...(syndication ? { syndication } : {}) });
}

/** An entity link as the linker would produce it, with test defaults. */
function entityLink(docEntityId: string, entityId: string, name: string, type: EntityLink['type'], extra: Partial<EntityLink> = {}): EntityLink {
  return {
    docEntityId, entityId, name, type, kind: type === 'PER' ? 'person' : type === 'ORG' ? 'armed-group' : 'other', nameKey: name.toLowerCase(),
    isSurnameOnly: false, aliases: [name], mentionCount: 1, roles: [], reason: 'test link', ...extra,
  };
}

/** A Doc over `text` with metadata overrides and, optionally, a mentions layer. */
function article(text: string, options: { source?: string; title?: string; outlet?: string; url?: string; publishedAt?: string; language?: string; mentions?: Mention[] } = {}): Doc {
  const { mentions, source, language, ...meta } = options;
  return makeDoc({
    text,
    meta: { source: source ?? 'test/article.html', format: 'html', language: language ?? 'en', ...meta },
    layers: mentions ? { mentions } : {},
  });
}

/** A mention of the first occurrence of `surface` in `text`. */
function mention(text: string, surface: string, type: Mention['type'], id: string): Mention {
  const start = text.indexOf(surface);
  if (start < 0) throw new Error(`"${surface}" is not in the text`);
  return { id, start, end: start + surface.length, text: surface, type, tokenStart: 0, tokenEnd: 1, origin: 'ner' };
}

/** Two different bodies whose article ids share their first `chars` hex digits (found by trying, ~300 tries for 4). */
function twoBodiesSharingIdPrefix(chars: number): [string, string] {
  const seen = new Map<string, string>();
  for (let i = 0; ; i++) {
    const body = `Report ${i}: talks resumed in the capital.`;
    const prefix = articleId(body).slice(0, chars);
    const other = seen.get(prefix);
    if (other) return [other, body];
    seen.set(prefix, body);
  }
}

/**
 * Rows of a store at schema version 4 (before entity counts, name keys and pairs existed), as plain SQL both
 * dialects accept, for each adapter's test that migrations 5 and 6 fill their new tables from them.
 */
export const VERSION_4_ROWS_SQL: readonly string[] = [
  ...['a1', 'b2'].map((id, i) => `INSERT INTO articles (id, source, format, language, body, paragraphs, comments, captions, boilerplate, pipeline, ingested_at)
    VALUES ('${id.repeat(32)}', 'in/${i}.txt', 'text', 'en', 'Body ${i}: Kyïv ${'x'.repeat(i)}.', '[]', '[]', '[]', '[]', 'old@1', '2024-01-0${i + 1}T00:00:00Z')`),
  `INSERT INTO entities (id, name, type, kind, name_key) VALUES ('org:m23', 'M23', 'ORG', 'armed-group', 'm23'), ('loc:goma', 'Goma', 'LOC', 'other', 'goma'),
    ('per:ndjike', 'Guillaume Ndjike', 'PER', 'person', 'guillaume ndjike')`,
  `INSERT INTO article_entities (article_id, doc_entity_id, entity_id, name, mention_count, reason) VALUES
    ('${'a1'.repeat(32)}', 'e1', 'org:m23', 'M23', 2, 'r'), ('${'a1'.repeat(32)}', 'e2', 'loc:goma', 'Goma', 1, 'r'), ('${'a1'.repeat(32)}', 'e3', 'org:m23', 'M-23', 1, 'r'),
    ('${'b2'.repeat(32)}', 'e1', 'org:m23', 'M23', 1, 'r'), ('${'b2'.repeat(32)}', 'e2', 'per:ndjike', 'Ndjike', 3, 'r')`,
  `INSERT INTO entity_aliases (entity_id, article_id, alias) VALUES ('org:m23', '${'a1'.repeat(32)}', 'March 23 Movement'), ('per:ndjike', '${'b2'.repeat(32)}', 'Colonel Ndjike')`,
];

/** Checks a store migrated from VERSION_4_ROWS_SQL: counts, name search, pairs, entity pages and body lengths come from the old rows. */
export async function assertBackfillFromVersion4(store: Store): Promise<void> {
  assert.deepEqual((await store.listEntities()).map((e) => [e.id, e.articleCount, e.mentionCount]), [['org:m23', 2, 4], ['per:ndjike', 1, 3], ['loc:goma', 1, 1]]);
  assert.deepEqual((await store.listEntities({ search: 'march' })).map((e) => e.id), ['org:m23'], 'aliases are searchable');
  assert.deepEqual((await store.listEntities({ search: 'ndj' })).map((e) => e.id), ['per:ndjike']);
  assert.deepEqual((await store.listCooccurrences()).map((p) => [p.a, p.b, p.articles]), [['loc:goma', 'org:m23', 1], ['org:m23', 'per:ndjike', 1]]);
  assert.deepEqual((await store.listArticles()).map((a) => a.bodyChars), ['Body 0: Kyïv .'.length, 'Body 1: Kyïv x.'.length]);
  assert.equal(await store.countArticles(), 2);
  const m23 = await store.getEntity('org:m23', { articlesLimit: 10 });
  assert.deepEqual(m23?.articles.map((a) => [a.mentionCount, a.reason]), [[3, 'r; r'], [1, 'r']], 'entity pages from the old links, oldest first');
  assert.deepEqual(m23?.mentionsByOutlet, { '(unknown)': 4 });
}

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { PlaceRef } from '../model/index.js';
import type { Store } from '../store/store.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { openPostgresStore } from '../store/postgres/index.js';
import { createTestSchema, POSTGRES_SKIP_REASON } from '../../test/helpers/postgres-schema.js';
import { composePipeline, type ComposedPipeline } from './compose-pipeline.js';
import { exportAs } from './export.js';
import { ingest } from './ingest.js';
import { readInput } from '../ingest/read-input.js';

// A county weekly's stories (invented): three name towns of north-central Florida, the fourth only "Marion County",
// which a dozen states have. The host names no town ("the county ledger" is all masthead words).
const LEDGER = 'https://www.thecountyledger.example/news/';
const STORIES: Readonly<Record<string, string>> = {
  bus: 'Alachua County commissioners voted on Tuesday to extend the evening bus route from Gainesville to Newberry and High Springs. The county transit director said ridership between Gainesville and Alachua had doubled since the spring, and that riders in Newberry had asked for a later last bus.',
  fire: 'A brush fire west of Ocala closed part of State Road 40 for three hours on Sunday, the Florida Forest Service said. Crews from Dunnellon and Belleview helped contain the fire, which burned about 60 acres of pine scrub before it was stopped at a dirt road.',
  school: 'The school board in Starke approved a new contract for bus drivers on Monday. Drivers who live in Lake Butler and Keystone Heights will be paid for the extra miles, the board said, after several of them left for jobs in Gainesville last year.',
  crash: 'Deputies said a pickup truck left the road and struck a tree in Marion County late Saturday. The driver, a 34-year-old man, was taken to a hospital with serious injuries. No one else was hurt, and the road reopened before dawn.',
  // An event (an arrest) whose only place is the county: it has no place until the outlet's region is known.
  arrest: 'Police arrested two protesters in Marion County on Saturday, the sheriff said. The protesters had blocked a road near the courthouse for most of the afternoon.',
};
// A wire desk's stories (invented) under one host: each in another state, so the outlet has no home region.
const WIRE = 'https://www.statewirenews.example/story/';
const WIRE_STORIES: Readonly<Record<string, string>> = {
  levee: 'Engineers in Baton Rouge said on Monday that the levee along the river would be raised by two feet before the storm season, after a report found weak spots near Port Allen.',
  drought: 'Farmers near Amarillo and Lubbock asked state officials for drought relief on Thursday, saying the wheat crop had failed on thousands of acres across the Panhandle.',
  ferry: 'The ferry between Seattle and Bainbridge Island was cancelled for a second day after a mechanical fault, the operator said, and commuters were told to drive around through Tacoma.',
  crash: 'Deputies said a pickup truck left the road and struck a tree in Marion County late Saturday, and that the driver was taken to a hospital in serious condition.',
};

let dir: string;
let pipeline: ComposedPipeline;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-outlet-regions-'));
  for (const [name, text] of Object.entries(STORIES)) writeFileSync(join(dir, `${name}.jsonl`), `${JSON.stringify({ url: LEDGER + name, title: `Ledger ${name}`, text })}\n`);
  for (const [name, text] of Object.entries(WIRE_STORIES)) writeFileSync(join(dir, `wire-${name}.jsonl`), `${JSON.stringify({ url: WIRE + name, title: `Wire ${name}`, text })}\n`);
  const probe = openSqliteStore(':memory:');
  await probe.migrate();
  pipeline = await composePipeline(probe);
  await probe.close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh store of one kind, and how to dispose of it. */
type StoreMaker = () => Promise<{ store: Store; dispose: () => Promise<void> }>;

const sqlite: StoreMaker = async () => {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  return { store, dispose: () => store.close() };
};
const postgres: StoreMaker = async () => {
  const schema = createTestSchema();
  const store = openPostgresStore(schema.url);
  await store.migrate();
  return {
    store,
    dispose: async () => {
      await store.close();
      await schema.drop();
    },
  };
};

/** Ingests the named stories one ingest at a time, in this order. */
async function ingestInOrder(store: Store, names: readonly string[]): Promise<number> {
  let rewritten = 0;
  for (const name of names) rewritten += (await ingest([join(dir, `${name}.jsonl`)], { store, stages: pipeline.stages, resources: pipeline.resources })).placesRewritten;
  return rewritten;
}

/** Every stored article's places, by title, as "text → name, division, country" (unresolved: "text → ?"). */
async function placesByTitle(store: Store): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const summary of await store.listArticles({ limit: 50 })) {
    const article = await store.getArticle(summary.id);
    const places = (article?.layers['places'] ?? []) as PlaceRef[];
    out[summary.title ?? summary.id] = places.map((p) => (p.isResolved ? `${p.text} → ${p.name}, ${p.admin1}, ${p.countryCode}` : `${p.text} → ?`));
  }
  return out;
}

/** The store's place index (what the map and the place filter read), as "name country articles". */
async function placeIndex(store: Store): Promise<string[]> {
  return (await store.listPlaces()).places.map((p) => `${p.name} ${p.countryCode} ${p.articleCount}`).sort();
}

for (const [kind, make, skip] of [['sqlite', sqlite, undefined], ['postgres', postgres, POSTGRES_SKIP_REASON]] as const) {
  describe(`outlet regions (${kind})`, { ...(skip ? { skip } : {}) }, () => {
    test('outlet regions › the same articles ingested in two orders give the same places, and the local paper\'s "Marion County" is in Florida', async () => {
      const first = await make();
      const second = await make();
      try {
        // The county story first (read alone, "Marion County" is any of a dozen), then the stories that teach the region.
        await ingestInOrder(first.store, ['crash', 'bus', 'fire', 'school']);
        await ingestInOrder(second.store, ['school', 'fire', 'bus', 'crash']);
        const places = await placesByTitle(first.store);
        assert.deepEqual(places['Ledger crash'], ['Marion County → Marion County, Florida, US']);
        assert.deepEqual(await placesByTitle(second.store), places);
        assert.deepEqual(await placeIndex(second.store), await placeIndex(first.store));
        assert.ok((await placeIndex(first.store)).includes('Marion County US 1'), 'the place index follows the rewritten layer');
      } finally {
        await first.dispose();
        await second.dispose();
      }
    });

    test('outlet regions › once an outlet has its region, a later run reads again only its own articles and the sample', async () => {
      const { store, dispose } = await make();
      try {
        await ingestInOrder(store, ['bus', 'fire', 'school']);
        const read: string[] = [];
        const counting: Store = { ...store, getArticles: (ids, options) => (read.push(...ids), store.getArticles(ids, options)) };
        const [crash] = await ingest([join(dir, 'crash.jsonl')], { store: counting, stages: pipeline.stages, resources: pipeline.resources }).then(async (r) => {
          assert.equal(r.placesRewritten, 1, 'the new story is placed with the region');
          return (await store.listArticles({ limit: 10 })).filter((a) => a.title === 'Ledger crash');
        });
        // The region is the same with and without the new story, so the three older stories are read only as the sample.
        const reads = new Map<string, number>();
        for (const id of read) reads.set(id, (reads.get(id) ?? 0) + 1);
        assert.equal(reads.get(crash!.id), 2, 'the new story: once in the sample, once to place it');
        for (const [id, n] of reads) if (id !== crash!.id) assert.equal(n, 1, `an older story is read once: ${id}`);
      } finally {
        await dispose();
      }
    });

    test('outlet regions › the rewritten place reaches the event, its observation, the map and the export', async () => {
      const { store, dispose } = await make();
      try {
        // The arrest first: read alone, "Marion County" is unplaced, so its event is saved with no place.
        await ingestInOrder(store, ['arrest']);
        const [before] = (await store.listEvents({ limit: 10 })).filter((e) => e.ploverType === 'COERCE');
        assert.ok(before, 'the arrest is an event');
        assert.equal(before.place, null);
        await ingestInOrder(store, ['bus', 'fire', 'school']);
        const event = await store.getEvent(before.id);
        assert.equal(event?.place?.name, 'Marion County');
        assert.equal(event?.place?.countryCode, 'US');
        assert.ok(event.place.lat !== null && Math.abs(event.place.lat - 29.2) < 0.5, `Florida's Marion County: ${event.place.lat}`);
        assert.deepEqual(event.observations.map((o) => o.place?.name), ['Marion County'], 'its observation');
        const map = await store.listMapEvents({}, 50);
        assert.ok(map.some((e) => e.id === before.id && e.place.name === 'Marion County'), 'on the map');
        const exported = (await exportAs(store, 'events.jsonl')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as { id: string; place?: { name: string } | null });
        assert.equal(exported.find((e) => e.id === before.id)?.place?.name, 'Marion County', 'in the export');
      } finally {
        await dispose();
      }
    });

    test('outlet regions › an ingest stopped by Ctrl-C still places what it saved with its outlet\'s region', async () => {
      const { store, dispose } = await make();
      try {
        await ingestInOrder(store, ['bus', 'fire', 'school']);
        // Ctrl-C while the crash story is being read: it is saved, and the later inputs are left.
        const interrupt = new AbortController();
        const reader: typeof readInput = async function* (path, options) {
          yield* readInput(path, options);
          if (path.endsWith('crash.jsonl')) interrupt.abort();
        };
        const outcome = await ingest([join(dir, 'crash.jsonl'), join(dir, 'arrest.jsonl')], { store, stages: pipeline.stages, resources: pipeline.resources, interrupt: interrupt.signal, readInput: reader });
        assert.equal(outcome.isInterrupted, true);
        assert.equal(outcome.placesRewritten, 1);
        const places = await placesByTitle(store);
        assert.deepEqual(places['Ledger crash'], ['Marion County → Marion County, Florida, US']);
        assert.equal(places['Ledger arrest'], undefined, 'the input after Ctrl-C was not read');
      } finally {
        await dispose();
      }
    });

    test('outlet regions › a wire desk whose stories scatter over states has no region: its "Marion County" stays unplaced', async () => {
      const { store, dispose } = await make();
      try {
        const rewritten = await ingestInOrder(store, ['wire-levee', 'wire-drought', 'wire-ferry', 'wire-crash']);
        assert.equal(rewritten, 0);
        assert.deepEqual((await placesByTitle(store))['Wire crash'], ['Marion County → ?']);
      } finally {
        await dispose();
      }
    });
  });
}

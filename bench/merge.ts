/**
 * Merge cost per new article as the store grows (issue 8): hand-annotated articles (no NLP) saved through the
 * store with entity links and event observations; the mean save time of the next 200 articles is measured at
 * each store size. Flat means the candidate look-up is bounded, not a scan of history.
 *
 *   node --import tsx bench/merge.ts [--sizes 1000,5000,20000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { linkEntities } from '../src/corpus/link-entities/index.js';
import { observeEvents } from '../src/corpus/observe/index.js';
import type { Doc } from '../src/model/index.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import { makeDoc } from '../test/helpers/make-doc.js';
import { seeded } from './lib/synthetic.js';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,5000,20000' } } });
const SIZES = values.sizes.split(',').map(Number);
const TYPES = ['ASSAULT', 'PROTEST', 'CONSULT', 'ACCUSE', 'COERCE', 'AID'];

/** An annotated article: one event between two of 500 actors at one of 40 places; time advances 40 articles a day, as in a news stream. */
function annotated(i: number): Doc {
  const rand = seeded(i + 1);
  const a = Math.floor(rand() * 500);
  const b = Math.floor(rand() * 500);
  const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(i / 40 + rand() * 3) * 86_400_000).toISOString().slice(0, 10);
  const place = Math.floor(rand() * 40);
  const text = `Group ${a} attacked group ${b} near town ${place} on ${day}, article ${i}.`;
  return makeDoc({
    text,
    meta: { outlet: `Outlet ${i % 30}`, publishedAt: day, source: `a${i}` },
    layers: {
      entities: [
        { id: 'e1', name: `Group ${a}`, type: 'ORG', kind: 'armed-group', mentionIds: [], aliases: [], roles: [], references: [] },
        { id: 'e2', name: `Group ${b}`, type: 'ORG', kind: 'armed-group', mentionIds: [], aliases: [], roles: [], references: [] },
      ],
      times: [{ id: 't1', start: 0, end: 0, text: day, type: 'DATE', value: day, granularity: 'day', isAnchored: true }],
      places: [{ id: 'p1', start: 0, end: 0, text: `town ${place}`, isResolved: true, name: `town ${place}`, lat: 30 + place / 10, lon: 40 + place / 10, countryCode: 'SY', precision: 'city' }],
      events: [{
        id: 'v1', evidence: { start: 0, end: text.length }, trigger: { start: 8, end: 16 }, ploverType: TYPES[i % TYPES.length]!, contexts: [],
        sources: [{ start: 0, end: 7, text: `Group ${a}`, entityId: 'e1' }], targets: [{ start: 17, end: 24, text: `group ${b}`, entityId: 'e2' }],
        counts: {}, modality: 'asserted', timeId: 't1', placeId: 'p1',
      }],
      claims: [],
    },
  });
}

const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-merge-'));
const store = openSqliteStore(join(dir, 'merge.db'));
await store.migrate();
const save = async (doc: Doc) => {
  const entities = linkEntities(doc.layers.entities ?? [], new Map());
  await store.saveArticle(doc, 'bench@1', { entities, events: observeEvents(doc, entities, doc.id) });
};
const results: { size: number; msPerArticle: number }[] = [];
let stored = 0;
for (const size of SIZES) {
  while (stored < size) await save(annotated(stored++));
  const began = performance.now();
  for (let k = 0; k < 200; k++) await save(annotated(stored++));
  results.push({ size, msPerArticle: (performance.now() - began) / 200 });
}
const events = (await store.stats()).events;
await store.close();
rmSync(dir, { recursive: true, force: true });
for (const r of results) console.log(`store of ${String(r.size).padStart(6)} articles: ${r.msPerArticle.toFixed(3)} ms per new article (save + link + merge + corroborate)`);
console.log(`${events} merged events from ${stored} articles`);
const growth = results.length > 1 ? results[results.length - 1]!.msPerArticle / results[0]!.msPerArticle : 1;
console.log(JSON.stringify({ bench: 'merge', sizes: SIZES, ms_per_article: results.map((r) => +r.msPerArticle.toFixed(3)), growth_last_vs_first: +growth.toFixed(2) }));

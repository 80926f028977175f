/**
 * Issue 20.1: one bad date never aborts a batch. A JSONL record or feed item whose date is no calendar date is
 * stored without it (a warning names the input), and a store that refuses one article fails that input only.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ingest } from '../../src/app/ingest.js';
import { loadDefaultResources } from '../../src/app/resources.js';
import { watchFeeds, type PollSummary } from '../../src/app/watch.js';
import { StoreError } from '../../src/model/index.js';
import { defaultStages, type Resources } from '../../src/pipeline/index.js';
import { openPostgresStore } from '../../src/store/postgres/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { Store } from '../../src/store/store.js';
import { respond, serveFile, startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { POSTGRES_SKIP_REASON, createTestSchema } from '../helpers/postgres-schema.js';

const BAD_DATES = ['not a date', '99999-01-01', '0000-00-00', '1e308', '2024-02-30T10:00:00Z'];

// Each record reports an attack, so the event stages and the cross-article merge window compute with its date.
const body = (n: number) =>
  `Government forces shelled the town of Maarat al-Numan on Monday, killing ${n + 2} civilians, local officials said. ` +
  `The army attacked rebel positions near Idlib, the defence ministry said in a statement issued from Damascus.`;

function jsonlWithBadDates(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-dates-'));
  const path = join(dir, 'wire.jsonl');
  const lines = [...BAD_DATES, '2024-03-05'].map((published, i) => JSON.stringify({ title: `Shelling report ${i}`, published, outlet: 'Wire', text: body(i) }));
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

let resources: Resources;
before(async () => {
  resources = await loadDefaultResources();
});

async function assertBadDatesDropped(store: Store): Promise<void> {
  const path = jsonlWithBadDates();
  const summary = await ingest([path], { store, stages: defaultStages(), resources });
  assert.deepEqual(summary.failures, []);
  assert.equal(summary.inserted, BAD_DATES.length + 1, 'every record is stored, the last one after all the bad ones');
  assert.deepEqual(summary.warnings.map((w) => w.source), BAD_DATES.map((_, i) => `${path}#${i + 1}`));
  for (const [i, warning] of summary.warnings.entries()) assert.ok(warning.reason.includes(JSON.stringify(BAD_DATES[i])), warning.reason);
  const listed = await store.listArticles({ limit: 50 });
  const dated = listed.filter((a) => a.publishedAt !== null).map((a) => a.publishedAt);
  assert.deepEqual(dated, ['2024-03-05'], 'bad dates are dropped, never stored as given');
}

test('reliability › JSONL records dated "not a date", 99999-01-01, 0000-00-00 or 1e308 are stored undated with a warning each (SQLite)', async () => {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  try {
    await assertBadDatesDropped(store);
  } finally {
    await store.close();
  }
});

test('reliability › JSONL records with bad dates are stored undated with a warning each (PostgreSQL)', { skip: POSTGRES_SKIP_REASON }, async () => {
  const schema = createTestSchema();
  const store = openPostgresStore(schema.url);
  try {
    await store.migrate();
    await assertBadDatesDropped(store);
  } finally {
    await store.close();
    await schema.drop();
  }
});

/** A store that refuses every article whose body mentions `word`, as a constraint violation would. */
function refusing(store: Store, word: string): Store {
  return {
    ...store,
    saveArticle: async (doc, pipeline, links) => {
      if (doc.text.includes(word)) throw new StoreError(`save article ${doc.id}`, new Error('CHECK constraint failed'));
      return store.saveArticle(doc, pipeline, links);
    },
  };
}

test('reliability › an article the store refuses fails that input by name and the batch goes on', async () => {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  try {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-refused-'));
    writeFileSync(join(dir, 'a-ferry.txt'), 'Ferry crews in Tartus walked out on Tuesday over new rosters, the union said, leaving hundreds of passengers stranded at the quay.\n');
    writeFileSync(join(dir, 'b-poison.txt'), 'The poison control centre in Latakia said on Monday it had treated eleven people after a chlorine leak at the water plant.\n');
    writeFileSync(join(dir, 'c-grain.txt'), 'Grain prices in Homs rose by a third in a week, traders said, after the main road to the coast was closed by floods.\n');
    const summary = await ingest([dir], { store: refusing(store, 'poison'), stages: [], resources });
    assert.equal(summary.inserted, 2);
    assert.deepEqual(summary.failures.map((f) => [f.source, f.code]), [[join(dir, 'b-poison.txt'), 'E_STORE']]);
    assert.match(summary.failures[0]!.reason, /CHECK constraint failed/);
  } finally {
    await store.close();
  }
});

test('reliability › a store that fails on ten inputs in a row stops the batch with its error', async () => {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  try {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-broken-store-'));
    for (let i = 0; i < 12; i++) writeFileSync(join(dir, `${String(i).padStart(2, '0')}.txt`), `Dock workers in Tartus unloaded ${i + 3} grain ships on Sunday, the port authority said, the busiest day since the floods closed the coast road.\n`);
    await assert.rejects(ingest([dir], { store: refusing(store, 'Dock workers'), stages: [], resources }), StoreError);
  } finally {
    await store.close();
  }
});

const servers: FixtureServer[] = [];
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

test('reliability › watch stores a feed item whose <pubDate> is not a date, with a warning, and does not crash', async () => {
  const items = [['ferry-strike', 'not a date'], ['lighthouse-sale', 'Mon, 45 Jan 99999 10:00:00 GMT'], ['dredging-delay', '0000-00-00']];
  const rss = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Harbour Gazette</title>${items
    .map(([page, date]) => `<item><title>${page}</title><link>{{origin}}/news/${page}.html</link><guid>${page}</guid><pubDate>${date}</pubDate></item>`)
    .join('')}</channel></rss>`;
  const server = await startFixtureServer({
    '/feeds/bad-dates.rss': (req, res, origin) => respond(200, { 'content-type': 'application/rss+xml' }, rss.replaceAll('{{origin}}', origin))(req, res, origin),
    ...Object.fromEntries(items.map(([page]) => [`/news/${page}.html`, serveFile(`${page}.html`)])),
  });
  servers.push(server);
  const store = openSqliteStore(':memory:');
  await store.migrate();
  try {
    const summaries: PollSummary[] = [];
    const statePath = join(mkdtempSync(join(tmpdir(), 'dossier-watch-dates-')), 'w.json');
    await watchFeeds([server.url('/feeds/bad-dates.rss')], {
      store, stages: defaultStages(), resources, statePath, isOnce: true, fetch: { minIntervalMs: 20, timeoutMs: 5_000, allowPrivateHosts: true }, onPoll: (s) => summaries.push(s),
    });
    const [summary] = summaries;
    assert.deepEqual(summary!.failures, []);
    assert.equal(summary!.inserted, 3);
    assert.equal(summary!.warnings.length, 3);
    for (const w of summary!.warnings) assert.match(w.reason, /not a calendar date/);
    for (const a of (await store.listArticles({ limit: 10 }))) {
      if (a.publishedAt !== null) assert.match(a.publishedAt, /^(199\d|20\d\d)-\d\d-\d\d/, `a page date, not the feed's: ${a.publishedAt}`);
    }
  } finally {
    await store.close();
  }
});

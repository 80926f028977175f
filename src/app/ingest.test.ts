import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createResources, defineStage } from '../pipeline/index.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/store.js';
import { ingest, SAVE_BATCH_ARTICLES } from './ingest.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/ingest/', import.meta.url));

/** A temporary folder with two good articles and one corrupt (binary) file among them. */
function makeBatchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-ingest-'));
  copyFileSync(join(FIXTURES, 'harbour-fire.txt'), join(dir, 'a-harbour-fire.txt'));
  writeFileSync(join(dir, 'b-corrupt.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a, 0x00, 0x01]));
  copyFileSync(join(FIXTURES, 'border-talks.html'), join(dir, 'c-border-talks.html'));
  return dir;
}

async function withStore<T>(fn: (store: ReturnType<typeof openSqliteStore>) => Promise<T>): Promise<T> {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

const options = { stages: [], resources: createResources() };

test('ingest › a corrupt file among good ones: the good ones are stored, the bad one reported with its path', async () => {
  await withStore(async (store) => {
    const dir = makeBatchDir();
    const summary = await ingest([dir], { ...options, store });
    assert.equal(summary.inserted, 2);
    assert.equal(summary.failures.length, 1);
    assert.equal(summary.failures[0]!.source, join(dir, 'b-corrupt.txt'));
    assert.equal(summary.failures[0]!.code, 'E_INPUT_BINARY');
    assert.equal((await store.stats()).articles, 2);
  });
});

test('ingest › re-ingesting the same articles stores nothing new', async () => {
  await withStore(async (store) => {
    const dir = makeBatchDir();
    await ingest([dir], { ...options, store });
    const again = await ingest([dir], { ...options, store, rerun: true });
    assert.equal(again.inserted, 0);
    assert.equal(again.duplicates, 2, 'read again (--rerun), each is a duplicate of what is stored');
    assert.equal((await store.stats()).articles, 2);
  });
});

test('ingest › an unchanged input is skipped before cleaning; a changed one, new stages or --rerun read it again', async () => {
  await withStore(async (store) => {
    const dir = makeBatchDir();
    await ingest([dir], { ...options, store });
    const again = await ingest([dir], { ...options, store });
    assert.deepEqual([again.inserted, again.updated, again.duplicates, again.unchanged, again.failures.length], [0, 0, 0, 2, 1], 'the corrupt file is still reported');
    writeFileSync(join(dir, 'a-harbour-fire.txt'), 'Harbour fire contained\n\nFirefighters contained a blaze at the harbour on Sunday, the port authority said.\n');
    const edited = await ingest([dir], { ...options, store });
    assert.deepEqual([edited.inserted, edited.unchanged], [1, 1], 'the edited file is read again');
    const stage = defineStage({ name: 'events', version: 1, requires: [], assigns: 'events', run: () => [] });
    const upgraded = await ingest([dir], { ...options, stages: [stage], store });
    assert.deepEqual([upgraded.updated, upgraded.unchanged], [2, 0], 'a new pipeline re-annotates every input');
    const forced = await ingest([dir], { ...options, stages: [stage], store, rerun: true });
    assert.deepEqual([forced.duplicates, forced.unchanged], [2, 0]);
  });
});

test('ingest › the same body from a second file is one article with two sources', async () => {
  await withStore(async (store) => {
    const dir = makeBatchDir();
    copyFileSync(join(FIXTURES, 'harbour-fire.txt'), join(dir, 'd-copy.txt'));
    const summary = await ingest([dir], { ...options, store });
    assert.equal(summary.inserted, 2);
    assert.equal(summary.duplicates, 1);
    const [hit] = await store.search({ text: 'Tartus' });
    const article = await store.getArticle(hit!.id);
    assert.equal(article?.sources.length, 2);
  });
});

test('ingest › comments and boilerplate are kept apart from the body', async () => {
  await withStore(async (store) => {
    await ingest([join(FIXTURES, 'harbour-fire.txt')], { ...options, store });
    const [hit] = await store.search({ text: 'grain warehouses' });
    const article = await store.getArticle(hit!.id);
    assert.ok(article);
    assert.doesNotMatch(article.body, /Share:|Avatar|Leave a Reply|Those warehouses were full/);
    assert.equal(article.comments.length, 1);
    assert.equal(article.comments[0]!.author, 'harbourwatcher');
    assert.equal(article.title, 'Fire guts warehouses at Tartus harbour');
  });
});

test('ingest › FTS search finds words, phrases and prefixes with highlighted snippets', async () => {
  await withStore(async (store) => {
    await ingest([FIXTURES], { ...options, store });
    const hits = await store.search({ text: 'Geneva' });
    assert.equal(hits.length, 1);
    assert.match(hits[0]!.snippet, /\[Geneva\]/);
    assert.equal(hits[0]!.outlet, 'The Meridian Post');
    assert.equal((await store.search({ text: '"smoke inhalation"' })).length, 1);
    assert.equal((await store.search({ text: 'demarc*' })).length, 1);
    assert.equal((await store.search({ text: 'submarine' })).length, 0);
    assert.deepEqual(await store.search({ text: 'AND ( "' }), [], 'FTS syntax in user input never throws');
  });
});

test('ingest › missing paths, empty files and binary files each yield one failure and store nothing', async () => {
  await withStore(async (store) => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-bad-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'blank.txt'), '   \n\n  ');
    writeFileSync(join(dir, 'junk.txt'), Buffer.from([0, 1, 2, 3, 4, 5]));
    const summary = await ingest([join(dir, 'empty.txt'), join(dir, 'blank.txt'), join(dir, 'junk.txt'), join(dir, 'nope.txt')], { ...options, store });
    assert.deepEqual(summary.failures.map((f) => f.code), ['E_INPUT_EMPTY', 'E_INPUT_EMPTY', 'E_INPUT_BINARY', 'E_INPUT_NOT_FOUND']);
    assert.equal((await store.stats()).articles, 0);
  });
});

test('ingest › a syndicated copy with its own headline and boilerplate joins the wire story as one near-duplicate group', async () => {
  await withStore(async (store) => {
    const summary = await ingest([fileURLToPath(new URL('../../test/fixtures/syndicated/', import.meta.url))], { ...options, store });
    assert.equal(summary.inserted, 2, 'two articles: the copy is not identical');
    assert.equal((await store.stats()).syndicationGroups, 1);
  });
});

test('ingest › a recipe page is stored with its genre but runs no events or claims stage unless its genre is asked for', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-genre-'));
  copyFileSync(join(FIXTURES, 'harbour-fire.txt'), join(dir, 'a-harbour-fire.txt'));
  writeFileSync(
    join(dir, 'b-lentil-soup.txt'),
    'Lentil soup for cold evenings\n\nThis soup takes twenty minutes. Ingredients: two tablespoons of olive oil, one onion, a teaspoon of cumin, a cup of red lentils and a litre of stock.\n\nWarm the oil, soften the onion, stir in the cumin and the lentils, add the stock and simmer until the lentils fall apart. Season and serve with bread.\n',
  );
  const ran: string[] = [];
  const eventsStage = defineStage({ name: 'events', version: 1, requires: [], assigns: 'events', run: (doc) => (ran.push(doc.meta.genre ?? '?'), []) });
  const genres: Record<string, string | undefined> = {};
  const onArticle = (_o: unknown, source: string, d: unknown) => void (genres[source.split('/').pop()!] = (d as { meta?: { genre?: string } }).meta?.genre);
  await withStore(async (store) => {
    await ingest([dir], { ...options, stages: [eventsStage], store, events: { onArticle } });
  });
  assert.deepEqual(ran, ['news']);
  assert.equal(genres['b-lentil-soup.txt'], 'recipe');
  ran.length = 0;
  await withStore(async (store) => {
    await ingest([dir], { ...options, stages: [eventsStage], store, genres: ['news', 'recipe'] });
  });
  assert.deepEqual(ran.sort(), ['news', 'recipe']);
});

test('ingest › saves share transactions of up to SAVE_BATCH_ARTICLES, and an article is reported only once another connection can read it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-ingest-batch-'));
  const articles = SAVE_BATCH_ARTICLES + 4;
  for (let i = 0; i < articles; i++) writeFileSync(join(dir, `a${String(i).padStart(3, '0')}.txt`), `Report number ${i}: the harbour authority reopened berth ${i} after repairs on Tuesday.\n`);
  const path = join(dir, 'store.db');
  const store = openSqliteStore(path);
  const peer = openSqliteStore(path);
  await store.migrate();
  let batches = 0;
  const counted: Store = new Proxy(store, {
    get: (target, key, receiver) =>
      key === 'openSaveBatch' ? async () => (batches++, target.openSaveBatch!()) : Reflect.get(target, key, receiver),
  });
  try {
    const seenByPeer: boolean[] = [];
    const pendingChecks: Promise<void>[] = [];
    const summary = await ingest([dir], {
      ...options,
      store: counted,
      events: { onArticle: (outcome, _source, doc) => void (outcome === 'inserted' && 'id' in doc && pendingChecks.push(peer.hasArticle(doc.id).then((has) => void seenByPeer.push(has)))) },
    });
    await Promise.all(pendingChecks);
    assert.equal(summary.inserted, articles);
    assert.equal(seenByPeer.length, articles);
    assert.ok(seenByPeer.every(Boolean), 'every reported article was committed');
    assert.ok(batches >= 2 && batches < articles, `${articles} articles saved in ${batches} transactions`);
    assert.equal((await peer.stats()).articles, articles);
  } finally {
    await peer.close();
    await store.close();
  }
});

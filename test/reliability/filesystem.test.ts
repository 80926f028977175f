/**
 * Issue 20.5 (in part): a folder walk never aborts the batch — a symbolic-link loop ends, a linked file is read,
 * a broken link is one failure naming it — and an empty folder is "nothing ingested" (exit 1).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ingest } from '../../src/app/ingest.js';
import { main, type CliIo } from '../../src/cli/main.js';
import { createResources } from '../../src/pipeline/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';

test('filesystem › a link loop ends, a linked file is read once, a broken link is one named failure, and the batch goes on', async () => {
  const root = mkdtempSync(join(tmpdir(), 'dossier-links-'));
  const elsewhere = mkdtempSync(join(tmpdir(), 'dossier-elsewhere-'));
  mkdirSync(join(root, 'news'));
  writeFileSync(join(root, 'news', 'ferry.txt'), 'Ferry crews in Tartus walked out on Tuesday over new rosters, the union said, leaving hundreds of passengers stranded.\n');
  writeFileSync(join(elsewhere, 'grain.txt'), 'Grain prices in Homs rose by a third in a week, traders said on Sunday, after floods closed the main road to the coast.\n');
  symlinkSync(root, join(root, 'news', 'loop')); // news/loop → root → news → …
  symlinkSync(join(elsewhere, 'grain.txt'), join(root, 'grain-link.txt'));
  symlinkSync(join(root, 'gone.txt'), join(root, 'broken.txt'));
  const store = openSqliteStore(':memory:');
  await store.migrate();
  try {
    const summary = await ingest([root], { store, stages: [], resources: createResources() });
    assert.equal(summary.inserted, 2, 'ferry.txt and the linked grain.txt');
    assert.equal(summary.duplicates, 0, 'the loop does not read ferry.txt again');
    assert.deepEqual(summary.failures.map((f) => [f.source, f.code]), [[join(root, 'broken.txt'), 'E_INPUT_UNREADABLE']]);
    assert.match(summary.failures[0]!.reason, /symbolic link/);
  } finally {
    await store.close();
  }
});

test('filesystem › an empty folder is "nothing ingested": exit 1 with a line saying so', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'dossier-empty-'));
  const lines: string[] = [];
  const io: CliIo = { out: (l) => lines.push(l), err: (l) => lines.push(l) };
  assert.equal(await main(['ingest', empty, '--db', join(mkdtempSync(join(tmpdir(), 'dossier-db-')), 's.db')], io), 1);
  assert.ok(lines.some((l) => l.includes('nothing ingested')), lines.join('\n'));
});

test('filesystem › NUL bytes past the first 64 KiB of a file, or escaped in a JSON Lines text, are not stored', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-nul-'));
  const prose = 'The harbour master in Tartus said on Tuesday that the quay would reopen next week after repairs. ';
  writeFileSync(join(dir, 'late-nul.txt'), `${prose.repeat(800)}\0\0\0${prose}\n`);
  writeFileSync(join(dir, 'escaped.jsonl'), `${JSON.stringify({ title: 'Grain', text: `Grain prices in Homs rose by a third in a week,\u0000 traders said on Sunday, after floods closed the road.` })}\n`);
  const store = openSqliteStore(':memory:');
  await store.migrate();
  try {
    const summary = await ingest([dir], { store, stages: [], resources: createResources() });
    assert.equal(summary.inserted, 2);
    for (const a of await store.listArticles({ limit: 10 })) assert.ok(!(await store.getArticle(a.id))!.body.includes('\0'), `no NUL in ${a.id}`);
  } finally {
    await store.close();
  }
});

test('filesystem › a UTF-16 text with its byte-order mark is read as text, not refused as binary', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-utf16-'));
  const text = 'Café owners in Tartus said on Monday that the price of bread had doubled since the summer, and customers stayed away.\r\n';
  writeFileSync(join(dir, 'notes-le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  const be = Buffer.from(text.replace('Monday', 'Tuesday'), 'utf16le');
  be.swap16();
  writeFileSync(join(dir, 'notes-be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
  const store = openSqliteStore(':memory:');
  await store.migrate();
  try {
    const summary = await ingest([dir], { store, stages: [], resources: createResources() });
    assert.deepEqual(summary.failures, []);
    assert.equal(summary.inserted, 2);
    const [hit] = await store.search({ text: 'Tartus bread' });
    assert.match((await store.getArticle(hit!.id))!.body, /^Café owners in Tartus/);
  } finally {
    await store.close();
  }
});

test('filesystem › a file and a folder whose names are not UTF-8 (Latin-1 "café") are read, and named with \\xNN escapes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bytes-'));
  const latin1 = (name: string) => Buffer.concat([Buffer.from(dir), Buffer.from('/'), Buffer.from(name, 'latin1')]);
  writeFileSync(latin1('caf\u00e9-prices.txt'), 'Bread prices in Latakia rose again on Monday, bakers said, the third rise since the harbour strike began.\n');
  mkdirSync(latin1('r\u00e9sum\u00e9s'));
  writeFileSync(Buffer.concat([latin1('r\u00e9sum\u00e9s'), Buffer.from('/ferry.html')]),
    '<html><head><title>Ferry crews strike</title></head><body><article><p>Ferry crews in Tartus walked out on Tuesday over new rosters, the union said, leaving hundreds of passengers stranded at the quay.</p></article></body></html>');
  writeFileSync(latin1('empty-\u00e9.txt'), '');
  const store = openSqliteStore(':memory:');
  await store.migrate();
  try {
    const summary = await ingest([dir], { store, stages: [], resources: createResources() });
    assert.equal(summary.inserted, 2, JSON.stringify(summary.failures));
    // A failure names the file as the user sees it, not the temporary link it was read through.
    assert.deepEqual(summary.failures.map((f) => [f.source, f.code]), [[join(dir, 'empty-\\xE9.txt'), 'E_INPUT_EMPTY']]);
    const sources = (await Promise.all((await store.listArticles({ limit: 10 })).map(async (a) => (await store.getArticle(a.id))!.source))).sort();
    assert.deepEqual(sources, [join(dir, 'caf\\xE9-prices.txt'), join(dir, 'r\\xE9sum\\xE9s', 'ferry.html')]);
    const again = await ingest([dir], { store, stages: [], resources: createResources() });
    assert.equal(again.unchanged, 2, 'a re-run recognises them by their shown names');
  } finally {
    await store.close();
  }
});

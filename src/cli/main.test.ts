import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main, type CliIo } from './main.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { seedFixtureStore } from '../../test/helpers/api-fixture.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/ingest/', import.meta.url));

function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'dossier-cli-')), 'test.db');
}

test('cli › ingest exits 0 and prints a summary; a second run skips everything as duplicate', async () => {
  const db = tempDb();
  const io = captureIo();
  assert.equal(await main(['ingest', FIXTURES, '--db', db], io), 0);
  assert.match(io.stdout.join('\n'), /ingested 2 new, 0 updated, 0 skipped as duplicate, 0 failed/);
  const again = captureIo();
  assert.equal(await main(['ingest', FIXTURES, '--db', db], again), 0);
  assert.match(again.stdout.join('\n'), /ingested 0 new, 0 updated, 0 skipped as duplicate, 2 unchanged \(not read again\), 0 failed/);
});

test('cli › ingest exits 1 and prints one clear line per bad input (empty, binary, missing)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-cli-bad-'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'photo.txt'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]));
  const io = captureIo();
  const code = await main(['ingest', join(dir, 'empty.txt'), join(dir, 'photo.txt'), join(dir, 'missing.txt'), '--db', tempDb()], io);
  assert.equal(code, 1);
  assert.equal(io.stderr.length, 3);
  assert.match(io.stderr[0]!, /empty\.txt: file is empty/);
  assert.match(io.stderr[1]!, /photo\.txt: file looks binary/);
  assert.match(io.stderr[2]!, /missing\.txt: no such file/);
  assert.match(io.stdout.join('\n'), /ingested 0 new/);
});

test('cli › usage errors exit 2', async () => {
  assert.equal(await main(['frobnicate'], captureIo()), 2);
  assert.equal(await main(['ingest'], captureIo()), 2);
  assert.equal(await main(['ingest', FIXTURES, '--max-bytes', 'lots', '--db', tempDb()], captureIo()), 2);
});

test('cli › --help exits 0 for the program and for each command', async () => {
  for (const argv of [['--help'], ['ingest', '--help'], ['search', '--help'], ['show', '--help'], ['stats', '--help']]) {
    const io = captureIo();
    assert.equal(await main(argv, io), 0, argv.join(' '));
    assert.match(io.stdout.join('\n'), /Usage: dossier/);
  }
});

test('cli › --version prints the package version and exits 0', async () => {
  const io = captureIo();
  assert.equal(await main(['--version'], io), 0);
  assert.match(io.stdout.join('\n'), /^\d+\.\d+\.\d+/);
});

test('cli › search, show and stats read what ingest stored', async () => {
  const db = tempDb();
  await main(['ingest', FIXTURES, '--db', db], captureIo());
  const search = captureIo();
  assert.equal(await main(['search', 'Geneva', '--db', db, '--json'], search), 0);
  const hit = JSON.parse(search.stdout[0]!) as { id: string };
  const show = captureIo();
  assert.equal(await main(['show', hit.id.slice(0, 8), '--db', db], show), 0);
  assert.match(show.stdout.join('\n'), /outlet:\s+The Meridian Post/);
  const missing = captureIo();
  assert.equal(await main(['show', 'ffffffff', '--db', db], missing), 1);
  assert.match(missing.stderr.join('\n'), /no article with id/);
  const stats = captureIo();
  assert.equal(await main(['stats', '--db', db, '--json'], stats), 0);
  assert.equal(JSON.parse(stats.stdout[0]!).articles, 2);
  const none = captureIo();
  assert.equal(await main(['search', 'zeppelin', '--db', db], none), 1);
});

test('cli › dict import keeps a PETRARCH actor dictionary in the store and dict list shows it', async () => {
  const db = tempDb();
  const file = fileURLToPath(new URL('../../test/fixtures/dictionaries/zandoria.actors.txt', import.meta.url));
  const io = captureIo();
  assert.equal(await main(['dict', 'import', file, '--db', db], io), 0);
  assert.match(io.stdout[0]!, /imported .*zandoria\.actors\.txt: actors, 2 entries, \d+ phrases, 2 dated codes/);
  const list = captureIo();
  assert.equal(await main(['dict', 'list', '--db', db], list), 0);
  assert.match(list.stdout.join('\n'), /actors\s+2 entries/);
  assert.equal(await main(['dict', 'import', file, '--kind', 'lexicon', '--db', db], captureIo()), 2);
});

test('cli › search takes filters (alone or with words); claims lists who says what with its chain', async () => {
  const db = tempDb();
  const store = openSqliteStore(db);
  await store.migrate();
  const ids = await seedFixtureStore(store);
  await store.close();

  const inSyria = captureIo();
  assert.equal(await main(['search', '--country', 'Syria', '--db', db, '--json'], inSyria), 0);
  assert.deepEqual(inSyria.stdout.map((l) => (JSON.parse(l) as { id: string }).id), [ids.convoy]);
  const both = captureIo();
  assert.equal(await main(['search', 'Baghdad', '--type', 'ASSAULT', '--status', 'denied', '--db', db], both), 0);
  assert.match(both.stdout.join('\n'), /Rockets hit Baghdad airport[\s\S]*\[Baghdad\][\s\S]*1 hit$/);
  const bad = captureIo();
  assert.equal(await main(['search', '--status', 'maybe', '--db', db], bad), 2);
  assert.match(bad.stderr.join('\n'), /--status "maybe"/);
  assert.equal(await main(['search', '--db', db], captureIo()), 2, 'neither words nor a filter');

  const claims = captureIo();
  assert.equal(await main(['claims', '--stance', 'denied', '--db', db], claims), 0);
  assert.match(claims.stdout[0]!, /^claims \(assertions\): 1$/);
  assert.match(claims.stdout[1]!, /^2026-01-06  denied +Qasim Haddad \(commander\) ← The Northern Ledger  \[[0-9a-f]{16}:c1\]$/);
  assert.match(claims.stdout[2]!, /“any role”/);
  assert.match(claims.stdout[3]!, /reports ASSAULT \[.+\], denied/);
  const anonymous = captureIo();
  assert.equal(await main(['claims', '--anonymous', '--db', db], anonymous), 1, 'no claim from an unnamed source: exit 1');
  assert.equal(await main(['claims', '--anonymous', '--named', '--db', db], captureIo()), 2);
  const wishes = captureIo();
  assert.equal(await main(['claims', '--kind', 'desire,evaluation', '--db', db], wishes), 1, 'no wish or judgement: exit 1');
  assert.match(wishes.stdout[0]!, /^claims \(wishes and judgements\): 0$/);
  const every = captureIo();
  assert.equal(await main(['claims', '--kind', 'all', '--db', db], every), 0);
  assert.match(every.stdout[0]!, /^claims \(every kind\): 1$/);
  assert.equal(await main(['claims', '--kind', 'opinion', '--db', db], captureIo()), 2, 'an unknown kind is a usage error');
});

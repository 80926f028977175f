import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { main, type CliIo } from '../main.js';
import { serverTokens } from './serve.js';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/ingest/', import.meta.url));

function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}
const run = async (args: string[]) => {
  const io = captureIo();
  const code = await main(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
};

test('cli › saved add, ingest more, alerts lists the new match once; --mark-seen clears it; saved list and rm', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'dossier-alerts-')), 'test.db');
  assert.equal((await run(['ingest', join(FIXTURES, 'border-talks.html'), '--db', db])).code, 0);
  const added = await run(['saved', 'add', 'Tartus fire', 'warehouses', '--db', db, '--author', 'ana']);
  assert.equal(added.code, 0, added.err);
  assert.match(added.out, /saved search 1 "Tartus fire": "warehouses"/);
  assert.equal((await run(['saved', 'add', 'Any outlet', '--db', db])).code, 2, 'words or a filter are needed');
  assert.equal((await run(['saved', 'add', 'Bad', '--type', 'PICNIC', '--db', db])).code, 2);
  assert.equal((await run(['saved', 'add', 'Tartus fire', 'x', '--db', db])).code, 2, 'names are unique');

  const none = await run(['alerts', '--db', db]);
  assert.deepEqual([none.code, none.out], [1, 'Tartus fire: 0 new articles'], 'nothing new: exit 1');
  assert.equal((await run(['ingest', join(FIXTURES, 'harbour-fire.txt'), '--db', db])).code, 0);
  const fresh = await run(['alerts', '--db', db, '--mark-seen']);
  assert.equal(fresh.code, 0, fresh.err);
  assert.match(fresh.out, /^Tartus fire: 1 new article(, \d+ events?)?\n {2}[0-9a-f]+ {2}.*Fire guts warehouses at Tartus harbour/m);
  assert.match(fresh.out, /marked 1 alert seen/);
  assert.equal((await run(['alerts', '--db', db])).code, 1, 'seen now');

  const json = await run(['saved', 'list', '--db', db, '--json']);
  assert.deepEqual(JSON.parse(json.out), { ...JSON.parse(json.out), name: 'Tartus fire', text: 'warehouses', createdBy: 'ana' });
  assert.match((await run(['saved', 'rm', 'Tartus fire', '--db', db])).out, /deleted saved search 1/);
  assert.equal((await run(['saved', 'rm', '1', '--db', db])).code, 1, 'gone');
});

test('cli › note add and note list on an entity by name; exactly one target is needed', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'dossier-notes-')), 'test.db');
  await run(['ingest', join(FIXTURES, 'harbour-fire.txt'), '--db', db]);
  const entities = (await run(['entities', '--db', db, '--json'])).out.split('\n').map((l) => JSON.parse(l) as { id: string; name: string });
  const tartus = entities.find((e) => e.name === 'Tartus');
  assert.ok(tartus, entities.map((e) => e.name).join(', '));
  const added = await run(['note', 'add', 'Port', 'reopened', 'on', 'Friday.', '--entity', 'Tartus', '--author', 'ben', '--db', db]);
  assert.equal(added.code, 0, added.err);
  assert.match(added.out, new RegExp(`note 1 on entity ${tartus.id}`));
  assert.match((await run(['note', 'list', '--entity', tartus.id, '--db', db])).out, /^\d{4}-\d\d-\d\d \d\d:\d\d {2}ben: Port reopened on Friday\.$/);
  assert.equal((await run(['note', 'list', '--db', db])).code, 2);
  assert.equal((await run(['note', 'add', 'x', '--entity', 'Nowhere Known', '--db', db])).code, 1);
});

test('cli › token add prints the token once and keeps only its hash; token list shows roles and names', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'dossier-token-')), 'tokens.txt');
  const added = await run(['token', 'add', '--role', 'editor', '--name', 'ana', '--token-file', file]);
  assert.equal(added.code, 0, added.err);
  assert.match(added.out, /^dsr_\S{43}$/);
  assert.ok(!readFileSync(file, 'utf8').includes(added.out));
  assert.equal((await run(['token', 'add', '--role', 'admin', '--token-file', file])).code, 2);
  assert.match((await run(['token', 'list', '--token-file', file])).out, /^editor {2}ana {2}sha256:[0-9a-f]{12}…$/);
});

test('cli › serve refuses a non-loopback host without --token-file (exit 2, saying why), unless --insecure', async () => {
  const refused = await run(['serve', '--host', '0.0.0.0', '--db', ':memory:']);
  assert.equal(refused.code, 2);
  assert.match(refused.err, /--host "0.0.0.0" is reachable from other machines.*--token-file FILE.*--insecure/);
  assert.equal((await run(['serve', '--host', '0.0.0.0', '--token-file', '/nonexistent/tokens.txt', '--db', ':memory:'])).code, 2, 'a missing token file');
  assert.equal(serverTokens({ host: '0.0.0.0', insecure: true }), undefined);
  assert.equal(serverTokens({ host: '127.0.0.1' }), undefined);
  assert.throws(() => serverTokens({ host: '192.168.1.20' }), { code: 'E_USAGE' });
});

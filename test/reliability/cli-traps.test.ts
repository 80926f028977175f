/**
 * Issue 20.11 / 17 (small traps): impossible dates and unknown event types are usage errors quoting the value,
 * a read-only command never creates a store from a mistyped --db, and `/\host/…` is no safe in-app link.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createApi } from '../../src/api/create-api.js';
import { isCalendarDate } from '../../src/app/validate.js';
import { main, type CliIo } from '../../src/cli/main.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { isSafeHref } from '../../src/web/dom.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));

function capture(): CliIo & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (l) => lines.push(l), err: (l) => lines.push(l) };
}

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'dossier-traps-')), 'store.db');

test('cli › search, timeline and events refuse impossible dates with exit 2, quoting the value', async () => {
  const db = tempDb();
  assert.equal(await main(['ingest', FIXTURES, '--db', db], capture()), 0);
  for (const argv of [['search', 'fire', '--from', '2024-13-45'], ['timeline', '--from', '2024-99-99'], ['search', 'fire', '--to', '2023-02-29'], ['timeline', '--to', '2024-00']]) {
    const io = capture();
    assert.equal(await main([...argv, '--db', db], io), 2, argv.join(' '));
    assert.ok(io.lines.some((l) => l.includes(`"${argv[argv.length - 1]}"`)), io.lines.join('\n'));
  }
  assert.equal(await main(['search', 'fire', '--from', '2024-02-29', '--db', db], capture()), 1, 'a leap day is a date (no hits is exit 1)');
});

test('cli › search --type must name a PLOVER type (any case); FOO is a usage error listing them', async () => {
  const db = tempDb();
  assert.equal(await main(['ingest', FIXTURES, '--db', db], capture()), 0);
  const io = capture();
  assert.equal(await main(['search', '--type', 'FOO', '--db', db], io), 2);
  assert.ok(io.lines.some((l) => l.includes('"FOO"') && l.includes('ASSAULT')), io.lines.join('\n'));
  assert.notEqual(await main(['search', '--type', 'assault', '--db', db], capture()), 2);
});

test('cli › stats, search and export on a mistyped --db exit 2 and create no store; ingest creates one', async () => {
  const db = tempDb();
  for (const argv of [['stats'], ['search', 'fire'], ['entities'], ['export', 'claims.csv']]) {
    const io = capture();
    assert.equal(await main([...argv, '--db', db], io), 2, argv.join(' '));
    assert.ok(io.lines.some((l) => l.includes(db) && l.includes('no store there')), io.lines.join('\n'));
    assert.equal(existsSync(db), false, `${argv[0]} left no file behind`);
  }
  assert.equal(await main(['ingest', FIXTURES, '--db', db], capture()), 0);
  assert.equal(await main(['stats', '--db', db], capture()), 0);
});

test('api › impossible dates and unknown event types are 400s quoting the value', async () => {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  try {
    const app = createApi({ store, logError: () => {} });
    for (const path of ['/api/search?q=x&from=2024-02-30', '/api/events?to=2024-13', '/api/timeline?from=2023-02-29', '/api/search?q=x&type=FOO', '/api/events?type=bombing']) {
      const res = await app.request(path);
      assert.equal(res.status, 400, path);
    }
    assert.equal((await app.request('/api/events?type=assault&from=2024-02-29')).status, 200);
  } finally {
    await store.close();
  }
});

test('calendar dates › years, months and real days pass; month 13, day 45 and 29 February of a common year do not', () => {
  for (const ok of ['2024', '2024-11', '2024-02-29', '2000-02-29', '1999-12-31']) assert.ok(isCalendarDate(ok), ok);
  for (const bad of ['2024-13-45', '2024-99-99', '2023-02-29', '1900-02-29', '2024-00', '2024-1-5', '24-01-01', '2024-04-31', ' 2024']) assert.ok(!isCalendarDate(bad), bad);
});

test('web › isSafeHref refuses /\\host/…, /<tab>/host and javascript: links, keeps in-app and http(s) ones', () => {
  for (const bad of ['/\\evil.example/phish', '/\t/evil.example/', '//evil.example/', 'javascript:alert(1)', 'java\nscript:alert(1)', ' /\\\\evil.example']) assert.equal(isSafeHref(bad), false, JSON.stringify(bad));
  for (const good of ['#/entities/e1', '/api/exports/claims.csv', 'https://news.example/a', 'http://news.example/b']) assert.equal(isSafeHref(good), true, good);
});

test('cli › watch --help shows durations as written (15m, 30s), not in milliseconds', async () => {
  const io = capture();
  assert.equal(await main(['watch', '--help'], io), 0);
  const help = io.lines.join('\n');
  assert.match(help, /default: 15m/);
  assert.match(help, /default: 30s/);
  assert.doesNotMatch(help, /900000/);
});

test('cli › export --out reports bytes written, and search words full of operators exit 0 or 1, never 3', async () => {
  const db = tempDb();
  assert.equal(await main(['ingest', FIXTURES, '--db', db], capture()), 0);
  const out = join(mkdtempSync(join(tmpdir(), 'dossier-out-')), 'entities.jsonl');
  const io = capture();
  assert.equal(await main(['export', 'entities.jsonl', '--out', out, '--db', db], io), 0);
  assert.ok(io.lines.some((l) => new RegExp(`\\(${statSync(out).size} bytes\\)`).test(l)), io.lines.join('\n'));
  for (const words of [['fire', 'AND', 'NOT', 'harbour'], ['OR', 'OR'], ['a', 'AND', 'OR', 'NOT', 'b'], ['"unbalanced'], ['NEAR(']]) {
    const code = await main(['search', ...words, '--db', db], capture());
    assert.ok(code === 0 || code === 1, `${words.join(' ')}: exit ${code}`);
  }
});

test('cli › file names with a newline or an escape sequence are printed escaped and cannot forge a report line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-names-'));
  writeFileSync(join(dir, 'a\nfailed: forged.txt'), '');
  writeFileSync(join(dir, '\u001b[31mred.txt'), '');
  const io = capture();
  assert.equal(await main(['ingest', dir, '--db', tempDb()], io), 1);
  const failed = io.lines.filter((l) => l.startsWith('failed: '));
  assert.equal(failed.length, 2, io.lines.join('\n'));
  assert.ok(failed.some((l) => l.includes('a\\nfailed: forged.txt')), failed.join('\n'));
  assert.ok(failed.some((l) => l.includes('\\x1b[31mred.txt')), failed.join('\n'));
  assert.ok(io.lines.every((l) => !l.includes('\u001b') && !l.includes('\n')));
});

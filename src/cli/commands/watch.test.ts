import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { serveFile, startFixtureServer, type FixtureServer } from '../../../test/helpers/fixture-server.js';
import { main, type CliIo } from '../main.js';

const FILE = fileURLToPath(new URL('../../../test/fixtures/ingest/harbour-fire.txt', import.meta.url));

let server: FixtureServer;
before(async () => {
  server = await startFixtureServer({
    '/feeds/news.rss': serveFile('news.rss', { etag: '"rss-1"' }),
    '/news/ferry-strike.html': serveFile('ferry-strike.html'),
    '/news/lighthouse-sale.html': serveFile('lighthouse-sale.html'),
    '/news/grain-prices.html': serveFile('grain-prices.html'),
  });
});
after(async () => {
  await server.close();
});

function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'dossier-cli-watch-')), 'test.db');

test('cli › ingest takes URLs beside files; a 404 URL is one failure line and exit code 1', async () => {
  const io = captureIo();
  const code = await main(['ingest', server.url('/news/grain-prices.html'), FILE, server.url('/news/gone.html'), '--db', tempDb(), '--allow-private-hosts'], io);
  assert.equal(code, 1);
  assert.match(io.stdout.join('\n'), /ingested 2 new, 0 updated, 0 skipped as duplicate, 1 failed/);
  assert.deepEqual(io.stderr, [`failed: ${server.url('/news/gone.html')}: HTTP 404 Not Found [E_INPUT_NOT_FOUND]`]);
});

test('cli › without --allow-private-hosts ingest refuses a URL on 127.0.0.1 and asks nothing of it (exit 1)', async () => {
  const io = captureIo();
  const before = server.requests.length;
  const url = server.url('/news/ferry-strike.html');
  assert.equal(await main(['ingest', url, '--db', tempDb()], io), 1);
  assert.deepEqual(io.stderr, [`failed: ${url}: refused: 127.0.0.1 is a loopback address; use --allow-private-hosts to fetch it [E_INPUT_UNREADABLE]`]);
  assert.equal(server.requests.length, before);
});

test('cli › without --allow-private-hosts watch --once reports a feed on 127.0.0.1 as failed (exit 1)', async () => {
  const io = captureIo();
  const before = server.requests.length;
  assert.equal(await main(['watch', server.url('/feeds/news.rss'), '--once', '--db', tempDb(), '--json'], io), 1);
  assert.match(io.stdout.join('\n'), /refused: 127\.0\.0\.1 is a loopback address; use --allow-private-hosts to fetch it/);
  assert.equal(server.requests.length, before);
});

test('cli › watch --once ingests a feed\'s items, keeps <db>.watch.json, and a second --once ingests nothing', async () => {
  const db = tempDb();
  const feed = server.url('/feeds/news.rss');
  const io = captureIo();
  assert.equal(await main(['watch', feed, '--once', '--db', db, '--host-interval', '50ms', '--allow-private-hosts'], io), 0, io.stderr.join('\n'));
  assert.match(io.stdout.join('\n'), /1 feed\(s\) \(1 updated, 0 not modified, 0 failed\); 2 item\(s\) fetched: 2 new, 0 updated, 0 duplicate, 0 failed/);
  assert.ok(existsSync(`${db}.watch.json`));
  const again = captureIo();
  assert.equal(await main(['watch', feed, '--once', '--db', db, '--host-interval', '50ms', '--allow-private-hosts'], again), 0);
  assert.match(again.stdout.join('\n'), /\(0 updated, 1 not modified, 0 failed\); 0 item\(s\) fetched: 0 new/);
});

test('cli › watch refuses a feed that is not a URL and an interval under a minute (exit 2)', async () => {
  const io = captureIo();
  assert.equal(await main(['watch', 'feeds.txt', '--once', '--db', tempDb()], io), 2);
  assert.match(io.stderr.join('\n'), /feed "feeds\.txt" is not an http:\/\/ or https:\/\/ URL/);
  const fast = captureIo();
  assert.equal(await main(['watch', server.url('/feeds/news.rss'), '--interval', '10s', '--db', tempDb()], fast), 2);
  assert.match(fast.stderr.join('\n'), /--interval "10s": polling a feed more often than every minute is not polite/);
});

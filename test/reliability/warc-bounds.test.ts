/**
 * Issue 20.2 / 20.3: WARC records are read within bounds and never half — a truncated record or file is an error
 * naming it, an oversized header loses only its own record, a file that is no WARC says so, bombs are refused
 * within a bounded peak RSS — and one article's work is bounded (paragraphs, line length) with a per-input error.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { ingest, type IngestSummary } from '../../src/app/ingest.js';
import { main } from '../../src/cli/main.js';
import { ARTICLE_BOUNDS } from '../../src/stages/clean/clean.js';
import { createResources } from '../../src/pipeline/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { readInChild } from '../helpers/child-rss.js';

const PAGES = {
  ferry: '<html><head><title>Ferry strike</title></head><body><article><p>Ferry crews in Tartus walked out on Tuesday over new rosters, the union said, leaving hundreds of passengers stranded.</p></article></body></html>',
  grain: '<html><head><title>Grain prices</title></head><body><article><p>Grain prices in Homs rose by a third in a week, traders said on Sunday, after floods closed the main road to the coast.</p></article></body></html>',
  dredge: '<html><head><title>Dredging delayed</title></head><body><article><p>The port authority in Latakia said on Monday that dredging of the northern basin would wait until spring.</p></article></body></html>',
};

/** One WARC record, with the given extra header lines (a `Content-Length` line is added unless one is given). */
function record(type: string, block: string | Buffer, extra: string[] = []): Buffer {
  const body = Buffer.isBuffer(block) ? block : Buffer.from(block);
  const lines = ['WARC/1.1', `WARC-Type: ${type}`, 'WARC-Record-ID: <urn:uuid:0>', ...extra];
  if (!extra.some((l) => /^content-length:/i.test(l))) lines.push(`Content-Length: ${body.length}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), body, Buffer.from('\r\n\r\n')]);
}

/** A `response` record of an HTML page at `url`. */
function response(url: string, html: string): Buffer {
  const http = `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(html)}\r\n\r\n${html}`;
  return record('response', http, [`WARC-Target-URI: ${url}`, 'Content-Type: application/http; msgtype=response']);
}

const info = () => record('warcinfo', 'software: dossier test\r\n', ['Content-Type: application/warc-fields']);
const tempDir = () => mkdtempSync(join(tmpdir(), 'dossier-warc-'));

async function ingestInto(inputs: string[]): Promise<IngestSummary & { urls: string[] }> {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  try {
    const summary = await ingest(inputs, { store, stages: [], resources: createResources() });
    const urls = (await Promise.all((await store.listArticles({ limit: 50 })).map((a) => store.getArticle(a.id)))).map((a) => a!.url ?? '').sort();
    return { ...summary, urls };
  } finally {
    await store.close();
  }
}

test('warc › a truncated record is an error naming it and is never stored half; the records before it are stored', async () => {
  const dir = tempDir();
  const whole = Buffer.concat([info(), response('https://news.example/ferry', PAGES.ferry), response('https://news.example/grain', PAGES.grain)]);
  writeFileSync(join(dir, 'cut.warc'), whole.subarray(0, whole.length - 80));
  const summary = await ingestInto([join(dir, 'cut.warc')]);
  assert.deepEqual(summary.urls, ['https://news.example/ferry']);
  assert.equal(summary.failures.length, 1);
  assert.match(summary.failures[0]!.source, /cut\.warc#\d+$/);
  assert.match(summary.failures[0]!.reason, /truncated/);
});

test('warc › a truncated .warc.gz is an error naming the file; its whole records are stored', async () => {
  const dir = tempDir();
  const members = [info(), response('https://news.example/ferry', PAGES.ferry), response('https://news.example/grain', PAGES.grain)].map((r) => gzipSync(r));
  const whole = Buffer.concat(members);
  writeFileSync(join(dir, 'cut.warc.gz'), whole.subarray(0, whole.length - Math.floor(members[2]!.length / 2)));
  const summary = await ingestInto([join(dir, 'cut.warc.gz')]);
  assert.deepEqual(summary.urls, ['https://news.example/ferry']);
  assert.deepEqual(summary.failures.map((f) => [f.source, f.code]), [[join(dir, 'cut.warc.gz'), 'E_INPUT_MALFORMED']]);
  assert.match(summary.failures[0]!.reason, /truncated/);
});

test('warc › a 2 MB header field loses only its own record: the good record after it is stored', async () => {
  const dir = tempDir();
  const hostile = record('response', 'x', [`X-Padding: ${'a'.repeat(2 * 1024 * 1024)}`]);
  writeFileSync(join(dir, 'padded.warc'), Buffer.concat([info(), response('https://news.example/ferry', PAGES.ferry), hostile, response('https://news.example/dredge', PAGES.dredge)]));
  const summary = await ingestInto([join(dir, 'padded.warc')]);
  assert.deepEqual(summary.urls, ['https://news.example/dredge', 'https://news.example/ferry']);
  assert.equal(summary.failures.length, 1);
  assert.match(summary.failures[0]!.reason, /header is longer than/);
});

test('warc › a file named .warc that holds no WARC is refused as such and the command exits 1', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'notes.warc'), 'Minutes of the harbour committee, read on Tuesday.\n');
  const err: string[] = [];
  const code = await main(['ingest', join(dir, 'notes.warc'), '--db', join(tempDir(), 'x.db')], { out: () => {}, err: (l) => err.push(l) });
  assert.equal(code, 1);
  assert.ok(err.some((l) => l.includes('notes.warc') && l.includes('not a WARC file')), err.join('\n'));
});

test('warc › a record whose Content-Length understates 64 MB of inflated zeros, and a zero bomb named .warc.gz, stay within a bounded RSS', () => {
  const dir = tempDir();
  const zeros = Buffer.alloc(64 * 1024 * 1024);
  const lying = Buffer.concat([Buffer.from('WARC/1.1\r\nWARC-Type: resource\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n'), zeros]);
  writeFileSync(join(dir, 'lying.warc.gz'), Buffer.concat([gzipSync(info()), gzipSync(lying, { level: 9 }), gzipSync(response('https://news.example/ferry', PAGES.ferry))]));
  writeFileSync(join(dir, 'bomb.warc.gz'), gzipSync(zeros, { level: 9 }));
  for (const name of ['lying.warc.gz', 'bomb.warc.gz']) {
    const { peakMb, baseMb, items } = readInChild(join(dir, name), 8 * 1024 * 1024);
    assert.ok(items.length > 0 && items.every((i) => !i.startsWith('article')), `${name}: ${items.join(' | ')}`);
    assert.ok(items.every((i) => i.includes(name)), `every error names the file: ${items.join(' | ')}`);
    assert.ok(peakMb - baseMb < 48, `${name}: peak RSS grew ${(peakMb - baseMb).toFixed(0)} MB`);
  }
});

test('bounds › a page of 30,000 paragraphs and a text with a 300,000-character line are refused per input, quickly', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'many.html'), `<!doctype html><html><body>${'<p>The quay stayed closed on Tuesday.</p>'.repeat(30_000)}</body></html>`);
  writeFileSync(join(dir, 'line.txt'), `${'Grain prices rose in Homs again. '.repeat(300_000 / 33 + 1)}\n`);
  writeFileSync(join(dir, 'ok.txt'), 'Ferry crews in Tartus walked out on Tuesday over new rosters, the union said, leaving hundreds of passengers stranded.\n');
  const began = performance.now();
  const summary = await ingestInto([dir]);
  const seconds = (performance.now() - began) / 1000;
  const bySource = Object.fromEntries(summary.failures.map((f) => [f.source.slice(dir.length + 1), f]));
  assert.equal(bySource['many.html']?.code, 'E_INPUT_TOO_LARGE');
  assert.match(bySource['many.html']!.reason, new RegExp(`above the ${ARTICLE_BOUNDS.maxParagraphs} limit`));
  assert.equal(bySource['line.txt']?.code, 'E_INPUT_TOO_LARGE');
  assert.match(bySource['line.txt']!.reason, /line of \d+ characters/);
  assert.equal(summary.inserted, 1);
  assert.ok(seconds < 20, `took ${seconds.toFixed(1)} s`);
});

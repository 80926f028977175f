/**
 * Issue 17 (real crawls): gzip files, zip and tar(.gz) archives of pages are read, streamed and bounded; files of
 * other types are skipped and counted; bombs and truncated archives are errors naming the input, never half read.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { ingest, type IngestSummary } from '../../src/app/ingest.js';
import { main } from '../../src/cli/main.js';
import { readPath } from '../../src/ingest/read-file.js';
import { createResources } from '../../src/pipeline/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { tarHeader, tarOf, zipOf } from '../helpers/archive-writers.js';
import { readInChild } from '../helpers/child-rss.js';

const FERRY = 'Ferry crews in Tartus walked out on Tuesday over new rosters, the union said, leaving hundreds of passengers stranded at the quay.\n';
const GRAIN = '<!doctype html><html><head><title>Grain prices climb</title></head><body><article><p>Grain prices in Homs rose by a third in a week, traders said on Sunday, after floods closed the main road to the coast.</p></article></body></html>';
const DREDGE = 'The port authority in Latakia said on Monday that dredging of the northern basin would be delayed until spring because the contractor had gone bankrupt.\n';
const WIRE = `${JSON.stringify({ title: 'Power cuts', published: '2025-01-14', text: 'Power cuts in Aleppo lasted twenty hours on Monday, the electricity ministry said, as fuel deliveries to the plants fell short again.' })}\n`;

const tempDir = (label: string) => mkdtempSync(join(tmpdir(), `dossier-${label}-`));

async function ingestInto(inputs: string[], maxBytes?: number): Promise<IngestSummary & { titles: string[]; sources: string[] }> {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  try {
    const summary = await ingest(inputs, { store, stages: [], resources: createResources(), ...(maxBytes ? { maxBytes } : {}) });
    const listed = await store.listArticles({ limit: 100 });
    const full = await Promise.all(listed.map((a) => store.getArticle(a.id)));
    return { ...summary, titles: listed.map((a) => a.title ?? '').sort(), sources: full.flatMap((a) => a!.sources).sort() };
  } finally {
    await store.close();
  }
}

test('archives › a folder of .html.gz, .txt.gz and .jsonl.gz pages is read like plain pages', async () => {
  const dir = tempDir('gz');
  writeFileSync(join(dir, 'grain.html.gz'), gzipSync(GRAIN));
  writeFileSync(join(dir, 'ferry.txt.gz'), gzipSync(FERRY));
  writeFileSync(join(dir, 'wire.jsonl.gz'), gzipSync(WIRE));
  const summary = await ingestInto([dir]);
  assert.deepEqual(summary.failures, []);
  assert.equal(summary.inserted, 3);
  assert.ok(summary.titles.includes('Grain prices climb') && summary.titles.includes('Power cuts'), summary.titles.join(' | '));
  assert.ok(summary.sources.includes(join(dir, 'wire.jsonl.gz#1')), summary.sources.join(' | '));
});

test('archives › zip, tar and tar.gz members are ingested with "archive#member" sources; other types are skipped and counted', async () => {
  const dir = tempDir('archives');
  const files = [{ name: 'pages/ferry.txt', content: FERRY }, { name: 'pages/grain.html', content: GRAIN }, { name: 'pages/scan.pdf', content: '%PDF-1.4 scanned page' }, { name: '__MACOSX/pages/._ferry.txt', content: 'resource fork' }];
  writeFileSync(join(dir, 'a.zip'), zipOf([...files, { name: 'wire.jsonl', content: WIRE }]));
  writeFileSync(join(dir, 'b.tar'), tarOf([{ name: 'dredge.txt', content: DREDGE }, { name: 'logo.png', content: 'PNG' }]));
  writeFileSync(join(dir, 'c.tgz'), gzipSync(tarOf([{ name: 'nested/grain.html.gz', content: gzipSync(GRAIN) }, { name: 'wire.jsonl', content: WIRE }])));
  writeFileSync(join(dir, 'notes.docx'), 'not read');
  const summary = await ingestInto([dir]);
  assert.deepEqual(summary.failures, []);
  assert.equal(summary.inserted, 4, 'ferry, grain, dredge and the wire story, each once');
  assert.equal(summary.duplicates, 2, 'grain and the wire story again from the tar.gz');
  assert.deepEqual(summary.skipped, { '.pdf': 1, '.png': 1, '.docx': 1 });
  assert.ok(summary.sources.includes(`${join(dir, 'a.zip')}#pages/ferry.txt`), summary.sources.join(' | '));
  assert.ok(summary.sources.includes(`${join(dir, 'b.tar')}#dredge.txt`), summary.sources.join(' | '));
});

test('archives › a folder with only unsupported files says "N files skipped: unsupported type (…)" and exits 1', async () => {
  const dir = tempDir('unsupported');
  writeFileSync(join(dir, 'scan.pdf'), '%PDF-1.4');
  writeFileSync(join(dir, 'sheet.xyz'), 'x');
  writeFileSync(join(dir, 'old.csv.gz'), gzipSync('a,b'));
  const err: string[] = [];
  const code = await main(['ingest', dir, '--db', join(tempDir('store'), 'store.db')], { out: () => {}, err: (l) => err.push(l) });
  assert.equal(code, 1);
  assert.ok(err.includes('3 files skipped: unsupported type (.csv.gz, .pdf, .xyz)'), err.join('\n'));
});

test('archives › a member above the size limit, a damaged member and a truncated archive are errors naming them; the rest is read', async () => {
  const dir = tempDir('damaged');
  const big = `${'The harbour master said the quay would stay closed. '.repeat(4000)}\n`; // ≈ 200 kB, above the 100 kB limit below
  const zip = zipOf([{ name: 'big.txt', content: big }, { name: 'ferry.txt', content: FERRY }, { name: 'dredge.txt', content: DREDGE }]);
  // Flip a byte inside dredge.txt's compressed data: its CRC-32 no longer matches.
  const damaged = Buffer.from(zip);
  const at = damaged.indexOf(Buffer.from('dredge.txt')) + 'dredge.txt'.length + 5;
  damaged[at] = damaged[at]! ^ 0xff;
  writeFileSync(join(dir, 'a.zip'), damaged);
  writeFileSync(join(dir, 'cut.zip'), zip.subarray(0, zip.length - 40));
  const tar = tarOf([{ name: 'ferry.txt', content: FERRY }, { name: 'dredge.txt', content: DREDGE }]);
  writeFileSync(join(dir, 'cut.tar.gz'), gzipSync(tar.subarray(0, 512 + 512 + 512 + 60)));
  writeFileSync(join(dir, 'cut.txt.gz'), gzipSync(FERRY).subarray(0, 30));
  writeFileSync(join(dir, 'fake.zip'), 'this is no zip archive at all, just words in a file named like one');
  const summary = await ingestInto([dir], 100_000);
  const bySource = Object.fromEntries(summary.failures.map((f) => [f.source.slice(dir.length + 1), `${f.code} ${f.reason}`]));
  assert.match(bySource['a.zip#big.txt'] ?? '', /^E_INPUT_TOO_LARGE/);
  assert.match(bySource['a.zip#dredge.txt'] ?? '', /^E_INPUT_MALFORMED .*damaged/);
  assert.match(bySource['cut.zip'] ?? '', /^E_INPUT_MALFORMED .*(truncated|not a zip)/);
  assert.match(bySource['cut.tar.gz#dredge.txt'] ?? bySource['cut.tar.gz'] ?? '', /^E_INPUT_MALFORMED .*truncated/);
  assert.match(bySource['cut.txt.gz'] ?? '', /^E_INPUT_MALFORMED .*truncated/);
  assert.match(bySource['fake.zip'] ?? '', /^E_INPUT_MALFORMED/);
  assert.equal(summary.inserted, 1, 'ferry.txt, read from a.zip and again (a duplicate) from cut.tar.gz');
  assert.ok(!summary.sources.some((s) => s.includes('dredge')), 'no half-read member is stored');
});

test('archives › a JSON Lines file opening with a byte-order mark reads its first line', async () => {
  const dir = tempDir('bom');
  writeFileSync(join(dir, 'export.jsonl'), `\uFEFF${WIRE}`);
  const summary = await ingestInto([join(dir, 'export.jsonl')]);
  assert.deepEqual(summary.failures, []);
  assert.equal(summary.inserted, 1);
});

test('archives › a JSON Lines line above the limit is refused and the next line is read', async () => {
  const dir = tempDir('long-line');
  const long = JSON.stringify({ title: 'Long', text: 'Floodwater reached the old market in Deir ez-Zor on Friday. '.repeat(3000) });
  writeFileSync(join(dir, 'feed.jsonl'), `${long}\n${WIRE}`);
  const summary = await ingestInto([join(dir, 'feed.jsonl')], 100_000);
  assert.deepEqual(summary.failures.map((f) => [f.source.slice(dir.length + 1), f.code]), [['feed.jsonl#1', 'E_INPUT_TOO_LARGE']]);
  assert.equal(summary.inserted, 1);
});

test('archives › 64 MB bombs (gzip page, zip member, tar.gz) are refused within a bounded peak RSS', () => {
  const dir = tempDir('bombs');
  const zeros = Buffer.alloc(64 * 1024 * 1024, 0x20); // 64 MB of spaces: valid text, inflates ~1000 times
  writeFileSync(join(dir, 'page.html.gz'), gzipSync(zeros, { level: 9 }));
  writeFileSync(join(dir, 'bomb.zip'), zipOf([{ name: 'a.txt', content: zeros }, { name: 'ferry.txt', content: FERRY }]));
  const tarGz = gzipSync(Buffer.concat([tarHeader('spaces.txt', zeros.length), zeros, tarOf([{ name: 'ferry.txt', content: FERRY }])]), { level: 9 });
  writeFileSync(join(dir, 'bomb.tar.gz'), tarGz);
  const limit = 8 * 1024 * 1024;
  for (const name of ['page.html.gz', 'bomb.zip', 'bomb.tar.gz']) {
    const { peakMb, baseMb, items } = readInChild(join(dir, name), limit);
    assert.ok(items.some((i) => i.startsWith('E_INPUT_TOO_LARGE')), `${name}: ${items.join(' | ')}`);
    assert.ok(peakMb - baseMb < 48, `${name}: peak RSS grew ${(peakMb - baseMb).toFixed(0)} MB reading a 64 MB bomb with an 8 MB limit`);
    if (name === 'bomb.zip') assert.ok(items.some((i) => i.startsWith('article') && i.endsWith('#ferry.txt')), `the member after the bomb is read: ${items.join(' | ')}`);
  }
});

test('archives › readPath reads a gzip page from a name without its type (.gz) as text', async () => {
  const dir = tempDir('plain-gz');
  writeFileSync(join(dir, 'story.gz'), gzipSync(DREDGE));
  const items = [];
  for await (const item of readPath(join(dir, 'story.gz'))) items.push(item);
  assert.equal(items.length, 1);
  assert.equal('content' in items[0]! ? items[0].content : '', DREDGE);
});
